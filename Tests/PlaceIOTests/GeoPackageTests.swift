import Foundation
import PlaceGeometry
import PlaceTestSupport
import Testing

@testable import PlaceIO

@Suite struct GeoPackageTests {
    let square = Shape.polygon([Shapes.square(400_000, 300_000, 10)])

    @Test func geometryBlobHasTheGeoPackageHeaderThenWKB() {
        let blob = GeoPackageWriter.geometryBlob(square, srs: 27700)
        #expect(Array(blob.prefix(4)) == [0x47, 0x50, 0, 0b11])  // "GP", version 0, envelope xy, little-endian
        #expect(Array(blob[4..<8]) == [0x34, 0x6C, 0, 0])  // 27700 = 0x6C34, little-endian
        let envelope = (0..<4).map { k in blob[(8 + 8 * k)..<(16 + 8 * k)].withUnsafeBytes { $0.loadUnaligned(as: Double.self) } }
        #expect(envelope == [400_000, 400_010, 300_000, 300_010])
        let wkb = Array(blob[40...])
        #expect(Array(wkb.prefix(9)) == [1, 6, 0, 0, 0, 1, 0, 0, 0])  // MultiPolygon of one polygon
        #expect(Array(wkb[9..<18]) == [1, 3, 0, 0, 0, 1, 0, 0, 0])  // a Polygon of one ring
        #expect(wkb.count == 18 + 4 + 5 * 16)
    }

    @Test func tableNamesAreSafe() {
        #expect(GeoPackageWriter.tableName("lad24") == "lad24")
        #expect(GeoPackageWriter.tableName("24 places") == "layer_24_places")
        #expect(GeoPackageWriter.tableName("gpkg_contents") == "layer_gpkg_contents")
    }

    @Test func writesAFileAndLeavesNothingOnFailure() throws {
        let folder = Paths.temporaryFolder()
        let layer = Layer(
            name: "t", source: "t", crs: .britishNationalGrid,
            features: [
                Feature(properties: JSONObject([("fid", .string("clash")), ("n", .number(2)), ("ok", .bool(true))]), shape: square)
            ])
        let path = folder.appendingPathComponent("t.gpkg").path
        try GeoPackageWriter.write(layer, to: path)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(bytes.prefix(15) == Data("SQLite format 3".utf8))
        #expect(throws: InputError.self) { try GeoPackageWriter.write(layer, to: folder.appendingPathComponent("no/such/t.gpkg").path) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["t.gpkg"])
    }
}
