import Foundation
import PlaceTestSupport
import Testing

/// The scenario explorer page in headless Chromium (Playwright for Python driving /usr/bin/chromium):
/// clicks give the figures computed independently, block by block, from the ONS lookups, the census and
/// libpysal's rook contiguity (`Tests/oracle/scenario_truth.py`), and those of `placemap scenario` on the
/// downloaded CSV; the URL fragment reloads the same figures; the map redraws where systems changed.
@Suite(
    .serialized,
    .enabled(if: Chromium.path != nil || ProcessInfo.processInfo.environment["CI"] != nil, "needs chromium (apt-get install chromium)"),
    .enabled(if: Oracle.shouldRun, "needs the Python oracle venv (scripts/oracle-venv: playwright, pillow, libpysal)"))
struct ExplorerBrowserTests {
    static let keys = ["split_places", "systems", "systems_under_1m", "systems_not_one_piece"]

    /// The four summary figures of `truth` as the page's data-* strings.
    static func figures(_ truth: [String: Any]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: keys.map { ($0.replacingOccurrences(of: "_", with: "-"), "\(truth[$0] as? Int ?? -1)") })
    }

    /// The scenario files of examples/scenarios (not their `_systems.csv` outputs): name and path.
    static func exampleScenarios() throws -> [(name: String, path: String)] {
        let examples = Paths.root.appendingPathComponent("examples/scenarios")
        return try FileManager.default.contentsOfDirectory(atPath: examples.path).filter {
            $0.hasSuffix(".csv") && !$0.hasSuffix("_systems.csv")
        }.sorted().map { ($0, examples.appendingPathComponent($0).path) }
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "not JSON: \(text.prefix(300))")
    }

    static func truth(of csv: String, in folder: URL, name: String) throws -> [String: Any] {
        let path = Paths.write(csv, as: name, in: folder)
        return try json(Oracle.output(of: "scenario_truth.py", [Paths.root.appendingPathComponent("geodata").path, path]))
    }

    @Test func clicksGiveTheFiguresOfTheScenario() throws {
        let folder = Paths.temporaryFolder()
        let html = folder.appendingPathComponent("explore.html").path
        let made = try placemap("explore", "-o", html)
        #expect(made.status == 0, "\(made.stderr)")
        // Nothing replaced without --overwrite.
        let again = try placemap("explore", "-o", html)
        #expect(again.status == 64, "\(again.stderr)")

        let page = try String(contentsOfFile: html, encoding: .utf8)
        for pattern in ["http:", "https:", "src=", "@import", "innerHTML"] { #expect(!page.contains(pattern), "the page holds \(pattern)") }
        let size = page.utf8.count
        #expect(size < 2_500_000, "the page is \(size) bytes")

        let seen = try Self.json(Oracle.output(of: "explorer_browser.py", [html, folder.path, Chromium.path ?? "/usr/bin/chromium"]))
        let requests = seen["requests"] as? [String] ?? []
        #expect(requests.allSatisfy { $0.hasPrefix("file:") || $0.hasPrefix("blob:") || $0.hasPrefix("data:") }, "\(requests)")
        #expect((seen["console_errors"] as? [String] ?? []).isEmpty, "\(seen["console_errors"] ?? "")")

        // Today, as the page loads, against the lookups.
        let today = try Self.truth(of: "change,code,to_code,to_name\n", in: folder, name: "today.csv")
        let loaded = try #require(seen["loaded"] as? [String: String])
        for (k, v) in Self.figures(today) { #expect(loaded[k] == v, "today: \(k) page \(loaded[k] ?? "-") truth \(v)") }
        #expect(loaded["split-places"] == "13" && loaded["systems"] == "42" && loaded["systems-not-one-piece"] == "2")

        // After two systems merged, a council moved and two districts made a unitary: the downloaded CSV.
        let csv = try #require(seen["csv"] as? String)
        #expect(csv.hasPrefix("change,code,to_code,to_name\r\n"))
        #expect(csv.contains("merge-system,E54000034,NEW-SYS-01,") && csv.contains("move-place,E07000244,E54000022,"))
        #expect(csv.contains("merge-place,E07000085,NEW-UA-01,East Hampshire and Hart"))
        let truth = try Self.truth(of: csv, in: folder, name: "scenario.csv")
        let redone = try #require(seen["after_redo"] as? [String: String])
        for (k, v) in Self.figures(truth) { #expect(redone[k] == v, "scenario: \(k) page \(redone[k] ?? "-") truth \(v)") }
        let unitary = try #require(seen["after_unitary"] as? [String: String])
        #expect(unitary == redone)
        // Frimley and Surrey Heartlands merged: Guildford, Runnymede, Surrey Heath and Waverley are whole again;
        // East Suffolk moved whole to Norfolk and Waveney: 13 - 5 = 8 split; Hart joins East Hampshire, still split.
        let splitRows = Set(seen["split_rows"] as? [String] ?? [])
        #expect(splitRows == Set(truth["split_place_codes"] as? [String] ?? ["?"]))
        #expect(!splitRows.contains("E07000244") && !splitRows.contains("E07000216") && splitRows.contains("NEW-UA-01"))

        // The URL fragment gives the same data-* values in a fresh page.
        let fragment = try #require(seen["fragment"] as? [String: String])
        for k in Self.figures(truth).keys { #expect(fragment[k] == redone[k], "fragment \(k)") }

        // The names are text, never markup.
        #expect(seen["name_shown"] as? Bool == true)
        #expect(seen["injected"] as? Bool == false)

        // A move-block row is not silently ignored.
        let block = try #require(seen["move_block"] as? [String: String])
        #expect(block["unsupported-rows"] == "1")
        #expect((seen["move_block_problems"] as? String ?? "").contains("Not supported"))
        // Reset goes back to today.
        #expect((seen["after_reset"] as? [String: String])?["split-places"] == "13")

        // The map redraws: the merged systems' box changes, the far north does not.
        #expect((seen["pixels_changed_in_box"] as? Int ?? 0) > 200, "\(seen["pixels_changed_in_box"] ?? "")")
        #expect((seen["pixels_changed_far"] as? Int ?? -1) == 0, "\(seen["pixels_changed_far"] ?? "")")

        // A change recomputes every figure, the tables and the map in under 50 ms in the browser: the
        // median and the 90th percentile of the 26 changes timed (nearest rank: all but the two slowest)
        // are under 50 ms, and none takes more than 200 ms (a loaded machine can stall one or two changes
        // for a scheduler slice; four times the goal would be the page, not the machine).
        func spread(_ key: String) -> (median: Double, p90: Double, slowest: Double, count: Int) {
            let t = (seen[key] as? [Double] ?? []).dropFirst().sorted()
            guard !t.isEmpty else { return (.infinity, .infinity, .infinity, 0) }
            let rank = Int((0.9 * Double(t.count)).rounded(.up)) - 1
            return (t[t.count / 2], t[rank], t[t.count - 1], t.count)
        }
        let (figures, total) = (spread("update_ms"), spread("total_ms"))
        #expect(figures.count >= 20 && figures.median < 50, "update times \(seen["update_ms"] ?? "") ms")
        #expect(figures.p90 < 50, "90th percentile \(figures.p90) ms of \(seen["update_ms"] ?? "") ms")
        #expect(figures.slowest < 200, "slowest \(figures.slowest) ms of \(seen["update_ms"] ?? "") ms")
        print(
            "explorer: \(size) bytes; time for a change to update the figures, tables and map in Chromium: median "
                + String(
                    format: "%.1f ms, 90th percentile %.1f ms, slowest %.1f ms over %d changes; ", figures.median, figures.p90,
                    figures.slowest, figures.count)
                + String(format: "with the controls rebuilt: median %.1f ms, slowest %.1f ms", total.median, total.slowest))

        // placemap scenario on the downloaded CSV gives the page's figures (once the command exists).
        guard try placemap("--help").stdout.contains("\n  scenario ") else {
            print("explorer: placemap scenario is not built yet; compared with the independent truth only")
            return
        }
        let out = folder.appendingPathComponent("scenario-out").path
        let run = try placemap("scenario", folder.appendingPathComponent("scenario.csv").path, "--out", out)
        #expect(run.status == 0, "placemap scenario: \(run.stderr.suffix(800))")
        if run.status == 0 {
            let summary = try Self.json(String(contentsOfFile: out + "/summary.json", encoding: .utf8))
            for (k, v) in Self.figures(summary) { #expect(redone[k] == v, "placemap scenario \(k): \(v), page \(redone[k] ?? "-")") }
            #expect(summary["split_places_before"] as? Int == 13)
        }
    }

    /// The worked examples (examples/scenarios), each loaded through the page's URL fragment, give the
    /// figures of placemap scenario's summary.json for the same file.
    @Test func examplesGiveTheFiguresOfPlacemapScenario() throws {
        let folder = Paths.temporaryFolder()
        let html = folder.appendingPathComponent("explore.html").path
        let made = try placemap("explore", "-o", html, "--quiet")
        #expect(made.status == 0, "\(made.stderr)")
        let examples = Paths.root.appendingPathComponent("examples/scenarios")
        let names = try Self.exampleScenarios().map(\.name)
        #expect(names.count >= 3, "\(names)")
        let seen = try Self.json(
            Oracle.output(
                of: "explorer_browser.py",
                [html, folder.path, Chromium.path ?? "/usr/bin/chromium", "--only-fragments"]
                    + names.map { "\($0)=\(examples.appendingPathComponent($0).path)" }))
        let pages = try #require(seen["scenarios"] as? [String: [String: String]])
        for name in names {
            let page = try #require(pages[name], "\(name) was not loaded")
            #expect(page["errors"] == "0" && page["unsupported-rows"] == "0", "\(name): \(page["problems"] ?? "")")
            let out = folder.appendingPathComponent(name + ".out").path
            let run = try placemap("scenario", examples.appendingPathComponent(name).path, "--out", out, "--quiet")
            #expect(run.status == 0, "\(name): \(run.stderr.suffix(800))")
            let summary = try Self.json(String(contentsOfFile: out + "/summary.json", encoding: .utf8))
            for (k, v) in Self.figures(summary) { #expect(page[k] == v, "\(name): \(k) placemap scenario \(v), page \(page[k] ?? "-")") }
        }
    }

    /// The page and `placemap scenario` use one rule for "one piece": a shared edge (rook). Squares that
    /// meet only at a corner (ScenarioCLITests.cornerFixture: systems on the diagonals) are two pieces in
    /// both, and one piece once the row of squares between them joins.
    @Test func squaresMeetingAtACornerAreTwoPiecesInThePageAsInTheCommand() throws {
        let folder = ScenarioCLITests.cornerFixture()
        let own = [
            "--blocks", "blocks.geojson", "--population", "people.csv", "--attributes", "ages.csv", "--places-lookup", "places.csv",
            "--places-by", "place_code", "--systems-lookup", "systems.csv", "--systems-by", "sys_code", "--upper-lookup", "upper.csv",
        ]
        let made = try run(Paths.placemap, ["explore", "-o", "explore.html", "--quiet"] + own, in: folder)
        #expect(made.status == 0, "\(made.stderr)")
        let files = [("today.csv", "change,code,to_code,to_name\n"), ("moved.csv", "change,code,to_code,to_name\nmove-place,P1,S1,\n")]
        for (name, csv) in files { _ = Paths.write(csv, as: name, in: folder) }
        let seen = try Self.json(
            Oracle.output(
                of: "explorer_browser.py",
                [folder.appendingPathComponent("explore.html").path, folder.path, Chromium.path ?? "/usr/bin/chromium", "--only-fragments"]
                    + files.map { "\($0.0)=\(folder.appendingPathComponent($0.0).path)" }))
        let pages = try #require(seen["scenarios"] as? [String: [String: String]])
        #expect(pages["today.csv"]?["systems-not-one-piece"] == "2", "\(pages)")
        #expect(pages["moved.csv"]?["systems-not-one-piece"] == "0", "\(pages)")
        for (name, _) in files {
            let command = try run(Paths.placemap, ["scenario", name, "--out", name + ".out", "--quiet"] + own, in: folder)
            #expect(command.status == 0, "\(name): \(command.stderr)")
            let summary = try Self.json(String(contentsOf: folder.appendingPathComponent(name + ".out/summary.json"), encoding: .utf8))
            for (k, v) in Self.figures(summary) {
                #expect(pages[name]?[k] == v, "\(name): \(k) placemap scenario \(v), page \(pages[name]?[k] ?? "-")")
            }
        }
    }
}
