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
        for (status, rgb) in [("coterminous", "40,161,151,255"), ("split", "128,22,80,255"), ("outside", "61,61,61,255")] {
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
    static let colours = ["coterminous": "#28A197", "split": "#801650", "outside": "#3D3D3D"]

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
