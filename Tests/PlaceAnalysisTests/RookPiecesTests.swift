import PlaceAnalysis
import PlaceGeometry
import PlaceIO
import PlaceTestSupport
import Testing

/// `RookPieces` on hand-made 1 km squares (EPSG:27700) where the shared-segment pass alone would be
/// wrong: a neighbour whose edge holds no vertex of the other (a T-junction), overlapping features,
/// and squares meeting at a corner.
@Suite struct RookPiecesTests {
    static func shape(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> Shape {
        let (left, right): (Double, Double) = (ContiguityTests.x0 + x0, ContiguityTests.x0 + x1)
        let (bottom, top): (Double, Double) = (ContiguityTests.y0 + y0, ContiguityTests.y0 + y1)
        let ring: [(Double, Double)] = [(left, bottom), (right, bottom), (right, top), (left, top), (left, bottom)]
        return .polygon([ring])
    }

    /// W: 1 × 2 km on the left; E1, E2 the two 1 km squares to its right (W's right edge is one segment,
    /// so neither shares a segment with W); C meets E2 at its top-right corner only; O overlaps W.
    static func layer() throws -> AnalysisLayer {
        try ContiguityTests.layer([
            ("W", shape(0, 0, 1000, 2000), nil), ("E1", shape(1000, 0, 2000, 1000), nil), ("E2", shape(1000, 1000, 2000, 2000), nil),
            ("C", shape(2000, 2000, 3000, 3000), nil), ("O", shape(-500, 500, 500, 1500), nil),
        ])
    }

    static func grouping(_ groups: [String]) -> Grouping {
        Grouping(source: "g.csv", field: "grp", groups: groups.map { (code: $0, name: $0) })
    }

    @Test func aTJunctionAndAnOverlapJoinACornerDoesNot() throws {
        let layer = try Self.layer()
        // Everything in one group; then W, E1 and C in G and the rest in H.
        let groupings = [Self.grouping(["G", "G", "G", "G", "G"]), Self.grouping(["G", "G", "H", "G", "H"])]
        let pieces = try RookPieces.of(layer, groupings: groupings)
        #expect(pieces[0].sharedSegmentPairs == 1)  // E1–E2 only
        let names = { (g: GroupContiguity) in g.pieces.map { $0.map { layer.codes[$0] } } }
        // W joins E1 and E2 through the T-junction, O through the overlap; C touches E2 at a point only.
        #expect(pieces[0].groups.map(names) == [[["E1", "E2", "O", "W"], ["C"]]])
        #expect(pieces[0].groups.map(\.exclaves) == [[3]])
        // G = W, E1, C: W–E1 found by GEOS, C apart. H = E2, O: not neighbours (equal areas: the smaller code first).
        #expect(pieces[1].groups.map(names) == [[["E1", "W"], ["C"]], [["E2"], ["O"]]])
        // The same as the whole graph's rook edges.
        let graph = try ContiguityGraph(layer)
        for (grouping, p) in zip(groupings, pieces) {
            #expect(p.groups.map(\.pieces) == graph.groups(grouping, rookOnly: true).map(\.pieces))
        }
    }
}
