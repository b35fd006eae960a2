import Foundation
import PlaceGeometry
import PlaceTestSupport
import Testing

@testable import PlaceIO

/// FlatGeobuf, Shapefile and GeoJSON through `LayerWriter`: the same features come back, the
/// format comes from the name, Shapefile field names are shortened and said.
@Suite struct LayerWriterTests {
    static func lad() throws -> Layer { try LayerReader.read(path: Paths.geodata("built/lad24.geojson")) }

    func sameFeatures(_ a: Layer, _ b: Layer, code: String) {
        let byCode = Dictionary(uniqueKeysWithValues: b.features.map { ($0.properties[code]?.text ?? "", $0) })
        #expect(a.features.count == b.features.count)
        for f in a.features {
            let other = byCode[f.properties[code]?.text ?? ""]
            #expect(other?.shape.coordinates.count == f.shape.coordinates.count)
            #expect(other.map { Set($0.shape.coordinates) == Set(f.shape.coordinates) } == true)
        }
    }

    @Test func formatsComeFromTheName() {
        #expect(VectorFormat.of(path: "a/b.gpkg") == .geoPackage)
        #expect(VectorFormat.of(path: "a/b.gpkg:places") == .geoPackage)
        #expect(VectorFormat.of(path: "b.FGB") == .flatGeobuf)
        #expect(VectorFormat.of(path: "b.shp") == .shapefile)
        #expect(VectorFormat.of(path: "b.geojson") == .geoJSON)
        #expect(VectorFormat.of(path: "PG:dbname=x") == .postGIS)
        #expect(VectorFormat.of(path: "b") == nil)
        #expect(VectorFormat(name: "FlatGeobuf") == .flatGeobuf && VectorFormat(name: "ESRI Shapefile") == .shapefile)
    }

    @Test func aFlatGeobufComesBackTheSame() throws {
        let lad = try Self.lad()
        let folder = Paths.temporaryFolder()
        let path = folder.appendingPathComponent("lad.fgb").path
        #expect(try LayerWriter.write(lad, to: path) == [])
        let back = try LayerReader.read(path: path)
        #expect(back.crs == .britishNationalGrid)
        sameFeatures(lad, back, code: "LAD24CD")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["lad.fgb"])
    }

    @Test func aShapefileShortensLongFieldNamesAndSaysSo() throws {
        var lad = try Self.lad()
        for i in lad.features.indices {
            lad.features[i].properties["population_2021"] = .number(Double(1000 + i))
            lad.features[i].properties["population_2022"] = .number(Double(2000 + i))
        }
        let folder = Paths.temporaryFolder()
        let path = folder.appendingPathComponent("lad.shp").path
        let warnings = try LayerWriter.write(lad, to: path)
        #expect(warnings.count == 2)
        // built/lad24 already has "population": the long names cannot take it.
        #expect(lad.features.first?.properties["population"] != nil)
        #expect(warnings[0].contains("\"population_2021\" written as field \"populati_1\""))
        #expect(warnings[1].contains("\"population_2022\" written as field \"populati_2\""))
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files.contains("lad.prj") && files.contains("lad.dbf") && files.contains("lad.shx") && files.contains("lad.shp"))
        #expect(files.allSatisfy { $0.hasPrefix("lad.") })
        let back = try LayerReader.read(path: path)
        #expect(back.crs == .britishNationalGrid)
        #expect(back.features.first?.properties["population"] == lad.features.first?.properties["population"])
        #expect(back.features.first?.properties["populati_1"] == .number(1000))
        #expect(back.features.first?.properties["populati_2"] == .number(2000))
        sameFeatures(lad, back, code: "LAD24CD")
    }

    @Test func geoJSONGoesToTheRFC7946Writer() throws {
        let lad = try Self.lad()
        let path = Paths.temporaryFolder().appendingPathComponent("lad.geojson").path
        try LayerWriter.write(lad, to: path, geoJSON: GeoJSONWriter(keepCRS: true))
        let back = try LayerReader.read(path: path)
        #expect(back.crs == .britishNationalGrid && back.features.count == lad.features.count)
    }

    @Test func anUnknownTargetIsAUsageError() throws {
        let lad = try Self.lad()
        do {
            try LayerWriter.write(lad, to: Paths.temporaryFolder().appendingPathComponent("lad").path)
            Issue.record("expected an error")
        } catch {
            #expect(error.exitCode == 64 && error.hint?.contains(".gpkg") == true)
        }
    }
}
