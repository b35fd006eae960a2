import PlaceAnalysis
import PlaceGeometry
import PlaceIO
import PlaceOutput
import PlaceTestSupport
import Testing

@Suite struct DissolveTests {
    /// Four 10 m squares in a row; the lookup puts the first two in G1 and the last two in G2.
    let squares = (0..<4).map { i in ("S\(i)", Layers.rect(Double(i) * 10, 0, Double(i + 1) * 10, 10)) }
    let lookup = CSVTable(
        source: "lookup.csv", header: ["code", "group_code", "group_name"],
        rows: [["S0", "G1", "One"], ["S1", "G1", "One"], ["S2", "G2", "Two"], ["S3", "G2", "Two"], ["S9", "G2", "Two"]])

    @Test func cleanCoverageByCoverageUnion() throws {
        let blocks = try AnalysisLayer(Layers.make(squares + [("LOOSE", Layers.rect(100, 0, 110, 10))]), fields: Layers.fields)
        let grouping = try Grouping.lookup(lookup, codeColumn: "code", groupColumn: "group_code", for: blocks)
        #expect(grouping.nameField == "group_name")
        let output = try DissolveResult(blocks: blocks, grouping: grouping)
        #expect(output.areas.map(\.code) == ["G1", "G2"])
        #expect(output.areas.map(\.method) == ["coverage union", "coverage union"])
        #expect(output.areas.map(\.shape.kind) == [.polygon, .polygon])
        #expect(output.areas.map(\.blocks.count) == [2, 2])
        #expect(output.blocksWithoutGroup == ["LOOSE"])
        #expect(grouping.unmatchedCodes == ["S9"])
        let layer = output.layer(codeField: "GRP24CD", nameField: "GRP24NM")
        #expect(layer.features[1].properties["GRP24CD"] == .string("G2"))
        #expect(layer.features[1].properties["GRP24NM"] == .string("Two"))
        let context = GEOSContext()
        #expect(try Geometry(layer.features[0].shape, in: context).area() == 200)
    }

    @Test func overlappingBlocksFallBackToUnaryUnionAndAreReported() throws {
        var blocks = squares
        blocks[1].1 = Layers.rect(9, 0, 20, 10)  // overlaps S0 by 1 × 10 m
        let layer = try AnalysisLayer(Layers.make(blocks), fields: Layers.fields)
        let output = try DissolveResult(
            blocks: layer, grouping: Grouping.lookup(lookup, codeColumn: "code", groupColumn: "group_code", for: layer))
        let g1 = output.areas[0]
        #expect(g1.method == "unary union")
        #expect(abs(g1.overlapArea - 10) < 1e-9)
        #expect(g1.overlappingBlocks.map { [layer.codes[$0.a], layer.codes[$0.b]] } == [["S0", "S1"]])
        #expect(try Geometry(g1.shape, in: GEOSContext()).isValid)
        #expect(output.areas[1].method == "coverage union")
    }

    @Test func gapsAreCounted() throws {
        // A ring of blocks around a hole that no block fills.
        let ring = [
            ("N", Layers.rect(0, 20, 30, 30)), ("S", Layers.rect(0, 0, 30, 10)), ("W", Layers.rect(0, 10, 10, 20)),
            ("E", Layers.rect(20, 10, 30, 20)),
        ]
        let layer = try AnalysisLayer(
            Layers.make(ring, extra: Dictionary(uniqueKeysWithValues: ring.map { ($0.0, [("g", JSONValue.string("ALL"))]) })),
            fields: Layers.fields)
        let output = try DissolveResult(blocks: layer, grouping: Grouping.property("g", of: layer))
        #expect(output.areas[0].gapCount == 1)
        #expect(abs(output.areas[0].gapArea - 100) < 1e-9)
    }

    @Test func aBlockGivenTwoGroupsIsAnError() throws {
        let layer = try AnalysisLayer(Layers.make(squares), fields: Layers.fields)
        var bad = lookup
        bad.rows.append(["S0", "G2", "Two"])
        #expect(throws: PlacemapError.self) { try Grouping.lookup(bad, codeColumn: "code", groupColumn: "group_code", for: layer) }
    }

    @Test func bestFitLookupByArea() throws {
        let a = try AnalysisLayer(
            Layers.make([("A1", Layers.rect(0, 0, 10, 10)), ("A2", Layers.rect(100, 100, 110, 110))], name: "a"), fields: Layers.fields)
        let b = try AnalysisLayer(
            Layers.make([("B1", Layers.rect(-10, 0, 3, 10)), ("B2", Layers.rect(3, 0, 20, 10))], name: "b"), fields: Layers.fields)
        let lookup = BestFitLookup(try OverlapResult(a: a, b: b, options: OverlapOptions()))
        // Both layers name their code "code": B's columns get a suffix so the header stays unique.
        #expect(lookup.table.header == ["CODECD", "CODENM", "CODECD_2", "CODENM_2", "area_share"])
        #expect(lookup.table.rows == [["A1", "name of A1", "B2", "name of B2", "0.7"], ["A2", "name of A2", "", "", "0"]])
    }
}
