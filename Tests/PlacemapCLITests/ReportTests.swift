import Foundation
import PlaceIO
import PlaceTestSupport
import Testing

/// Headless Chromium, when installed (scripts/setup --tests installs it; in CI it must be there).
enum Chromium {
    static let path: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    /// A screenshot of `url` at `width` × `height`, with every network request sent nowhere: host names
    /// resolve to nothing and the proxy is a closed local port.
    static func screenshot(_ url: URL, to png: String, width: Int, height: Int) throws -> RunResult {
        let tool = try #require(path, "chromium is not installed")
        return try run(
            tool,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--force-device-scale-factor=1",
                "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9", "--window-size=\(width),\(height)",
                "--screenshot=\(png)", url.absoluteString,
            ])
    }
}

@Suite struct ReportTests {
    /// Four 1 km squares in two systems; the third square is split 25 % / 75 % by area.
    static func handMadeLayers() -> (places: String, systems: String, folder: URL) {
        let folder = Paths.temporaryFolder()
        let crs = "\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::27700\"}},"
        let squares = [
            ("P1", "Alpha", 400_000.0, 300_000.0), ("P2", "Beta", 400_000, 301_000), ("P3", "Gamma", 401_000, 300_000),
            ("P4", "Delta", 401_000, 301_000),
        ]
        let places = Shapes.collection(
            squares.map { code, name, x, y in
                Shapes.feature("{\"code\":\"\(code)\",\"name\":\"\(name)\"}", Shapes.polygonJSON([Shapes.square(x, y, 1000)]))
            }, extra: crs)
        let west = [
            (400_000.0, 300_000.0), (401_250, 300_000), (401_250, 301_000), (401_000, 301_000), (401_000, 302_000), (400_000, 302_000),
            (400_000, 300_000),
        ]
        let east = [
            (401_250.0, 300_000.0), (402_000, 300_000), (402_000, 302_000), (401_000, 302_000), (401_000, 301_000), (401_250, 301_000),
            (401_250, 300_000),
        ]
        let systems = Shapes.collection(
            [
                Shapes.feature("{\"code\":\"S1\",\"name\":\"West\"}", Shapes.polygonJSON([west])),
                Shapes.feature("{\"code\":\"S2\",\"name\":\"East\"}", Shapes.polygonJSON([east])),
            ], extra: crs)
        return (Paths.write(places, as: "places.geojson", in: folder), Paths.write(systems, as: "systems.geojson", in: folder), folder)
    }

    func count(_ text: String, _ needle: String) -> Int { text.components(separatedBy: needle).count - 1 }

    func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    @Test func handMadeLayersGiveACorrectPage() throws {
        let (places, systems, folder) = Self.handMadeLayers()
        let html = folder.appendingPathComponent("report.html").path
        let svg = folder.appendingPathComponent("maps").path
        let r = try placemap(
            "report", "--places", places, "--systems", systems, "--places-code", "code", "--systems-code", "code", "-o", html, "--svg", svg)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("3 maps"))
        let page = try read(html)
        // One overview and one close-up per system, as inline SVG and as files.
        #expect(count(page, "<svg ") == 3)
        let files = try FileManager.default.contentsOfDirectory(atPath: svg).sorted()
        #expect(files == ["map-coterminosity-s1.svg", "map-coterminosity-s2.svg", "map-coterminosity.svg"])
        let overview = try read(svg + "/map-coterminosity.svg")
        #expect(count(overview, "class=\"place ") == 4)
        #expect(count(overview, "class=\"place split\"") == 1)
        #expect(overview.contains("data-code=\"P3\"") && overview.contains(">Gamma</text>"))
        // West holds Alpha, Beta and a quarter of Gamma; East three quarters of Gamma and Delta.
        #expect(count(try read(svg + "/map-coterminosity-s1.svg"), "class=\"place ") == 3)
        #expect(count(try read(svg + "/map-coterminosity-s2.svg"), "class=\"place ") == 2)
        #expect(page.contains("<strong>3 coterminous</strong>, <strong>1 split</strong>"))
        #expect(page.contains("<td class=\"n\">75.0%</td>") && page.contains("<td class=\"n\">25.0%</td>"))

