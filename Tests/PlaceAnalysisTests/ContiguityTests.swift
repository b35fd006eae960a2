import Foundation
import PlaceAnalysis
import PlaceGeometry
import PlaceIO
import PlaceOutput
import PlaceTestSupport
import Testing

/// Hand-made layers in EPSG:27700 whose neighbours, shared lengths and pieces are known exactly.
@Suite struct ContiguityTests {
    static let x0 = 400_000.0, y0 = 300_000.0

    /// A square of side 1000 m at grid cell (column, row) from (x0, y0).
    static func cell(_ c: Double, _ r: Double, side: Double = 1000) -> Shape {
        .polygon([Shapes.square(x0 + 1000 * c, y0 + 1000 * r, side)])
    }

    static func layer(_ items: [(code: String, shape: Shape, group: String?)]) throws -> AnalysisLayer {
        let features = items.map { item in
            var properties = JSONObject([("code", .string(item.code)), ("name", .string("Area " + item.code))])
            if let g = item.group { properties["grp"] = .string(g) }
            return Feature(properties: properties, shape: item.shape)
        }
        let layer = Layer(name: "t", source: "t.geojson", crs: .britishNationalGrid, features: features)
        return try AnalysisLayer(layer, fields: LayerFields(code: "code", name: "name"))
    }

    /// Codes "r<row>c<column>" for a 3×3 grid, plus the extra items.
    static func grid(plus extra: [(code: String, shape: Shape, group: String?)] = []) throws -> AnalysisLayer {
        var items: [(code: String, shape: Shape, group: String?)] = []
        for r in 0..<3 { for c in 0..<3 { items.append(("r\(r)c\(c)", cell(Double(c), Double(r)), nil)) } }
        return try layer(items + extra)
    }

    func pairs(_ g: ContiguityGraph, _ kind: Adjacency) -> [String] {
        g.edges.filter { $0.kind == kind }.map { g.layer.codes[$0.a] + "|" + g.layer.codes[$0.b] }
    }

