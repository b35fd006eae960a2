import Foundation
import PlaceGeometry
import PlaceTestSupport
import Testing

@testable import PlaceIO

/// GeoPackages written and read through GDAL/OGR: shapes, properties, CRS, layers kept and
/// replaced, a valid file with its R-tree and INTEGER columns.
@Suite struct GeoPackageTests {
    let square = Shape.polygon([Shapes.square(400_000, 300_000, 10)])

    func layer(_ name: String, _ features: [Feature]) -> Layer {
        Layer(name: name, source: "t", crs: .britishNationalGrid, features: features)
    }

    @Test func tableNamesAreSafe() {
        #expect(LayerWriter.tableName("lad24") == "lad24")
        #expect(LayerWriter.tableName("24 places") == "layer_24_places")
        #expect(LayerWriter.tableName("gpkg_contents") == "layer_gpkg_contents")
    }

    @Test func writesAFileAndLeavesNothingOnFailure() throws {
        let folder = Paths.temporaryFolder()
        let t = layer(
            "t", [Feature(properties: JSONObject([("fid", .string("clash")), ("n", .number(2)), ("ok", .bool(true))]), shape: square)])
        let path = folder.appendingPathComponent("t.gpkg").path
        try LayerWriter.write(t, to: path)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(bytes.prefix(15) == Data("SQLite format 3".utf8))
        #expect(throws: PlacemapError.self) { try LayerWriter.write(t, to: folder.appendingPathComponent("no/such/t.gpkg").path) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["t.gpkg"])
        let back = try LayerReader.read(path: path)
        #expect(back.features[0].properties["fid_1"] == .string("clash"))
        #expect(back.features[0].properties["ok"] == .bool(true))
    }

    @Test func roundTripKeepsShapesPropertiesAndCRS() throws {
        let holed = Shape.polygon([Shapes.square(400_000, 300_000, 10), Array(Shapes.square(400_002, 300_002, 2).reversed())])
        let areas = layer(
            "areas",
            [
                Feature(properties: JSONObject([("code", .string("A")), ("n", .number(2.5)), ("none", .null)]), shape: holed),
                Feature(properties: JSONObject([("code", .string("B")), ("n", .number(7))]), shape: square),
            ])
        let path = Paths.temporaryFolder().appendingPathComponent("round.gpkg").path
        try LayerWriter.write(areas, to: path)
        let back = try LayerReader.read(path: path)
        #expect(back.name == "areas" && back.crs == .britishNationalGrid)
        #expect(back.features.map(\.shape.coordinates) == areas.features.map(\.shape.coordinates))
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
        try LayerWriter.write(layer("only", [Feature(shape: square)]), to: path)
        #expect(try LayerReader.read(path: path + ":only").features.count == 1)
        #expect(try LayerReader.read(path: path, layer: "only").features.count == 1)
        do {
            _ = try LayerReader.read(path: path + ":other")
            Issue.record("expected an error")
        } catch {
            #expect(error.exitCode == 64 && error.hint?.contains("the layers are: only") == true)
        }
        let fake = Paths.write("not sqlite", as: "fake.gpkg", in: folder)
        do {
            _ = try LayerReader.read(path: fake)
            Issue.record("expected an error")
        } catch {
            #expect(error.exitCode == 65 && error.hint?.contains("Shapefile") == true && error.hint?.contains("FlatGeobuf") == true)
        }
    }

    @Test(.enabled(if: GDALTools.available, "needs ogrinfo (apt-get install gdal-bin)"))
    func aWrittenGeoPackageIsValidWithItsRTreeAndIntegerColumns() throws {
        let path = Paths.temporaryFolder().appendingPathComponent("valid.gpkg").path
        var features: [Feature] = []
        for i in 0..<5 {
            let properties = JSONObject([
                ("code", .string("E0\(i)")), ("population", .number(Double(1000 * i))), ("share", .number(0.5)),
                ("whole_then_not", .number(i == 4 ? 1.5 : 1)),
            ])
            features.append(Feature(properties: properties, shape: .polygon([Shapes.square(400_000 + Double(20 * i), 300_000, 10)])))
        }
        let places = layer("places", features)
        try LayerWriter.write(places, to: path, description: "made by a test")
        #expect(try GeoPackageCheck.problems(path) == [])
        let types = try GeoPackageCheck.columnTypes(path, table: "places")
        #expect(types["population"] == "INTEGER")
        #expect(types["share"] == "REAL")
        #expect(types["whole_then_not"] == "REAL")
        #expect(types["code"] == "TEXT")
        let contents = try GDALTools.query(path, "SELECT srs_id, description FROM gpkg_contents WHERE table_name = 'places'")
        #expect(contents.first?["srs_id"] == "27700" && contents.first?["description"] == "made by a test")
        let srs = try GDALTools.query(path, "SELECT organization, organization_coordsys_id FROM gpkg_spatial_ref_sys WHERE srs_id = 27700")
        #expect(srs.first?["organization"] == "EPSG" && srs.first?["organization_coordsys_id"] == "27700")
        #expect(try GDALTools.query(path, "SELECT COUNT(*) AS n FROM rtree_places_geom").first?["n"] == "5")
    }

