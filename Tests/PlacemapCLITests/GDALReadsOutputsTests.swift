import Foundation
import PlaceTestSupport
import Testing

/// GIS tools read what placemap writes: GDAL's ogrinfo opens each output with the right feature
/// count, fields and CRS. Skipped outside CI when ogrinfo is missing (scripts/setup --tests installs gdal-bin).
@Suite(
    .enabled(
        if: GDAL.ogrinfo != nil || ProcessInfo.processInfo.environment["CI"] != nil,
        "needs ogrinfo (apt-get install gdal-bin)"))
struct GDALReadsOutputsTests {
    func describe(_ path: String) throws -> String {
        let tool = try #require(GDAL.ogrinfo, "ogrinfo is not installed")
        let result = try run(tool, ["-so", "-al", path])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    @Test func rfc7946PiecesAndCSVSidecarAreReadable() throws {
        let folder = Paths.temporaryFolder()
        let pieces = folder.appendingPathComponent("pieces.geojson").path
        let result = try placemap(
            "overlap", Paths.geodata("built/lad24.geojson"), Paths.geodata("built/icb24.geojson"),
            "--pieces", pieces, "-o", folder.appendingPathComponent("pieces.csv").path)
        #expect(result.status == 0, "\(result.stderr)")
        let info = try describe(pieces)
        #expect(info.contains("Feature Count: 310"))
        #expect(info.contains("ID[\"EPSG\",4326]"))
        #expect(info.contains("share_of_a: Real"))
    }

    @Test func geoPackagesOpenInGDALWithTheirCRSAndAreas() throws {
        let folder = Paths.temporaryFolder()
        let gpkg = folder.appendingPathComponent("icb.gpkg").path
        let result = try placemap(
            "dissolve", Paths.geodata("built/lad24.geojson"), "--lookup", Paths.geodata("lookup_lad23_utla23.csv"),
            "--lookup-code", "ltla23_code", "--by", "utla23_code", "-o", gpkg)
        #expect(result.status == 0, "\(result.stderr)")
        let info = try describe(gpkg)
        #expect(try GeoPackageCheck.problems(gpkg) == [])
        #expect(info.contains("Geometry: Multi Polygon"))
        #expect(info.contains("Feature Count: 153"))
        #expect(info.contains("British National Grid"))
        #expect(info.contains("utla23_name: String"))
        // GDAL measures the same area: North Yorkshire (E06000065) from the GeoPackage against placemap's overlap.
        let tool = try #require(GDAL.ogrinfo)
        let sql = try run(tool, [gpkg, "-sql", "SELECT ST_Area(geom) AS a FROM utla23 WHERE utla23_code = 'E06000065'"])
        let area = try #require(sql.stdout.firstMatch(of: /a \(Real\) = ([0-9.]+)/).flatMap { Double($0.1) })
        let geojson = folder.appendingPathComponent("utla.geojson").path
        _ = try placemap(
            "dissolve", Paths.geodata("built/lad24.geojson"), "--lookup", Paths.geodata("lookup_lad23_utla23.csv"),
            "--lookup-code", "ltla23_code", "--by", "utla23_code", "-o", geojson)
        let overlap = try placemap("overlap", geojson, geojson)
        #expect(overlap.status == 0, "\(overlap.stderr)")
        let row = try #require(
            overlap.stdout.split(whereSeparator: \.isNewline).first { $0.hasPrefix("E06000065,North Yorkshire,E06000065") })
        let ours = try #require(Double(row.split(separator: ",")[4]))
        #expect(abs(area - ours) < 0.01)
    }

    @Test func placemapReadsAGeoPackageThatGDALWrote() throws {
        let folder = Paths.temporaryFolder()
        let gpkg = folder.appendingPathComponent("lad.gpkg").path
        let ogr2ogr = try #require(GDAL.ogrinfo.map { $0.replacingOccurrences(of: "ogrinfo", with: "ogr2ogr") })
        let converted = try run(ogr2ogr, ["-f", "GPKG", "-t_srs", "EPSG:27700", gpkg, Paths.geodata("lad24_england.geojson")])
        #expect(converted.status == 0, "\(converted.stderr)")
        let info = try placemap("info", gpkg)
        #expect(info.status == 0, "\(info.stderr)")
        #expect(info.stdout.contains("features:    296"))
        #expect(info.stdout.contains("CRS:         EPSG:27700"))
        #expect(info.stdout.contains("code field:  ltla24_code"))
    }

    @Test func overlapPiecesAddALayerToAnExistingGeoPackage() throws {
        let gpkg = Paths.temporaryFolder().appendingPathComponent("project.gpkg").path
        let first = try placemap("overlap", Paths.geodata("built/lad24.geojson"), Paths.geodata("built/icb24.geojson"), "--pieces", gpkg)
        #expect(first.status == 0, "\(first.stderr)")
        let second = try placemap(
            "overlap", Paths.geodata("built/lad24.geojson"), Paths.geodata("built/icb24.geojson"), "--pieces", gpkg + ":lad_icb")
        #expect(second.status == 0, "\(second.stderr)")
        let layers = try run(try #require(GDAL.ogrinfo), ["-q", gpkg])
        #expect(layers.stdout.contains("overlap (Multi Polygon)") && layers.stdout.contains("lad_icb (Multi Polygon)"))
        #expect(try GeoPackageCheck.problems(gpkg) == [])
        let info = try placemap("info", gpkg + ":lad_icb", "--code", "a_code")
        #expect(info.status == 0 && info.stdout.contains("features:    310"), "\(info.stderr)")
    }

    @Test func britishNationalGridLayersKeepTheirCRS() throws {
        let info = try describe(Paths.geodata("built/icb24.geojson"))
        #expect(info.contains("Feature Count: 42"))
        #expect(info.contains("British National Grid"))
        #expect(info.contains("ICB24CD: String"))
    }
}

enum GDAL {
    static let ogrinfo: String? = ["/usr/bin/ogrinfo", "/usr/local/bin/ogrinfo"].first { FileManager.default.isExecutableFile(atPath: $0) }
}