    @Test func gridHasTwelveRookAndEightQueenEdgesOfExactLength() throws {
        let g = try ContiguityGraph(try Self.grid())
        #expect(g.count(.rook) == 12 && g.count(.queen) == 8)
        #expect(g.edges.filter { $0.kind == .rook }.allSatisfy { $0.sharedBoundary == 1000 })
        #expect(g.edges.filter { $0.kind == .queen }.allSatisfy { $0.sharedBoundary == 0 })
        #expect(
            pairs(g, .queen) == [
                "r0c0|r1c1", "r0c1|r1c0", "r0c1|r1c2", "r0c2|r1c1",
                "r1c0|r2c1", "r1c1|r2c0", "r1c1|r2c2", "r1c2|r2c1",
            ])
        #expect(g.neighbours[4].count == 8)  // the centre cell touches every other cell
        #expect(g.islands.isEmpty && g.components().count == 1 && g.components(rookOnly: true).count == 1)
        #expect(g.edges.allSatisfy { !$0.overlaps && $0.asDrawn == $0.kind })
    }

    @Test func edgesAreSortedWithTheSmallerCodeFirst() throws {
        let g = try ContiguityGraph(try Self.grid())
        let keys = g.edges.map { (g.layer.codes[$0.a], g.layer.codes[$0.b]) }
        #expect(keys.allSatisfy { $0.0 < $0.1 })
        #expect(keys.map { $0.0 + "|" + $0.1 } == keys.map { $0.0 + "|" + $0.1 }.sorted())
    }

    @Test func aFarSquareIsAnIslandAndItsOwnComponent() throws {
        let g = try ContiguityGraph(try Self.grid(plus: [("z", Self.cell(10, 0), nil)]))
        #expect(g.islands.map { g.layer.codes[$0] } == ["z"])
        let components = g.components()
        #expect(components.count == 2 && components.pieces[0].count == 9 && components.pieces[1].map { g.layer.codes[$0] } == ["z"])
    }

    @Test func queenOnlyCornersSplitRookComponents() throws {
        let layer = try Self.layer([("a", Self.cell(0, 0), nil), ("b", Self.cell(1, 1), nil)])
        let g = try ContiguityGraph(layer)
        #expect(pairs(g, .queen) == ["a|b"] && g.components().count == 1 && g.components(rookOnly: true).count == 2)
    }

    @Test func sharedEdgesCountWithoutSharedVertices() throws {
        // Two squares on a 2000 m strip: the strip's top edge has no vertex at x0 + 1000 (a T-junction).
        let strip = Shape.polygon([Shapes.rectangle(Self.x0, Self.y0 - 500, Self.x0 + 2000, Self.y0)])
        let g = try ContiguityGraph(try Self.layer([("a", Self.cell(0, 0), nil), ("b", Self.cell(1, 0), nil), ("s", strip, nil)]))
        #expect(pairs(g, .rook) == ["a|b", "a|s", "b|s"] && g.edges.allSatisfy { $0.sharedBoundary == 1000 })
    }

    @Test func aHalfMetreGapJoinsOnlyWithinTheTolerance() throws {
        let right = Shape.polygon([Shapes.square(Self.x0 + 1000.5, Self.y0, 1000)])
        let layer = try Self.layer([("a", Self.cell(0, 0), nil), ("b", right, nil)])
        let strict = try ContiguityGraph(layer)
        #expect(strict.edges.isEmpty && strict.islands.count == 2)
        let snapped = try ContiguityGraph(layer, tolerance: 1)
        #expect(snapped.edges.count == 1 && snapped.islands.isEmpty)
        #expect(snapped.edges[0].kind == .rook && snapped.edges[0].sharedBoundary == 1000)
        #expect(snapped.edges[0].viaTolerance && snapped.edges[0].asDrawn == nil && snapped.toleranceOnlyPairs.count == 1)
        #expect(try ContiguityGraph(layer, tolerance: 0.4).edges.isEmpty)
    }

    @Test func snappingBothWaysJoinsOffsetVertices() throws {
        // b is 0.5 m to the right and 300 m up: no vertex of one is near a vertex of the other, yet after
        // snapping a to b and b to a they share the stretch from (1000.5, 300) to (1000, 1000).
        let b = Shape.polygon([Shapes.square(Self.x0 + 1000.5, Self.y0 + 300, 1000)])
        let g = try ContiguityGraph(try Self.layer([("a", Self.cell(0, 0), nil), ("b", b, nil)]), tolerance: 1)
        #expect(g.edges.count == 1 && g.edges[0].kind == .rook && !g.edges[0].overlaps)
        #expect(abs(g.edges[0].sharedBoundary - (0.5 * 0.5 + 700 * 700).squareRoot()) < 1e-6)
    }

    @Test func aPointContactWithANearlyParallelEdgeBecomesRook() throws {
        // b touches a at (1000, 0) only; its left edge leans out to 0.5 m from a's top-right corner.
        let b = Shape.polygon([
            [
                (Self.x0 + 1000, Self.y0), (Self.x0 + 2000, Self.y0), (Self.x0 + 2000, Self.y0 + 1000),
                (Self.x0 + 1000.5, Self.y0 + 1000), (Self.x0 + 1000, Self.y0),
            ]
        ])
        let layer = try Self.layer([("a", Self.cell(0, 0), nil), ("b", b, nil)])
        #expect(pairs(try ContiguityGraph(layer), .queen) == ["a|b"])
        let g = try ContiguityGraph(layer, tolerance: 1)
        #expect(g.edges.count == 1 && g.edges[0].kind == .rook && g.edges[0].asDrawn == .queen && g.rookByTolerance.count == 1)
        #expect(abs(g.edges[0].sharedBoundary - (0.5 * 0.5 + 1000 * 1000).squareRoot()) < 1e-6)
    }

    @Test func cornersWithinTheToleranceStayQueen() throws {
        let diagonal = Shape.polygon([Shapes.square(Self.x0 + 1000.5, Self.y0 + 1000.5, 1000)])
        let g = try ContiguityGraph(try Self.layer([("a", Self.cell(0, 0), nil), ("b", diagonal, nil)]), tolerance: 1)
        #expect(pairs(g, .queen) == ["a|b"] && g.edges[0].viaTolerance && g.edges[0].sharedBoundary == 0)
    }

    @Test func theToleranceKeepsExactGridAnswers() throws {
        let g = try ContiguityGraph(try Self.grid(), tolerance: 1)
        #expect(g.count(.rook) == 12 && g.count(.queen) == 8)
        #expect(g.edges.filter { $0.kind == .rook }.allSatisfy { $0.sharedBoundary == 1000 && !$0.viaTolerance })
    }

    @Test func overlappingFeaturesAreRookAndCounted() throws {
        // b overlaps a by a 1 m strip: each boundary runs 1000 + 1 + 1 m inside the other feature.
        let b = Shape.polygon([Shapes.square(Self.x0 + 999, Self.y0, 1000)])
        let g = try ContiguityGraph(try Self.layer([("a", Self.cell(0, 0), nil), ("b", b, nil)]))
        #expect(g.edges.count == 1 && g.edges[0].kind == .rook && g.edges[0].overlaps)
        #expect(g.edges[0].sharedBoundary == 1002 && g.overlappingPairs.count == 1)
    }

    @Test func aGroupInTwoPiecesReportsItsExclave() throws {
        // Row 0: g1 = big rectangle (2000 m wide), then g2, then g1 again (a small square): g1 is split.
        let big = Shape.polygon([Shapes.rectangle(Self.x0 - 1000, Self.y0, Self.x0 + 1000, Self.y0 + 1000)])
        let layer = try Self.layer([
            ("a", big, "g1"), ("b", Self.cell(1, 0), "g2"), ("c", Self.cell(2, 0), "g1"),
            ("d", Self.cell(2, 1), "g2"), ("e", Self.cell(3, 2), "g2"),
        ])
        let graph = try ContiguityGraph(layer)
        let groups = graph.groups(try Grouping.property("grp", of: layer))
        #expect(groups.map(\.group) == ["g1", "g2"])
        #expect(groups[0].pieces.count == 2 && !groups[0].connected && groups[0].exclaves.map { layer.codes[$0] } == ["c"])
        // g2: b and d meet at a corner (queen), e touches d's corner too: one piece.
        #expect(groups[1].connected && groups[1].members.count == 3)
        let table = ContiguityReport(graph, grouping: try Grouping.property("grp", of: layer)).groupsTable
        #expect(table.rows == [["g1", "2", "2", "false", "c"], ["g2", "3", "1", "true", ""]])
    }

    @Test func lookupsJoinByCodeAndReportWhatDidNotJoin() throws {
        let layer = try Self.grid()
        let rows = [["r0c0", "X"], ["r0c1", "X"], ["zz", "Y"], ["r2c2", "Y"]]
        let grouping = try Grouping.lookup(
            CSVTable(source: "l.csv", header: ["code", "grp"], rows: rows),
            codeColumn: nil, groupColumn: "grp", for: layer)
        #expect(grouping.unmatchedCodes == ["zz"] && grouping.ungrouped.count == 6 && grouping.codeColumn == "code")
        let groups = try ContiguityGraph(layer).groups(grouping)
        #expect(groups.map { "\($0.group):\($0.members.count):\($0.pieces.count)" } == ["X:2:1", "Y:1:1"])
    }

    @Test func badGroupingsAreTypedErrors() throws {
        let layer = try Self.grid()
        let missing = #expect(throws: PlacemapError.self) { try Grouping.property("nope", of: layer) }
        #expect(missing?.exitCode == 64 && missing?.field == "nope")
        let noKey = CSVTable(source: "l.csv", header: ["lsoa", "grp"], rows: [["r0c0", "X"]])
        let unjoinable = #expect(throws: PlacemapError.self) { try Grouping.lookup(noKey, codeColumn: nil, groupColumn: "grp", for: layer) }
        #expect(unjoinable?.exitCode == 64 && unjoinable?.hint?.contains("--lookup-code") == true)
        let clash = CSVTable(source: "l.csv", header: ["code", "grp"], rows: [["r0c0", "X"], ["r0c0", "Y"]])
        let twice = #expect(throws: PlacemapError.self) { try Grouping.lookup(clash, codeColumn: nil, groupColumn: "grp", for: layer) }
        #expect(twice?.exitCode == 65 && twice?.line == 3)
        let nothing = CSVTable(source: "l.csv", header: ["code", "grp"], rows: [["E1", "X"]])
        let none = #expect(throws: PlacemapError.self) { try Grouping.lookup(nothing, codeColumn: nil, groupColumn: "grp", for: layer) }
        #expect(none?.exitCode == 64)
    }

    @Test func tablesHaveTheDocumentedColumns() throws {
        let report = ContiguityReport(try ContiguityGraph(try Self.grid(plus: [("z", Self.cell(10, 0), nil)])))
        #expect(report.edgesTable.header == ["a_code", "b_code", "kind", "shared_boundary_m"])
        #expect(report.edgesTable.rows.first == ["r0c0", "r0c1", "rook", "1000"])
        #expect(report.componentsTable.header == ["code", "name", "component", "component_size"])
        #expect(report.componentsTable.rows.last == ["z", "Area z", "2", "1"])
        let json = JSONText.text(.object(Provenance.contiguity(report)))
        #expect(json.contains("\"tolerance_m\": 0") && json.contains("\"island_codes\": [\"z\"]") && json.contains("\"queen_edges\": 8"))
    }
}
