import Foundation
import PlaceTestSupport
import Testing

/// Debian's Firefox ESR, found where apt installs it.
enum Firefox {
    static let path: String? = ["/usr/bin/firefox-esr", "/usr/bin/firefox"].first { FileManager.default.isExecutableFile(atPath: $0) }
}

/// The scenario explorer page in headless Firefox (firefox-esr driven over Marionette by the
/// marionette_driver package, `Tests/oracle/explorer_firefox.py`): scenarios loaded through the URL
/// fragment show the data-* values that Chromium shows for them, and those of the independent truth; a
/// council given to another system with the mouse, then undone, gives the truth's figures and today's.
@Suite(
    .serialized,
    .enabled(
        if: Firefox.path != nil || ProcessInfo.processInfo.environment["CI"] != nil, "needs firefox-esr (apt-get install firefox-esr)"),
    .enabled(if: Chromium.path != nil || ProcessInfo.processInfo.environment["CI"] != nil, "needs chromium (apt-get install chromium)"),
    .enabled(if: Oracle.shouldRun, "needs the Python oracle venv (scripts/oracle-venv: marionette_driver, playwright)"))
struct ExplorerFirefoxTests {
    static let keys = ["split-places", "systems", "systems-under-1m", "systems-not-one-piece", "unsupported-rows", "errors", "rows"]

    @Test func fragmentsGiveTheFiguresChromiumShows() throws {
        let folder = Paths.temporaryFolder()
        let html = folder.appendingPathComponent("explore.html").path
        let made = try placemap("explore", "-o", html, "--quiet")
        #expect(made.status == 0, "\(made.stderr)")
        // The worked examples, a mixed scenario, and one with a row the page cannot apply (move-block).
        var files = try ExplorerBrowserTests.exampleScenarios()
        let mixed =
            "change,code,to_code,to_name\nmerge-system,E54000034,NEW-SYS-01,\"Surrey & Frimley <b>\"\nmerge-system,E54000063,NEW-SYS-01,\n"
            + "move-place,E07000244,E54000022,\nmerge-place,E07000085,NEW-UA-01,East Hampshire and Hart\nmerge-place,E07000089,NEW-UA-01,\n"
        files.append(("mixed.csv", Paths.write(mixed, as: "mixed.csv", in: folder)))
        files.append(
            ("block.csv", Paths.write("change,code,to_code,to_name\r\nmove-block,E01030774,E54000022,\r\n", as: "block.csv", in: folder)))
        let arguments = files.map { "\($0.0)=\($0.1)" }

        // With the mouse: East Suffolk given to Norfolk and Waveney, then undone.
        let firefox = try ExplorerBrowserTests.json(
            Oracle.output(
                of: "explorer_firefox.py", [html, Firefox.path ?? "/usr/bin/firefox-esr", "--move", "E07000244=E54000022"] + arguments))
        #expect((firefox["browser"] as? String ?? "").lowercased().contains("firefox"), "\(firefox["browser"] ?? "")")
        let chromium = try ExplorerBrowserTests.json(
            Oracle.output(
                of: "explorer_browser.py", [html, folder.path, Chromium.path ?? "/usr/bin/chromium", "--only-fragments"] + arguments))
        let inFirefox = try #require(firefox["scenarios"] as? [String: [String: Any]])
        let inChromium = try #require(chromium["scenarios"] as? [String: [String: Any]])
        for (name, _) in files {
            let f = try #require(inFirefox[name], "\(name) was not loaded in Firefox")
            let c = try #require(inChromium[name], "\(name) was not loaded in Chromium")
            for k in Self.keys {
                #expect(f[k] as? String == c[k] as? String, "\(name): \(k) Firefox \(f[k] ?? "-"), Chromium \(c[k] ?? "-")")
            }
            #expect(f["systems"] as? String != nil, "\(name): no figures in Firefox")
        }
        #expect(inFirefox["block.csv"]?["unsupported-rows"] as? String == "1")
        #expect(inFirefox["mixed.csv"]?["errors"] as? String == "0")

        // The click: the page's scenario is one move-place row, its figures those of the truth for it, and
        // Undo goes back to today's.
        let csv = try #require(firefox["csv"] as? String)
        #expect(csv == "change,code,to_code,to_name\r\nmove-place,E07000244,E54000022,\r\n")
        let moved = try ExplorerBrowserTests.truth(of: csv, in: folder, name: "moved.csv")
        let afterMove = try #require(firefox["after_move"] as? [String: Any])
        for (k, v) in ExplorerBrowserTests.figures(moved) {
            #expect(afterMove[k] as? String == v, "move: \(k) Firefox \(afterMove[k] ?? "-"), truth \(v)")
        }
        let loaded = try #require(firefox["loaded"] as? [String: Any])
        let undone = try #require(firefox["after_undo"] as? [String: Any])
        for k in Self.keys { #expect(undone[k] as? String == loaded[k] as? String, "undo: \(k)") }
        #expect(loaded["split-places"] as? String == "13" && afterMove["split-places"] as? String == "12")

        // The mixed scenario's figures are those of the independent truth (lookups, census, libpysal Rook).
        let truth = try ExplorerBrowserTests.truth(of: mixed, in: folder, name: "truth.csv")
        for (k, v) in ExplorerBrowserTests.figures(truth) {
            #expect(inFirefox["mixed.csv"]?[k] as? String == v, "mixed: \(k) Firefox \(inFirefox["mixed.csv"]?[k] ?? "-"), truth \(v)")
        }
    }
}