        // The same page from the folder coterminosity writes.
        let out = folder.appendingPathComponent("cot").path
        let c = try placemap(
            "coterminosity", "--places", places, "--systems", systems, "--places-code", "code", "--systems-code", "code", "--out", out)
        #expect(c.status == 0, "\(c.stderr)")
        let again = folder.appendingPathComponent("again.html").path
        let f = try placemap("report", out, "-o", again)
        #expect(f.status == 0, "\(f.stderr)")
        let fromFolder = try read(again)
        #expect(count(fromFolder, "<svg ") == 3)
        #expect(count(fromFolder, "class=\"place split\"") == count(page, "class=\"place split\""))
        #expect(count(fromFolder, "class=\"place ") == count(page, "class=\"place "))
        #expect(fromFolder.contains("<td class=\"n\">75.0%</td>"))
    }

    /// places.gpkg carries the report's colours as its default QGIS style (read back with GDAL).
    @Test(.enabled(if: GDALTools.available, "needs ogrinfo (apt-get install gdal-bin)"))
    func placesGeoPackageOpensStyledByStatus() throws {
        let (places, systems, folder) = Self.handMadeLayers()
        let out = folder.appendingPathComponent("cot").path
        let c = try placemap(
            "coterminosity", "--places", places, "--systems", systems, "--places-code", "code", "--systems-code", "code", "--out", out)
        #expect(c.status == 0, "\(c.stderr)")
        // The style table has no geometry: placemap still reads places.gpkg as its only layer.
        let info = try placemap("info", out + "/places.gpkg")
        #expect(info.status == 0, "\(info.stderr)")
        let tool = try #require(GDALTools.ogrinfo)
        let r = try run(
            tool, ["-q", out + "/places.gpkg", "-sql", "SELECT f_table_name, f_geometry_column, useAsDefault, styleQML FROM layer_styles"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("f_table_name (String) = places"))
        #expect(r.stdout.contains("useAsDefault (Integer(Boolean)) = 1") || r.stdout.contains("useAsDefault (Integer) = 1"))
        #expect(r.stdout.contains("attr=\"status\""))
        for (status, rgb) in [("coterminous", "40,161,151,255"), ("split", "128,22,80,255"), ("outside", "112,112,112,255")] {
            #expect(r.stdout.contains("<category value=\"\(status)\""))
            #expect(r.stdout.contains("value=\"\(rgb)\""), "\(status) is not \(rgb)")
        }
    }

    @Test func folderWithoutAnalysisOutputNamesTheFilesLookedFor() throws {
        let folder = Paths.temporaryFolder()
        let r = try placemap("report", folder.path, "-o", folder.appendingPathComponent("r.html").path)
        #expect(r.status == 64)
        for name in ["coterminosity.json", "contiguity.json", "catchments.json"] { #expect(r.stderr.contains(folder.path + "/" + name)) }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("r.html").path))
    }

    @Test func existingReportIsKeptUnlessOverwrite() throws {
        let (places, systems, folder) = Self.handMadeLayers()
        let html = Paths.write("mine", as: "r.html", in: folder)
        let args = ["report", "--places", places, "--systems", systems, "--places-code", "code", "--systems-code", "code", "-o", html]
        let refused = try run(Paths.placemap, args)
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("--overwrite"))
        #expect(try read(html) == "mine")
        #expect(try run(Paths.placemap, args + ["--overwrite"]).status == 0)
        #expect(try read(html).hasPrefix("<!DOCTYPE html>"))
    }
}

/// The England report in a real browser: a screenshot is taken with the network blocked, and the
/// overview map's colours cover shares of its pixels close to the shares of England's area in places
/// of each status (counted with Pillow from the oracle venv).
@Suite(
    .enabled(if: Chromium.path != nil || ProcessInfo.processInfo.environment["CI"] != nil, "needs chromium (apt-get install chromium)"))
struct ReportBrowserTests {
    static let colours = ["coterminous": "#28A197", "split": "#801650", "outside": "#707070"]

