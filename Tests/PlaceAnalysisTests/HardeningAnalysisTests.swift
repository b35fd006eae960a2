import Foundation
import PlaceAnalysis
import PlaceGeometry
import PlaceIO
import PlaceTestSupport
import Testing

/// Reproducers of the silent wrong answers of issue 13 in the analysis, and tests that notice
/// deliberate faults (a GEOS context per feature, reprojection skipped).
@Suite struct HardeningAnalysisTests {
    func blocks(_ n: Int = 2) throws -> AnalysisLayer {
        try AnalysisLayer(
            Layers.make((0..<n).map { ("B\($0)", Layers.rect(Double($0) * 10, 0, Double($0) * 10 + 10, 10)) }), fields: Layers.fields)
    }

    func populationError(_ csv: String) throws -> PlacemapError? {
        let table = try CSVReader.parse(Array(csv.utf8), source: "p.csv")
        let b = try blocks()
        do throws(PlacemapError) {
            _ = try PopulationBlocks(blocks: b, table: table, codeColumn: "code", valueColumn: "n")
            return nil
        } catch {
            return error
        }
    }

    @Test func populationsMustBeFiniteNonNegativeDecimals() throws {
        for (csv, line) in [
            ("code,n\nB0,1e308\nB1,1e308\n", 3), ("code,n\nB0,10\u{0}0\nB1,1\n", 2), ("code,n\nB0,0x10\nB1,1\n", 2),
            ("code,n\nB0,5\nB1,NaN\n", 3), ("code,n\nB0,-3\nB1,1\n", 2),
            ("code,n\n\"B0\nx\",1\nB1,-1\n", 4),
        ] {
            let e = try populationError(csv)
            #expect(e?.exitCode == 65 && e?.file == "p.csv" && e?.field == "n", "\(csv.debugDescription): \(String(describing: e))")
            #expect(e?.line == line, "\(csv.debugDescription): \(String(describing: e))")
        }
        #expect(try populationError("code,n\nB0,1e300\nB1,2.5\n") == nil)
    }

    @Test func aPopulationTableThatMatchesNoBlockIsAnError() throws {
        let e = try populationError("code,n\nE01000001,5\nE01000002,7\n")
        #expect(e?.exitCode == 65)
        #expect(e?.message.contains("matches a block") == true)
    }

    func layer(_ crs: CRS, _ shape: Shape) -> Layer {
        Layer(
            name: "t", source: "t.geojson", crs: crs,
            features: [Feature(properties: JSONObject([("code", .string("A")), ("name", .string("a"))]), shape: shape)])
    }

    func analysisError(_ l: Layer) -> PlacemapError? {
        do {
            _ = try AnalysisLayer(l, fields: Layers.fields)
            return nil
        } catch {
            return error
        }
    }

    @Test func swappedLatitudeAndLongitudeAreNamed() {
        let e = analysisError(layer(.wgs84, .polygon([Shapes.square(52, -1.5, 0.01)])))
        #expect(e?.exitCode == 65)
        #expect(e?.hint?.contains("swapped") == true, "\(String(describing: e))")
    }

    @Test func degreesInAFileThatSaysWebMercatorAreNamed() {
        let e = analysisError(layer(CRS(epsg: 3857), .polygon([Shapes.square(-1.5, 52, 0.01)])))
        #expect(e?.exitCode == 65)
        #expect(e?.hint?.contains("degrees") == true, "\(String(describing: e))")
    }

    @Test func dataFarOutsideGreatBritainIsRefused() {
        // New York, in longitude/latitude.
        let e = analysisError(layer(.wgs84, .polygon([Shapes.square(-74, 40.7, 0.01)])))
        #expect(e?.exitCode == 65)
        #expect(e?.message.contains("area of use of EPSG:27700") == true)
        #expect(analysisError(layer(.wgs84, .polygon([Shapes.square(-1.5, 52, 0.01)]))) == nil)
    }

    @Test func overlappingSystemsAreRefusedWithThePairs() throws {
        let systems = try AnalysisLayer(
            Layers.make([("S1", Layers.rect(0, 0, 100, 100)), ("S2", Layers.rect(0, 0, 100, 100)), ("S3", Layers.rect(100, 0, 200, 100))]),
            fields: Layers.fields)
        do {
            _ = try PartitionCheck.check(systems, role: "systems")
            Issue.record("a repeated system passed")
        } catch {
            #expect(error.exitCode == 65)
            #expect(error.message.contains("S1 and S2 share 10000.0 m²"), "\(error)")
        }
        let places = try AnalysisLayer(Layers.make([("P1", Layers.rect(0, 0, 100, 100))]), fields: Layers.fields)
        #expect(throws: PlacemapError.self) { try Coterminosity(places: places, systems: systems, options: CoterminosityOptions()) }
    }

    @Test func slightOverlapsAreReportedAndTolerated() throws {
        // 0.5 m × 100 m = 50 m² of a 10,000 m² square: 0.5 %.
        let layer = try AnalysisLayer(
            Layers.make([("A", Layers.rect(0, 0, 100, 100)), ("B", Layers.rect(99.5, 0, 200, 100)), ("C", Layers.rect(200, 0, 300, 100))]),
            fields: Layers.fields)
        let found = try PartitionCheck.check(layer, role: "places")
        #expect(found.count == 1)
        #expect(found.first?.codeA == "A" && found.first?.codeB == "B")
        #expect(abs((found.first?.area ?? 0) - 50) < 1e-6)
    }

    @Test func repeatedBlocksAreRefused() throws {
        let b = try AnalysisLayer(
            Layers.make([("B0", Layers.rect(0, 0, 10, 10)), ("B1", Layers.rect(0, 0, 10, 10))]), fields: Layers.fields)
        let table = try CSVReader.parse(Array("code,n\nB0,5\nB1,7\n".utf8), source: "p.csv")
        #expect(throws: PlacemapError.self) { try PopulationBlocks(blocks: b, table: table, codeColumn: "code", valueColumn: "n") }
    }

    @Test func theRealLSOAFileHasOnlySmallOverlaps() throws {
        let raw = try GeoJSONReader.read(path: Paths.geodata("lsoa21_england.geojson"))
        let layer = try AnalysisLayer(raw, fields: LayerFields.detect(in: raw))
        let found = try PartitionCheck.check(layer, role: "blocks")
        #expect(!found.isEmpty)
        #expect(found.allSatisfy { $0.area < 1000 && $0.fractionOfSmaller < PartitionCheck.grossFraction }, "\(found)")
    }

    @Test func contextsAreMadePerWorkerNotPerFeature() throws {
        let l = try blocks(3000)
        let before = GEOSContext.createdCount
        _ = try OverlapResult(a: l, b: l, options: OverlapOptions())
        let made = GEOSContext.createdCount - before
        // Other suites run at the same time and make their own: allow plenty, far fewer than 3000.
        #expect(made < 300, "\(made) GEOS contexts for 3000 features")
    }

    @Test func wgs84AreasAreReprojectedToSquareMetres() throws {
        // 0.01° × 0.01° at 52° N: about 685 m × 1112 m. In degrees it would be 1e-4.
        let areas = try LayerCheck.areas(of: layer(.wgs84, .polygon([Shapes.square(-1.5, 52, 0.01)])))
        let expected = 0.01 * 111_320 * cos(52.005 * .pi / 180) * 0.01 * 111_250
        #expect(abs(areas[0] / expected - 1) < 0.01, "\(areas[0]) m², expected about \(expected)")
    }
}
