import PlaceAnalysis
import PlaceOutput
import PlaceGeometry
import PlaceIO
import PlaceTestSupport
import Testing

@Suite struct OverlapTests {
    func analysed(_ features: [(String, Shape)], name: String = "t") throws -> AnalysisLayer {
        try AnalysisLayer(Layers.make(features, name: name), fields: Layers.fields)
    }

    func overlap(_ a: AnalysisLayer, _ b: AnalysisLayer, configure: (inout OverlapOptions) -> Void = { _ in }) throws -> OverlapResult {
        var options = OverlapOptions()
        configure(&options)
        return try OverlapResult(a: a, b: b, options: options)
    }

    func rows(_ r: OverlapResult) -> [String] {
        r.rows.map { "\(r.a.codes[$0.a])×\(r.b.codes[$0.b]) \($0.area) \($0.shareOfA) \($0.shareOfB)" }
    }

    @Test func squareCutByTwoHalves() throws {
        let a = try analysed([("A", Layers.rect(0, 0, 10, 10))], name: "a")
        let b = try analysed([("L", Layers.rect(-5, -5, 5, 15)), ("R", Layers.rect(5, -5, 15, 15))], name: "b")
        #expect(rows(try overlap(a, b)) == ["A×L 50.0 0.5 0.25", "A×R 50.0 0.5 0.25"])
    }

    @Test func featureFullyInsideAnother() throws {
        let a = try analysed([("BIG", Layers.rect(0, 0, 100, 100))], name: "a")
        let b = try analysed([("SMALL", Layers.rect(10, 10, 20, 30))], name: "b")
        #expect(rows(try overlap(a, b)) == ["BIG×SMALL 200.0 0.02 1.0"])
        #expect(rows(try overlap(b, a)) == ["SMALL×BIG 200.0 1.0 0.02"])
    }

    @Test func touchingOnlyGivesNoRow() throws {
        let a = try analysed([("A", Layers.rect(0, 0, 10, 10))], name: "a")
        let b = try analysed([("EDGE", Layers.rect(10, 0, 20, 10)), ("CORNER", Layers.rect(10, 10, 20, 20))], name: "b")
        #expect(try overlap(a, b).rows.isEmpty)
    }

    @Test func multipolygonsCountEveryPart() throws {
        let two = Shape.multiPolygon([
            [Shapes.rectangle(Layers.x0, Layers.y0, Layers.x0 + 10, Layers.y0 + 10)],
            [Shapes.rectangle(Layers.x0 + 20, Layers.y0, Layers.x0 + 30, Layers.y0 + 10)],
        ])
        let a = try analysed([("M", two)], name: "a")
        let b = try analysed([("S", Layers.rect(5, 0, 25, 10))], name: "b")
        #expect(rows(try overlap(a, b)) == ["M×S 100.0 0.5 0.5"])
    }

    @Test func slivers() throws {
        let a = try analysed([("A", Layers.rect(0, 0, 100, 100))], name: "a")
        let b = try analysed([("MAIN", Layers.rect(0.1, -1, 200, 101)), ("EDGE", Layers.rect(-100, -1, 0.1, 101))], name: "b")
        let all = try overlap(a, b)
        #expect(all.rows.count == 2)
        let kept = try overlap(a, b) { $0.minShare = 0.01 }
        // 0.1 m offsets from 400,000 are not exact in binary: compare to a micrometre.
        #expect(kept.rows.count == 1 && kept.b.codes[kept.rows[0].b] == "MAIN")
        #expect(abs(kept.rows[0].area - 9990) < 1e-6)
        #expect(abs(kept.rows[0].shareOfB - 9990 / (199.9 * 102)) < 1e-9)
        #expect(kept.slivers.count == 1)
        #expect(abs(kept.slivers.area - 10) < 1e-6)
    }

    /// Skipping candidates by B's own coverage must give exactly the pieces a full test gives, also
    /// where B's features overlap each other.
    @Test func skippingByCoverageChangesNothing() throws {
        var grid: [(String, Shape)] = []
        for x in 0..<10 {
            for y in 0..<4 {
                let x0 = Double(x) * 10
                let y0 = Double(y) * 10
                grid.append(("B\(x)_\(y)", Layers.rect(x0, y0, x0 + 10, y0 + 10)))
            }
        }
        let blocks = try analysed(grid, name: "blocks")
        // WEST and EAST share the line x = 50; OVER overlaps EAST between x = 60 and x = 75.
        let areas = try analysed(
            [
                ("WEST", Layers.rect(0, 0, 50, 40)), ("EAST", Layers.rect(50, 0, 100, 40)),
                ("OVER", Layers.rect(60, 0, 75, 20)),
            ], name: "areas")
        func flat(_ p: [[Piece]]) -> [String] { p.joined().map { "\($0.a)-\($0.b) \($0.area)" } }
        let full = try Overlay.pieces(blocks, areas)
        let skipped = try Overlay.pieces(blocks, areas, skipByCoverage: true)
        #expect(flat(full) == flat(skipped))
        #expect(flat(full).count == 40 + 4)
    }

