import Foundation
import PlaceGeometry
import PlaceTestSupport
import Testing

@testable import PlaceIO

/// Every format GIS teams hand over reads as the same features as the GeoJSON it was converted
/// from: the same codes and names in the same order, and the same areas to the millimetre² that
/// placemap's tables write.
@Suite(.enabled(if: GDALTools.available, "needs ogr2ogr (apt-get install gdal-bin)"))
struct VectorFormatsTests {
    /// Code, name and area in EPSG:27700 (m², three decimals, as area_m2 is written) of each feature.
    static func summary(_ layer: Layer) throws -> [String] {
        let fields = try LayerFields.detect(in: layer)
        let projected = try layer.reprojected(to: .britishNationalGrid)
        let context = GEOSContext()
        return try projected.features.map { f in
            let area = try Geometry(f.shape, in: context).area()
            return "\(f.properties[fields.code]?.text ?? "?")|\(fields.name.flatMap { f.properties[$0]?.text } ?? "?")|"
                + String(format: "%.3f", area)
        }
    }

    static let reference: [String] = (try? summary(LayerReader.read(path: ConvertedLAD.original))) ?? []

    @Test(arguments: ConvertedLAD.allCases)
    func readsAsTheSameFeatures(_ format: ConvertedLAD) throws {
        let path = try format.convert()
        let layer = try LayerReader.read(path: path, crs: format.needsCRS ? .wgs84 : nil)
        #expect(layer.crs == .wgs84)
        #expect(layer.warnings == [])
        #expect(layer.features.count == 296)
        // FlatGeobuf's spatial index stores features in Hilbert order: compare by code, which is unique.
        let got = try Self.summary(layer)
        #expect(Self.reference.count == 296 && Set(got).count == 296)
        if format == .fileGeodatabase {
            // A File Geodatabase stores coordinates as integers on a grid (1e-9°): they come back
            // within 1e-14° of the GeoJSON's, which moves areas by under a hundredth of a m².
            func split(_ line: String) -> (String, Double) {
                let parts = line.split(separator: "|")
                return (parts.dropLast().joined(separator: "|"), Double(parts.last ?? "") ?? .nan)
            }
            let ours = Dictionary(uniqueKeysWithValues: got.map(split))
            for line in Self.reference {
                let (key, expected) = split(line)
                let area = try #require(ours[key], "\(key) missing")
                #expect(abs(area - expected) < 0.01, "\(line) vs \(area)")
            }
        } else {
            let differing = Set(got).symmetricDifference(Self.reference).sorted().prefix(6)
            #expect(differing.isEmpty, "\(format): \(differing)")
        }
    }

    @Test func theGeoJSONFastPathAndGDALGiveTheSameFeatures() throws {
        let fast = try LayerReader.read(path: ConvertedLAD.original)
        let gdal = try OGRLayerReader.read(ConvertedLAD.original, source: "gdal", layer: nil, crs: nil)
        #expect(fast.features.count == gdal.features.count)
        #expect(fast.features.map(\.shape) == gdal.features.map(\.shape))
        #expect(fast.features.map(\.properties) == gdal.features.map(\.properties))
    }

    @Test func theReaderIsChosenByContentNotByName() throws {
        let folder = Paths.temporaryFolder()
        let gpkg = try ConvertedLAD.geoPackage.convert()
        let disguised = folder.appendingPathComponent("lad.geojson").path
        try FileManager.default.copyItem(atPath: gpkg, toPath: disguised)
        #expect(try LayerReader.sniff(disguised) == .gdal(disguised))
        #expect(try LayerReader.read(path: disguised).features.count == 296)
        let zip = try ConvertedLAD.zippedShapefile.convert()
        if case .gdal(let name) = try LayerReader.sniff(zip) {
            #expect(name.hasPrefix("/vsizip/"))
        } else {
            Issue.record("zip not sent to GDAL")
        }
        #expect(try LayerReader.sniff(ConvertedLAD.original) == .geoJSON)
        #expect(try LayerReader.sniff(ConvertedLAD.geoJSONSeq.convert()) != .geoJSON)
    }

    @Test func aSourceWithoutACRSAsksForOne() throws {
        let csv = try ConvertedLAD.csvWKT.convert()
        do {
            _ = try LayerReader.read(path: csv)
            Issue.record("expected an error")
        } catch {
            #expect(error.exitCode == 64 && error.message.contains("has no CRS") && error.hint?.contains("27700") == true)
        }
    }

    @Test func aShapefileCRSComesFromItsPrj() throws {
        let folder = Paths.temporaryFolder()
        let shp = folder.appendingPathComponent("bng.shp").path
        try GDALTools.convert(["-f", "ESRI Shapefile", "-t_srs", "EPSG:27700", shp, ConvertedLAD.original])
        let prj = try String(contentsOfFile: folder.appendingPathComponent("bng.prj").path, encoding: .utf8)
        #expect(prj.contains("British_National_Grid") && !prj.contains("AUTHORITY"))
        #expect(try LayerReader.read(path: shp).crs == .britishNationalGrid)
    }

    @Test func featuresWithoutAGeometryAreCountedAndLeftOut() throws {
        let folder = Paths.temporaryFolder()
        let csv = Paths.write(
            "code,name,WKT\nA,first,\"POLYGON ((400000 300000,400010 300000,400010 300010,400000 300000))\"\nB,second,\nC,third,\"CURVEPOLYGON (CIRCULARSTRING (400000 300000,400010 300000,400000 300000))\"\n",
            as: "nulls.csv", in: folder)
        let layer = try LayerReader.read(path: csv, crs: .britishNationalGrid)
        #expect(layer.features.map { $0.properties["code"] } == [.string("A"), .string("C")])
        #expect(layer.warnings.count == 1 && layer.warnings[0].hasPrefix("1 feature without a geometry left out (feature 1)"))
        // The circle came back as straight segments.
        #expect(layer.features[1].shape.kind == .polygon && layer.features[1].shape.pointCount > 10)
        let gpkg = folder.appendingPathComponent("nulls.gpkg").path
        try GDALTools.convert(["-f", "GPKG", "-a_srs", "EPSG:27700", gpkg, csv])
        #expect(try LayerReader.read(path: gpkg).warnings.count == 1)
    }

    @Test func anUnreadableSourceNamesTheFormatsThatAreRead() throws {
        let path = Paths.write("just some words\n", as: "notes.txt")
        do {
            _ = try LayerReader.read(path: path)
            Issue.record("expected an error")
        } catch {
            #expect(error.exitCode == 65)
            for format in ["GeoPackage", "Shapefile", "FlatGeobuf", "File Geodatabase", "KML", "CSV", "PostGIS"] {
                #expect(error.hint?.contains(format) == true, "hint lacks \(format)")
            }
        }
    }
}