    @Test func englandMapIsDrawnInStatusColours() throws {
        let folder = Paths.temporaryFolder()
        let out = folder.appendingPathComponent("cot").path
        let c = try placemap(
            "coterminosity", "--places", Paths.geodata("built/lad24.geojson"), "--systems", Paths.geodata("built/icb24.geojson"), "--out",
            out)
        #expect(c.status == 0, "\(c.stderr)")
        let html = folder.appendingPathComponent("report.html")
        let maps = folder.appendingPathComponent("maps")
        let r = try placemap("report", out, "-o", html.path, "--svg", maps.path)
        #expect(r.status == 0, "\(r.stderr)")
        let page = try String(contentsOf: html, encoding: .utf8)
        // No external URL of any kind: nothing to fetch, no link out.
        for pattern in ["http:", "https:", "//", "src=", "@import"] { #expect(!page.contains(pattern), "the page holds \(pattern)") }
        #expect(page.components(separatedBy: "href=\"").dropFirst().allSatisfy { $0.hasPrefix("#") })
        // 296 districts on the overview, and London's 33 boroughs again in the inset; one close-up per ICB.
        let overview = try String(contentsOf: maps.appendingPathComponent("map-cot.svg"), encoding: .utf8)
        #expect(overview.components(separatedBy: "class=\"place ").count - 1 == 296 + 33)
        let inset = try #require(
            overview.firstMatch(of: /<g class="inset"[^>]*><rect x="([0-9.]+)" y="([0-9.]+)" width="([0-9.]+)" height="([0-9.]+)"/),
            "no inset")
        #expect(try FileManager.default.contentsOfDirectory(atPath: maps.path).filter { $0.hasPrefix("map-cot-e54") }.count == 42)

        // The whole page in the browser.
        let shot = folder.appendingPathComponent("page.png").path
        let s = try Chromium.screenshot(html, to: shot, width: 1280, height: 2000)
        #expect(s.status == 0, "\(s.stderr.suffix(500))")
        #expect(((try? FileManager.default.attributesOfItem(atPath: shot)[.size] as? Int) ?? 0) > 10_000)

        // The overview map alone, at its own size.
        let size = try #require(overview.firstMatch(of: /viewBox="0 0 ([0-9.]+) ([0-9.]+)"/), "no viewBox")
        let mapShot = folder.appendingPathComponent("map.png").path
        let m = try Chromium.screenshot(
            maps.appendingPathComponent("map-cot.svg"), to: mapShot, width: Int(Double(size.1) ?? 760), height: Int(Double(size.2) ?? 900))
        #expect(m.status == 0, "\(m.stderr.suffix(500))")
        guard Oracle.shouldRun else { return }
        let statuses = ["coterminous", "split", "outside"]
        let box = "\(inset.1),\(inset.2),\(inset.3),\(inset.4)"
        let counted = try Oracle.output(of: "pixel_shares.py", [mapShot, "--exclude", box] + statuses.compactMap { Self.colours[$0] })
        let pixels = try #require(try JSONSerialization.jsonObject(with: Data(counted.utf8)) as? [String: Int])

        // England's area by status, from the tables coterminosity wrote.
        let placeTable = try CSVReader.read(path: out + "/places.csv")
        let statusOf = Dictionary(uniqueKeysWithValues: placeTable.rows.map { ($0[0], $0[2]) })
        let pairs = try CSVReader.read(path: out + "/pairs.csv")
        let area = try pairs.column("area_m2")
        var byStatus: [String: Double] = [:]
        for row in pairs.rows { byStatus[statusOf[row[0]] ?? "", default: 0] += Double(row[area]) ?? 0 }
        let totalArea = byStatus.values.reduce(0, +)
        let totalPixels = Double(statuses.compactMap { Self.colours[$0].flatMap { pixels[$0] } }.reduce(0, +))
        #expect(totalPixels > 0.2 * Double(pixels["total"] ?? 0), "the map is nearly blank: \(pixels)")
        #expect((byStatus["split"] ?? 0) > 0)
        // Within 3 points: the heavy outlines and label halos of split places cover some of their fill
        // (measured: split 13.3 % of the pixels against 15.5 % of the area; coterminous the rest).
        for status in statuses {
            let areaShare = (byStatus[status] ?? 0) / totalArea
            let pixelShare = Double(Self.colours[status].flatMap { pixels[$0] } ?? 0) / totalPixels
            #expect(abs(areaShare - pixelShare) < 0.03, "\(status): \(pixelShare) of the map's pixels, \(areaShare) of England's area")
        }
    }
}

