import Foundation
import PlaceIO
import PlaceTestSupport
import Testing

/// End-to-end runs of the built `placemap` binary: output, exit codes, no partial files.
@Suite struct CLITests {
    let square = Shapes.collection([
        Shapes.feature("{\"LAD24CD\":\"E1\",\"LAD24NM\":\"One\"}", Shapes.polygonJSON([Shapes.square(-1, 52, 0.01)]))
    ])

    @Test func infoDescribesALayer() throws {
        let result = try placemap("info", Paths.geodata("lad24_england.geojson"))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("features:    296"))
        #expect(result.stdout.contains("code field:  ltla24_code   name field: ltla24_name   geography: LTLA24"))
        #expect(result.stdout.contains("Inverse of OSGB36 to WGS 84"))
        #expect(result.stdout.contains("total area:  130612.1 km²"))
    }

    @Test func versionNamesGEOSAndPROJ() throws {
        let result = try placemap("--version")
        #expect(result.status == 0)
        #expect(result.stdout.contains("GEOS 3.") && result.stdout.contains("PROJ 9.") && result.stdout.contains("GDAL 3."))
    }

    @Test func missingFileIsAnIOError() throws {
        let result = try placemap("info", "/nonexistent/file.geojson")
        #expect(result.status == 74)
        #expect(result.stderr.contains("/nonexistent/file.geojson: no such file"))
    }

    @Test func badDataIsExit65WithWhere() throws {
        let path = Paths.write("{\"type\":\"FeatureCollection\",\n\"features\":[oops]}", as: "bad.geojson")
        let result = try placemap("info", path)
        #expect(result.status == 65)
        #expect(result.stderr.contains("bad.geojson:2:13"))
    }

    @Test func usageErrorIsExit64() throws {
        #expect(try placemap("info").status == 64)
        #expect(try placemap("info", "--no-such-option", "x").status == 64)
        let path = Paths.write(square, as: "s.geojson")
        let result = try placemap("info", path, "--code", "nope")
        #expect(result.status == 64)
        #expect(result.stderr.contains("the properties are: LAD24CD, LAD24NM"))
    }

    @Test func validateReportsAndFixesWithoutPartialOutput() throws {
        let folder = Paths.temporaryFolder()
        let bowtie = "{\"type\":\"Polygon\",\"coordinates\":[[[-1,52],[-0.99,52.01],[-0.99,52],[-1,52.01],[-1,52]]]}"
        let path = Paths.write(Shapes.collection([Shapes.feature("{\"LAD24CD\":\"E9\"}", bowtie)]), as: "bow.geojson", in: folder)
        let report = try placemap("validate", path)
        #expect(report.status == 65)
        #expect(report.stdout.contains("feature 0 (E9): Self-intersection"))
        let out = folder.appendingPathComponent("fixed.geojson").path
        let fixed = try placemap("validate", path, "--fix", "-o", out)
        #expect(fixed.status == 0, "\(fixed.stderr)")
        #expect(try placemap("validate", out).status == 0)
        let csv = try CSVReader.read(path: folder.appendingPathComponent("fixed.repairs.csv").path)
        #expect(csv.rows.count == 1 && csv.rows[0][1] == "E9")
        // A failing write leaves no file behind.
        let failed = try placemap("validate", path, "--fix", "-o", folder.appendingPathComponent("no/such/dir/x.geojson").path)
        #expect(failed.status == 74)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [
                "bow.geojson", "fixed.geojson", "fixed.repairs.csv",
            ])
    }
}
