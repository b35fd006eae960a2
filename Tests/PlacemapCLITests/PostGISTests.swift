import Foundation
import PlaceGeometry
import PlaceIO
import PlaceTestSupport
import Testing

/// PostGIS for real: layers written into a throwaway PostGIS database, read back by placemap and
/// by ogrinfo, and an overlap whose inputs come from PostGIS. `scripts/with-postgis` starts the
/// database and sets PLACEMAP_PG (scripts/test runs the suite that way); skipped without it
/// outside CI, a failure in CI.
@Suite(
    .enabled(
        if: ProcessInfo.processInfo.environment["PLACEMAP_PG"] != nil || ProcessInfo.processInfo.environment["CI"] != nil,
        "needs PostGIS: run through scripts/with-postgis (PLACEMAP_PG is not set)"),
    .serialized)
struct PostGISTests {
    let connection: String

    init() throws {
        connection = try #require(
            ProcessInfo.processInfo.environment["PLACEMAP_PG"], "PLACEMAP_PG is not set: run through scripts/with-postgis")
    }

    func table(_ name: String) -> String { "\(connection) tables=\(name)" }

    func ogrinfo(_ arguments: [String]) throws -> String {
        let tool = try #require(GDALTools.ogrinfo, "ogrinfo is not installed")
        let result = try run(tool, arguments)
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    @Test func theMainJobsPlacesLayerGoesIntoPostGISAndComesBack() throws {
        let folder = Paths.temporaryFolder()
        let job = try run(Paths.placemap, [], in: folder)
        #expect(job.status == 0, "\(job.stderr)")
        let gpkg = folder.appendingPathComponent("placemap-output/lad24-icb24/places.gpkg").path
        #expect(try GeoPackageCheck.problems(gpkg) == [])
        #expect(try GeoPackageCheck.columnTypes(gpkg, table: "places")["population"] == "INTEGER")
        let places = try LayerReader.read(path: gpkg)
        try LayerWriter.write(places, to: connection, layerName: "places", description: "the main job's places", replace: true)
        #expect(throws: PlacemapError.self) { try LayerWriter.write(places, to: connection, layerName: "places") }

        let info = try placemap("info", table("places"))
        #expect(info.status == 0, "\(info.stderr)")
        #expect(info.stdout.contains("layer:       places"))
        #expect(info.stdout.contains("features:    296"))
        #expect(info.stdout.contains("CRS:         EPSG:27700"))
        let fromFile = try placemap("info", folder.appendingPathComponent("placemap-output/lad24-icb24/places.gpkg").path)
        let area = { (text: String) in text.split(whereSeparator: \.isNewline).first { $0.contains("total area:") } }
        #expect(area(info.stdout) != nil && area(info.stdout) == area(fromFile.stdout))

        let described = try ogrinfo(["-so", table("places"), "places"])
        #expect(described.contains("Feature Count: 296"))
        #expect(described.contains("British National Grid") || described.contains("27700"))
        let back = try LayerReader.read(path: table("places"))
        #expect(
            Set(back.features.compactMap { $0.properties["LAD24CD"]?.text })
                == Set(places.features.compactMap { $0.properties["LAD24CD"]?.text }))
        #expect(back.features.first?.properties.keys == places.features.first?.properties.keys)
    }

    @Test func anOverlapReadsItsInputsFromPostGISAndWritesItsPiecesThere() throws {
        for (file, name) in [("built/lad24.geojson", "lad24"), ("built/icb24.geojson", "icb24")] {
            try LayerWriter.write(try LayerReader.read(path: Paths.geodata(file)), to: connection, layerName: name, replace: true)
        }
        let fromFiles = try placemap("overlap", Paths.geodata("built/lad24.geojson"), Paths.geodata("built/icb24.geojson"))
        #expect(fromFiles.status == 0, "\(fromFiles.stderr)")
        let fromPostGIS = try placemap("overlap", table("lad24"), table("icb24"), "--pieces", connection)
        #expect(fromPostGIS.status == 0, "\(fromPostGIS.stderr)")
        #expect(fromPostGIS.stdout.split(whereSeparator: \.isNewline).count == 311)
        #expect(fromPostGIS.stdout == fromFiles.stdout)

        let pieces = try ogrinfo(["-so", table("overlap"), "overlap"])
        #expect(pieces.contains("Feature Count: 310"))
        let info = try placemap("info", table("overlap"), "--code", "a_code")
        #expect(info.status == 0, "\(info.stderr)")
        #expect(info.stdout.contains("features:    310"))
        let sql = try ogrinfo([connection, "-sql", "SELECT round(SUM(ST_Area(geom))) AS a FROM overlap WHERE a_code = 'E06000065'"])
        let area = try #require(sql.firstMatch(of: /a \([A-Za-z]+\) = ([0-9.]+)/).flatMap { Double($0.1) })
        let ours = fromFiles.stdout.split(whereSeparator: \.isNewline).filter { $0.hasPrefix("E06000065,") }.compactMap {
            Double($0.split(separator: ",")[4])
        }.reduce(0, +)
        #expect(abs(area - ours) < 1)
    }

    /// `tables=` names the table a layer output is written to (else it is named after the layer).
    @Test func theTableOfALayerOutputIsNamedByTables() throws {
        for (file, name) in [("built/lad24.geojson", "lad24"), ("built/icb24.geojson", "icb24")] {
            try LayerWriter.write(try LayerReader.read(path: Paths.geodata(file)), to: connection, layerName: name, replace: true)
        }
        let r = try placemap("overlap", table("lad24"), table("icb24"), "--pieces", table("my_pieces"), "--overwrite", "-o", "/dev/null")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try ogrinfo(["-so", table("my_pieces"), "my_pieces"]).contains("Feature Count: 310"))
        let two = try placemap("overlap", table("lad24"), table("icb24"), "--pieces", table("a,b"), "-o", "/dev/null")
        #expect(two.status == 64 && two.stderr.contains("one table"), "\(two.stderr)")
    }

    @Test func aFailedWriteLeavesNoTableBehind() throws {
        let bad = Layer(name: "bad", source: "t", crs: CRS(epsg: 999_999), features: [])
        #expect(throws: PlacemapError.self) { try LayerWriter.write(bad, to: connection, layerName: "never_made") }
        let result = try run(try #require(GDALTools.ogrinfo), ["-q", connection])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains(": never_made"))
    }
}
