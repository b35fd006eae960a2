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

    @Test func roundTripKeepsShapesPropertiesAndCRS() throws {
        let holed = Shape.polygon([Shapes.square(400_000, 300_000, 10), Array(Shapes.square(400_002, 300_002, 2).reversed())])
        let layer = Layer(
            name: "areas", source: "t", crs: .britishNationalGrid,
            features: [
                Feature(properties: JSONObject([("code", .string("A")), ("n", .number(2.5)), ("none", .null)]), shape: holed),
                Feature(properties: JSONObject([("code", .string("B")), ("n", .number(7))]), shape: square),
            ])
        let path = Paths.temporaryFolder().appendingPathComponent("round.gpkg").path
        try GeoPackageWriter.write(layer, to: path)
        let back = try LayerReader.read(path: path)
        #expect(back.name == "areas" && back.crs == .britishNationalGrid)
        #expect(back.features.map(\.shape.coordinates) == layer.features.map(\.shape.coordinates))
        #expect(back.features[0].shape.ringEnds == [5, 10])
        #expect(back.features[0].shape.kind == .multiPolygon)
        #expect(back.features.map { $0.properties["code"] } == [.string("A"), .string("B")])
        #expect(back.features[1].properties["n"] == .number(7))
        #expect(back.features[0].properties["none"] == .null)
        #expect(back.features.map(\.id) == [.number(1), .number(2)])
    }

    @Test func aTableCanBeNamedAndBadFilesAreRefused() throws {
        let folder = Paths.temporaryFolder()
        let path = folder.appendingPathComponent("t.gpkg").path
        try GeoPackageWriter.write(
            Layer(name: "only", source: "t", crs: .britishNationalGrid, features: [Feature(shape: square)]), to: path)
        #expect(try LayerReader.read(path: path + ":only").features.count == 1)
        do {
            _ = try LayerReader.read(path: path + ":other")
            Issue.record("expected an error")
        } catch {
            #expect(error.exitCode == 64 && error.hint?.contains("the tables are: only") == true)
        }
        let fake = Paths.write("not sqlite", as: "fake.gpkg", in: folder)
        #expect(throws: InputError.self) { try LayerReader.read(path: fake) }
    }
}