/// The report of a `placemap diff` folder (ICB 2022 → ICB 2024 on the bundled lookups), and the age
/// profiles of the splits and the trusts when the analyses carried age bands.
@Suite struct ReportDiffAndProfileTests {
    func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }
    func count(_ text: String, _ needle: String) -> Int { text.components(separatedBy: needle).count - 1 }

    /// "12,345" as the page writes people.
    func people(_ v: Double) -> String {
        let n = Int(v.rounded())
        var digits = String(n)
        var out = ""
        while digits.count > 3 {
            out = "," + String(digits.suffix(3)) + out
            digits.removeLast(3)
        }
        return digits + out
    }

    /// The page holds nothing to fetch and links only within itself.
    func expectSelfContained(_ page: String) {
        for pattern in ["http:", "https:", "//", "src=", "@import"] { #expect(!page.contains(pattern), "the page holds \(pattern)") }
        #expect(page.components(separatedBy: "href=\"").dropFirst().allSatisfy { $0.hasPrefix("#") })
    }

    /// The ICB 2022 → 2024 diff with the LAD 2024 places, written into `folder/name`.
    func icbDiff(in folder: URL, name: String = "icb22-icb24") throws -> String {
        let out = folder.appendingPathComponent(name).path
        let r = try placemap(
            "diff", Paths.geodata("lookup_lsoa21_icb22_lad22.csv"), Paths.geodata("lookup_lsoa21_sicbl24_icb24.csv"), "--old-code",
            "icb22_code", "--new-code", "icb24_code", "--places", Paths.geodata("lookup_lsoa21_lad24.csv"), "--blocks",
            Paths.geodata("lsoa21_england.geojson"), "--population", Paths.geodata("census21_population_lsoa21.csv"), "--out", out, "-q")
        #expect(r.status == 0, "\(r.stderr)")
        return out
    }

    /// Each block's value of `column` in `file`, by the block code in `key`.
    func column(_ file: String, _ key: String, _ column: String) throws -> [String: String] {
        let t = try CSVReader.read(path: Paths.geodata(file))
        let (k, c) = (try t.column(key), try t.column(column))
        return Dictionary(t.rows.map { ($0[k], $0[c]) }, uniquingKeysWith: { a, _ in a })
    }

    @Test func diffFolderGivesBeforeAfterMapsFatesMovesAndPlaces() throws {
        // What the two lookups imply, computed here: the people of each ICB22 × ICB24 pair.
        let old = try column("lookup_lsoa21_icb22_lad22.csv", "lsoa21_code", "icb22_code")
        let new = try column("lookup_lsoa21_sicbl24_icb24.csv", "lsoa21_code", "icb24_code")
        let lad = try column("lookup_lsoa21_lad24.csv", "lsoa21_code", "ltla24_code")
        let residents = try column("census21_population_lsoa21.csv", "lsoa21_code", "usual_residents").mapValues { Double($0) ?? 0 }
        var pairs: [String: (blocks: Int, people: Double)] = [:]
        var oldPeople: [String: Double] = [:]
        var newPeople: [String: Double] = [:]
        var chichester: [String: (before: Set<String>, after: Set<String>)] = [:]
        for (lsoa, o) in old {
            let n = try #require(new[lsoa])
            let p = residents[lsoa] ?? 0
            pairs[o + ">" + n, default: (0, 0)].blocks += 1
            pairs[o + ">" + n, default: (0, 0)].people += p
            oldPeople[o, default: 0] += p
            newPeople[n, default: 0] += p
            if lad[lsoa] == "E07000225" {
                chichester["E07000225", default: ([], [])].before.insert(o)
                chichester["E07000225", default: ([], [])].after.insert(n)
            }
        }
        // An old area's continuation is the new area most of its people are in; the rest moved.
        var main: [String: String] = [:]
        for (key, v) in pairs {
            let (o, n) = (String(key.split(separator: ">")[0]), String(key.split(separator: ">")[1]))
            if let m = main[o], (pairs[o + ">" + m]?.people ?? 0) >= v.people { continue }
            main[o] = n
        }
        let moved = pairs.filter { key, _ in main[String(key.split(separator: ">")[0])] != String(key.split(separator: ">")[1]) }
        #expect(moved.count == 1)
        let move = try #require(moved.first)
        #expect(move.key == "E54000052>E54000064")
        #expect(chichester["E07000225"]?.before == ["E54000052", "E54000053"] && chichester["E07000225"]?.after == ["E54000064"])

        let folder = Paths.temporaryFolder()
        let out = try icbDiff(in: folder)
        let html = folder.appendingPathComponent("report.html").path
        let maps = folder.appendingPathComponent("maps").path
        let r = try placemap("report", out, "-o", html, "--svg", maps)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("2 maps"))
        let page = try read(html)
        expectSelfContained(page)
        // The two maps: the changed blocks dissolved by ICB22 and by ICB24, the moved blocks outlined on both.
        #expect(count(page, "<svg ") == 2)
        let before = try read(maps + "/map-diff-icb22-icb24-before.svg")
        let after = try read(maps + "/map-diff-icb22-icb24-after.svg")
        for (svg, codes) in [(before, ["E54000052", "E54000053"]), (after, ["E54000063", "E54000064"])] {
            #expect(count(svg, "class=\"area\"") == 2)
            for code in codes { #expect(svg.contains("class=\"area\" data-code=\"\(code)\""), "\(code)") }
            #expect(count(svg, "class=\"moved-blocks\" data-code=\"E54000052→E54000064\"") == 1)
            #expect(
                svg.contains("Moved to another area (outlined, ringed): \(move.value.blocks) blocks, \(people(move.value.people)) people"))
            #expect(svg.contains("<title id=") && svg.contains("Contains OS data"))
        }
        // An area continuing under a new code keeps its colour.
        func fill(_ svg: String, _ code: String) -> String? {
            guard let start = svg.range(of: "\" class=\"area\" data-code=\"\(code)\"") else { return nil }
            return String(svg[svg.index(start.lowerBound, offsetBy: -7)..<start.lowerBound])
        }
        #expect(fill(before, "E54000052") != nil && fill(before, "E54000052") == fill(after, "E54000063"))
        #expect(fill(before, "E54000053") == fill(after, "E54000064") && fill(before, "E54000052") != fill(before, "E54000053"))
        // The recoded ICBs in the fates table with their people before and after.
        let surrey =
            "<td>Surrey Heartlands ICB (E54000052)</td><td>shrunk</td><td>Surrey Heartlands ICB (E54000063)</td>"
            + "<td class=\"n\">\(people(oldPeople["E54000052"] ?? 0))</td><td class=\"n\">\(people(newPeople["E54000063"] ?? 0))</td>"
            + "<td class=\"n\">0</td><td class=\"n\">\(people(move.value.people))</td>"
        #expect(page.contains(surrey), "no row: \(surrey)")
        let sussex =
            "<td>Sussex ICB (E54000053)</td><td>grown</td><td>Sussex ICB (E54000064)</td>"
            + "<td class=\"n\">\(people(oldPeople["E54000053"] ?? 0))</td><td class=\"n\">\(people(newPeople["E54000064"] ?? 0))</td>"
            + "<td class=\"n\">\(people(move.value.people))</td><td class=\"n\">0</td>"
        #expect(page.contains(sussex), "no row: \(sussex)")
        // The one move of people, and Chichester's change.
        #expect(
            page.contains(
                "<td>Surrey Heartlands ICB (E54000052)</td><td>Sussex ICB (E54000064)</td><td>moved</td><td class=\"n\">\(move.value.blocks)</td><td class=\"n\">\(people(move.value.people))</td>"
            ))
        #expect(count(page, "<td>moved</td>") == 1)
        let row = try #require(page.firstMatch(of: /<tr data-code="E07000225">(.*?)<\/tr>/)?.output.1, "no Chichester row")
        #expect(row.contains("Chichester (E07000225)") && row.contains("split") && row.contains("split → coterminous"))
        #expect(row.contains("Sussex ICB (E54000064) \(people(residents.filter { lad[$0.key] == "E07000225" }.values.reduce(0, +)))"))
        #expect(page.contains("Systems made of whole places: 26 of 42 before, 27 of 42 after."))

        // The same section from a folder of folders.
        let nested = folder.appendingPathComponent("all")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: out, toPath: nested.appendingPathComponent("icb22-icb24").path)
        let again = folder.appendingPathComponent("again.html").path
        let n = try placemap("report", nested.path, "-o", again)
        #expect(n.status == 0, "\(n.stderr)")
        let fromNested = try read(again)
        #expect(fromNested.contains(surrey) && fromNested.contains(sussex) && count(fromNested, "<svg ") == 2)
    }

    @Test func malformedDiffFolderExits65NamingFileAndColumn() throws {
        let folder = Paths.temporaryFolder()
        let good = try icbDiff(in: folder)
        func broken(_ name: String, _ change: (String) throws -> Void) throws -> RunResult {
            let copy = folder.appendingPathComponent(name).path
            try FileManager.default.copyItem(atPath: good, toPath: copy)
            try change(copy)
            let html = folder.appendingPathComponent(name + ".html").path
            let r = try placemap("report", copy, "-o", html)
            #expect(!FileManager.default.fileExists(atPath: html))
            return r
        }
        func rewrite(_ file: String, _ from: String, _ to: String) throws {
            let text = try read(file)
            #expect(text.contains(from))
            try text.replacingOccurrences(of: from, with: to).write(toFile: file, atomically: true, encoding: .utf8)
        }
        let renamed = try broken("renamed") { try rewrite($0 + "/areas.csv", "people_lost", "people_gone") }
        #expect(renamed.status == 65)
        #expect(renamed.stderr.contains("renamed/areas.csv") && renamed.stderr.contains("\"people_lost\""), "\(renamed.stderr)")
        let moves = try broken("moves") {
            try rewrite($0 + "/moves.csv", "old_code,old_name,new_code,new_name,blocks", "old_code,old_name,new_code,new_name,lsoas")
        }
        #expect(moves.status == 65)
        #expect(moves.stderr.contains("moves/moves.csv") && moves.stderr.contains("\"blocks\""), "\(moves.stderr)")
        let places = try broken("places") { try rewrite($0 + "/places.csv", "status_after", "after") }
        #expect(places.status == 65 && places.stderr.contains("places/places.csv") && places.stderr.contains("\"status_after\""))
        let layer = try broken("layer") { try rewrite($0 + "/changed_blocks.geojson", "\"new_code\"", "\"icb_code\"") }
        #expect(layer.status == 65 && layer.stderr.contains("layer/changed_blocks.geojson") && layer.stderr.contains("\"new_code\""))
        let number = try broken("number") { try rewrite($0 + "/moves.csv", ",1601,", ",many,") }
        #expect(number.status == 65 && number.stderr.contains("number/moves.csv:2") && number.stderr.contains("\"blocks\""))
        let missing = try broken("missing") { try FileManager.default.removeItem(atPath: $0 + "/areas.csv") }
        #expect(missing.status == 65 && missing.stderr.contains("missing/areas.csv"), "\(missing.stderr)")
        // Extra columns (attributes another run may add) are ignored.
        let copy = folder.appendingPathComponent("extra").path
        try FileManager.default.copyItem(atPath: good, toPath: copy)
        for name in ["areas.csv", "moves.csv", "places.csv"] {
            let lines = try read(copy + "/" + name).components(separatedBy: "\r\n")
            let wider = lines.enumerated().map { k, l in l.isEmpty ? l : l + (k == 0 ? ",population_aged_65_and_over_lost" : ",7") }
            try wider.joined(separator: "\r\n").write(toFile: copy + "/" + name, atomically: true, encoding: .utf8)
        }
        let extra = try placemap("report", copy, "-o", folder.appendingPathComponent("extra.html").path)
        #expect(extra.status == 0, "\(extra.stderr)")
        #expect(try read(folder.appendingPathComponent("extra.html").path).contains("<td>Sussex ICB (E54000053)</td><td>grown</td>"))
    }

    /// Each split pair's age bands in pairs.csv, by "place|system" and band.
    func splitPairBands(_ folder: String) throws -> [String: [String: Double]] {
        let places = try CSVReader.read(path: folder + "/places.csv")
        let (code, status) = (try places.column("place_code"), try places.column("status"))
        let split = Set(places.rows.filter { $0[status] == "split" }.map { $0[code] })
        let pairs = try CSVReader.read(path: folder + "/pairs.csv")
        let bands = pairs.header.filter { $0.hasPrefix("population_aged_") }
        #expect(bands.count == 6)
        let (p, s) = (try pairs.column("place_code"), try pairs.column("system_code"))
        var out: [String: [String: Double]] = [:]
        for row in pairs.rows where split.contains(row[p]) {
            for band in bands { out[row[p] + "|" + row[s], default: [:]][band] = Double(row[try pairs.column(band)]) }
        }
        return out
    }

    @Test func ageProfileOfEachSplitPairEqualsPairsTable() throws {
        let folder = Paths.temporaryFolder()
        let out = folder.appendingPathComponent("cot").path
        let weighting = [
            "--places", Paths.geodata("built/lad24.geojson"), "--systems", Paths.geodata("built/icb24.geojson"), "--blocks",
            Paths.geodata("lsoa21_england.geojson"), "--population", Paths.geodata("census21_population_lsoa21.csv"), "--attributes",
            Paths.geodata("census21_age_lsoa21.csv"),
        ]
        let c = try placemap(["coterminosity"] + weighting + ["--out", out, "-q"])
        #expect(c.status == 0, "\(c.stderr)")
        let bands = try splitPairBands(out)
        // The 13 split districts, 2 or 3 sides each (North Yorkshire 3).
        #expect(bands.count == 27)
        let fromFolder = folder.appendingPathComponent("folder.html").path
        #expect(try placemap("report", out, "-o", fromFolder).status == 0)
        let direct = folder.appendingPathComponent("direct.html").path
        let d = try placemap(["report"] + weighting + ["-o", direct])
        #expect(d.status == 0, "\(d.stderr)")
        let population = try CSVReader.read(path: out + "/pairs.csv")
        let (p, s, n) = (try population.column("place_code"), try population.column("system_code"), try population.column("population"))
        let sidePeople = Dictionary(population.rows.map { ($0[p] + "|" + $0[s], Double($0[n]) ?? 0) }, uniquingKeysWith: { a, _ in a })
        for html in [fromFolder, direct] {
            let page = try read(html)
            expectSelfContained(page)
            #expect(count(page, "class=\"age-profile\"") == 13)
            for (side, values) in bands {
                for (band, value) in values {
                    let share = (value / (sidePeople[side] ?? 1) * 1000).rounded() / 10
                    let cell =
                        "data-side=\"\(side)\" data-band=\"\(band)\">\(people(value)) <span class=\"share\">\(String(format: "%.1f", share))%</span>"
                    #expect(page.contains(cell), "\(html): no \(cell)")
                }
            }
        }
        // West Yorkshire's side of North Yorkshire: 13,858 people aged 65 and over (the main job's figure).
        #expect(bands["E06000065|E54000054"]?["population_aged_65_and_over"] == 13858)
    }

    @Test func noAttributesNoProfile() throws {
        let (places, systems, folder) = ReportTests.handMadeLayers()
        let html = folder.appendingPathComponent("report.html").path
        let r = try placemap(
            "report", "--places", places, "--systems", systems, "--places-code", "code", "--systems-code", "code", "-o", html)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!(try read(html)).contains("class=\"age-profile\""))
    }

    @Test func ageProfileOfEachTrustEqualsTrustsTable() throws {
        let folder = Paths.temporaryFolder()
        let out = folder.appendingPathComponent("catchments").path
        let c = try placemap("catchments", "--attributes", Paths.geodata("census21_age_lsoa21.csv"), "--out", out, "-q")
        #expect(c.status == 0, "\(c.stderr)")
        let html = folder.appendingPathComponent("report.html").path
        #expect(try placemap("report", out, "-o", html).status == 0)
        let page = try read(html)
        let trusts = try CSVReader.read(path: out + "/trusts.csv")
        #expect(count(page, "class=\"age-profile\"") == trusts.rows.count)
        let code = try trusts.column("trust_code")
        for row in trusts.rows where ["RXF", "RWY"].contains(row[code]) {
            for method in ["proportional", "first_past_the_post"] {
                let whole = Double(row[try trusts.column("population_" + method)]) ?? 0
                for band in trusts.header where band.hasPrefix("population_aged_") && band.hasSuffix("_" + method) {
                    let value = Double(row[try trusts.column(band)]) ?? 0
                    let name = String(band.dropLast(method.count + 1))
                    let share = String(format: "%.1f", (value / whole * 1000).rounded() / 10)
                    let cell =
                        "data-side=\"\(row[code])|\(method)\" data-band=\"\(name)\">\(people(value)) <span class=\"share\">\(share)%</span>"
                    #expect(page.contains(cell), "no \(cell)")
                }
            }
        }
    }
}