    @Test func differentCRSsAreReprojectedToMetres() throws {
        let bng = Layers.make([("A", Layers.rect(0, 0, 1000, 1000))], name: "bng")
        let wgs = try bng.reprojected(to: .wgs84)
        let result = try overlap(try AnalysisLayer(bng, fields: Layers.fields), try AnalysisLayer(wgs, fields: Layers.fields))
        #expect(result.rows.count == 1)
        // The round trip through WGS 84 without the OSTN15 grid moves points by about a millimetre.
        #expect(abs(result.rows[0].shareOfA - 1) < 1e-5)
    }
}

@Suite struct PopulationTests {
    /// A: two places side by side; blocks: one on each side, one split 70/30 whose point lies on the
    /// left, one outside both places.
    func setup(_ method: PopulationMethod) throws -> OverlapResult {
        let places = try AnalysisLayer(
            Layers.make([("LEFT", Layers.rect(0, 0, 100, 100)), ("RIGHT", Layers.rect(100, 0, 200, 100))], name: "places"),
            fields: Layers.fields)
        let system = try AnalysisLayer(Layers.make([("SYS", Layers.rect(0, 0, 200, 100))], name: "systems"), fields: Layers.fields)
        let blocks = try AnalysisLayer(
            Layers.make(
                [
                    ("B1", Layers.rect(0, 0, 50, 50)), ("B2", Layers.rect(150, 0, 200, 50)),
                    ("SPLIT", Layers.rect(30, 50, 130, 100)), ("AWAY", Layers.rect(500, 500, 510, 510)),
                ], name: "blocks"), fields: Layers.fields)
        let table = CSVTable(
            source: "pop.csv", header: ["code", "population"],
            rows: [["B1", "100"], ["B2", "200"], ["SPLIT", "1000"], ["AWAY", "7"], ["NOWHERE", "5"]])
        var options = OverlapOptions()
        options.population = try PopulationBlocks(blocks: blocks, table: table)
        options.method = method
        return try OverlapResult(a: places, b: system, options: options)
    }

    func people(_ r: OverlapResult) -> [String: Double] {
        Dictionary(uniqueKeysWithValues: r.rows.map { (r.a.codes[$0.a], $0.population ?? -1) })
    }

    @Test func centroidGivesWholeBlocksByRepresentativePoint() throws {
        let r = try setup(.centroid)
        // SPLIT's representative point is at its middle row, x = 80: on the left.
        #expect(people(r) == ["LEFT": 1100, "RIGHT": 200])
        let split = try #require(r.split)
        #expect(split.total == 1307)
        #expect(split.outsideEveryPiece == 7)
        #expect(r.rows[0].populationShareOfB == 1100.0 / 1300.0)
        #expect(r.options.population?.unmatchedCodes == ["NOWHERE"])
    }

    @Test func areaSharesBlocksByArea() throws {
        let r = try setup(.area)
        let p = people(r)
        #expect(abs(p["LEFT"]! - 800) < 1e-9 && abs(p["RIGHT"]! - 500) < 1e-9)
        #expect(abs(r.split!.outsideEveryPiece - 7) < 1e-9)
    }

    @Test func largestShareGivesWholeBlocksByArea() throws {
        #expect(people(try setup(.largestShare)) == ["LEFT": 1100, "RIGHT": 200])
    }

    @Test func totalsAddUp() throws {
        for method in PopulationMethod.allCases {
            let r = try setup(method)
            let inPieces = r.rows.reduce(0) { $0 + ($1.population ?? 0) }
            #expect(abs(inPieces + r.split!.outsideEveryPiece - r.split!.total) < 1e-9)
        }
    }

    @Test func nonNumericPopulationNamesTheRow() throws {
        let blocks = try AnalysisLayer(Layers.make([("B1", Layers.rect(0, 0, 1, 1))]), fields: Layers.fields)
        let table = CSVTable(source: "pop.csv", header: ["code", "population"], rows: [["B1", "12"], ["B2", "many"]])
        do {
            _ = try PopulationBlocks(blocks: blocks, table: table)
            Issue.record("expected an error")
        } catch {
            #expect(error.exitCode == 65 && error.line == 3 && error.field == "population" && error.featureCode == "B2")
        }
    }
}