    @Test(.enabled(if: GDALTools.available, "needs ogrinfo (apt-get install gdal-bin)"))
    func aSecondLayerKeepsTheFirstAndAnExistingLayerIsReplacedOnlyWhenAsked() throws {
        let folder = Paths.temporaryFolder()
        let path = folder.appendingPathComponent("project.gpkg").path
        try LayerWriter.write(layer("first", [Feature(shape: square)]), to: path)
        try LayerWriter.write(layer("x", [Feature(shape: square), Feature(shape: square)]), to: path + ":second")
        #expect(try LayerReader.read(path: path + ":first").features.count == 1)
        #expect(try LayerReader.read(path: path + ":second").features.count == 2)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        do {
            try LayerWriter.write(layer("first", []), to: path)
            Issue.record("expected an error")
        } catch {
            #expect(error.exitCode == 64 && error.message.contains("already has a layer \"first\""))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        try LayerWriter.write(
            layer("first", [Feature(shape: square), Feature(shape: square), Feature(shape: square)]), to: path, replace: true)
        #expect(try LayerReader.read(path: path + ":first").features.count == 3)
        #expect(try LayerReader.read(path: path + ":second").features.count == 2)
        #expect(try GeoPackageCheck.problems(path) == [])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["project.gpkg"])
    }

    @Test func aFailedWriteRemovesTheGeoPackageItCreated() throws {
        let folder = Paths.temporaryFolder()
        let path = folder.appendingPathComponent("new.gpkg").path
        // A CRS GDAL does not know fails after the file is created: nothing is left behind.
        let bad = Layer(name: "bad", source: "t", crs: CRS(epsg: 999_999), features: [Feature(shape: square)])
        #expect(throws: PlacemapError.self) { try LayerWriter.write(bad, to: path) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [])
    }

    @Test(.enabled(if: GDALTools.available, "needs ogrinfo (apt-get install gdal-bin)"))
    func aQGISStyleIsStoredInLayerStyles() throws {
        let path = Paths.temporaryFolder().appendingPathComponent("styled.gpkg").path
        let qml = "<!DOCTYPE qgis><qgis version=\"3.28\"><renderer-v2 type=\"singleSymbol\"/></qgis>"
        try LayerWriter.write(layer("places", [Feature(shape: square)]), to: path, style: LayerStyle(name: "placemap", qml: qml))
        try LayerWriter.write(layer("other", [Feature(shape: square)]), to: path + ":other", style: LayerStyle(name: "o", qml: qml))
        try LayerWriter.write(
            layer("places", [Feature(shape: square)]), to: path, replace: true, style: LayerStyle(name: "again", qml: qml))
        let rows = try GDALTools.query(
            path, "SELECT f_table_name, f_geometry_column, styleName, styleQML, useAsDefault FROM layer_styles ORDER BY f_table_name")
        #expect(rows.map { $0["f_table_name"] } == ["other", "places"])
        #expect(rows.map { $0["styleName"] } == ["o", "again"])
        #expect(rows.allSatisfy { $0["styleQML"] == qml && $0["useAsDefault"] == "1" && $0["f_geometry_column"] == "geom" })
        let columns = try GeoPackageCheck.columnTypes(path, table: "layer_styles")
        for name in ["f_table_catalog", "f_table_schema", "styleSLD", "description", "owner", "ui", "update_time"] {
            #expect(columns[name] != nil, "layer_styles lacks \(name)")
        }
        #expect(try GeoPackageCheck.problems(path) == [])
    }
}
