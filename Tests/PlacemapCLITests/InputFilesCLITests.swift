import Foundation
import PlaceTestSupport
import Testing

/// An output never lands on any file an input consists of (issue 25): a Shapefile's companions,
/// existing or not, through a link too, refused before any work (exit 64) and left as they were.
@Suite(.enabled(if: GDALTools.available)) struct InputFilesCLITests {
    static let icb = Paths.geodata("icb22_england.geojson")

    @Test func aShapefileCompanionIsNotAnOutput() throws {
        let folder = Paths.temporaryFolder()
        let shp = folder.appendingPathComponent("places.shp").path
        try GDALTools.convert([
            "-f", "ESRI Shapefile", "-sql", "SELECT ltla24_code AS LAD24CD, ltla24_name AS LAD24NM FROM lad24_england", shp,
            ConvertedLAD.original,
        ])
        let valid = try placemap("overlap", shp, Self.icb, "-o", folder.appendingPathComponent("out.csv").path)
        #expect(valid.status == 0, "\(valid.stderr)")
        let link = folder.appendingPathComponent("link.dbf").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "places.dbf")
        for name in ["places.dbf", "places.prj", "places.shx", "places.cpg", "places.qix", "link.dbf"] {
            let path = folder.appendingPathComponent(name).path
            let before = try? Data(contentsOf: URL(fileURLWithPath: path))
            let result = try placemap("overlap", shp, Self.icb, "-o", path, "--overwrite")
            #expect(result.status == 64 && result.stderr.contains("is also an input"), "\(name): \(result.status) \(result.stderr)")
            #expect((try? Data(contentsOf: URL(fileURLWithPath: path))) == before, "\(name) was changed")
        }
        let sidecar = try placemap("overlap", Self.icb, shp, "-o", folder.appendingPathComponent("PLACES.DBF").path)
        #expect(sidecar.status == 64, "\(sidecar.stderr)")
    }

    @Test func aGeoPackageSidecarIsNotAnOutput() throws {
        let folder = Paths.temporaryFolder()
        let gpkg = folder.appendingPathComponent("places.gpkg").path
        try GDALTools.convert(["-f", "GPKG", gpkg, ConvertedLAD.original])
        let result = try placemap("overlap", gpkg, Self.icb, "-o", gpkg + "-wal")
        #expect(result.status == 64 && result.stderr.contains("is also an input"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: gpkg + "-wal"))
    }
}
