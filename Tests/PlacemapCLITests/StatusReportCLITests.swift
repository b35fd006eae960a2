import Foundation
import PlaceIO
import PlaceTestSupport
import Testing

/// Every status the engine gives is on the page: its count, its colour, its legend entry, and the
/// run's warnings; and in the QGIS style stored in places.gpkg.
@Suite struct StatusReportCLITests {
    /// geographr's coarse ICB 2022 polygons against the districts built from LSOAs, with population: many
    /// districts are undecidable, and the page says so in their own colour, not in the grey of "outside".
    @Test func theCoarseICB2022RunShowsItsUndecidablePlaces() throws {
        let folder = Paths.temporaryFolder()
        let out = folder.appendingPathComponent("coarse").path
        let c = try placemap(
            "coterminosity", "--places", Paths.geodata("built/lad24.geojson"), "--systems", Paths.geodata("icb22_england.geojson"),
            "--blocks", Paths.geodata("lsoa21_england.geojson"), "--population", Paths.geodata("census21_population_lsoa21.csv"),
            "--out", out, "--quiet")
        #expect(c.status == 0, "\(c.stderr)")
        // Quiet hides the summary, not the warning.
        #expect(c.stderr.contains("places are undecidable"))
        let places = try CSVReader.read(path: out + "/places.csv")
        let status = try places.column("status")
        let undecidable = places.rows.count { $0[status] == "undecidable" }
        let outside = places.rows.count { $0[status] == "outside" }
        #expect(undecidable > 50)

        let html = folder.appendingPathComponent("r.html").path
        let maps = folder.appendingPathComponent("maps").path
        let r = try placemap("report", out, "-o", html, "--svg", maps)
        #expect(r.status == 0, "\(r.stderr)")
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.contains("\(undecidable) undecidable"))
        #expect(page.contains("<div class=\"warnings\"") && page.contains("places are undecidable"))
        #expect(
            page.contains(
                "<tr><td><span class=\"swatch undecidable\" style=\"background:#F6965A\"></span>undecidable</td><td class=\"n\">\(undecidable)</td>"
            ))
        // The page names input files, not where they lay on this machine.
        #expect(page.contains("<dt>file</dt><dd>icb22_england.geojson</dd>") && !page.contains(Paths.geodata("")))
        let overview = try String(contentsOfFile: maps + "/map-coarse.svg", encoding: .utf8)
        // Drawn in their own colour (London's inset repeats some), with a legend entry; outside keeps its grey.
        let drawn = overview.components(separatedBy: "fill=\"#F6965A\" class=\"place undecidable\"").count - 1
        #expect(drawn >= undecidable)
        #expect(overview.contains("Undecidable: the layers disagree too much to tell"))
        #expect(overview.components(separatedBy: "class=\"place outside\"").count - 1 >= outside)

        // QGIS draws every status: the stored style has a category for each.
        let tool = try #require(GDALTools.ogrinfo)
        let q = try run(tool, ["-q", out + "/places.gpkg", "-sql", "SELECT styleQML FROM layer_styles"])
        #expect(q.status == 0, "\(q.stderr)")
        for (name, rgb) in [("undecidable", "246,150,90,255"), ("partly outside", "220,208,240,255"), ("outside", "112,112,112,255")] {
            #expect(q.stdout.contains("<category value=\"\(name)\"") && q.stdout.contains("value=\"\(rgb)\""), "\(name)")
        }
    }
}
