import PlaceGeometry
import PlaceMaps
import Testing

/// Two neighbours sharing a wiggly border, and an outline over both: simplified through shared arcs
/// they keep identical border coordinates, so no gap or overlap opens between them.
@Suite struct ArcSimplificationTests {
    /// The shared border from (100, 0) up to (100, 100), zig-zagging by ±3 m every 5 m.
    static let border: [(Double, Double)] = (0...20).map { (k: Int) -> (Double, Double) in
        let x: Double = k % 2 == 0 ? 100 : 103
        return (x, Double(k) * 5)
    }

    static var west: Shape {
        Shape.polygon([[(0, 0)] + border + [(0, 100), (0, 0)]])
    }
    static var east: Shape {
        Shape.polygon([[(200, 0), (200, 100)] + border.reversed() + [(200, 0)]])
    }
    /// An outline of both (a system over its places), its vertices those of the places.
    static var both: Shape { Shape.polygon([[(0, 0), (200, 0), (200, 100), (0, 100), (0, 0)]]) }

    @Test func sharedBorderIsOneArc() {
        let t = ArcTopology([Self.west, Self.east])
        let westArcs = Set(t.shapes[0].flatMap { $0.flatMap { $0.map(\.arc) } })
        let eastArcs = Set(t.shapes[1].flatMap { $0.flatMap { $0.map(\.arc) } })
        let shared = westArcs.intersection(eastArcs)
        #expect(shared.count == 1)
        if let arc = shared.first { #expect(t.arcs[arc].count / 2 == Self.border.count) }
    }

    @Test func simplifiedNeighboursShareIdenticalBorderCoordinates() throws {
        let t = ArcTopology([Self.west, Self.east, Self.both])
        let arcs = t.simplifiedArcs(tolerance: 4)
        let west = t.rings(of: 0, arcs: arcs)[0][0]
        let east = t.rings(of: 1, arcs: arcs)[0][0]
        // The zig-zag is gone (tolerance 4 m > 3 m)…
        #expect(west.count / 2 < Self.border.count)
        // …and every point the two rings have on x ≈ 100 is the same in both.
        func onBorder(_ ring: [Double]) -> Set<[Double]> {
            var out = Set<[Double]>()
            for i in stride(from: 0, to: ring.count, by: 2) where ring[i] >= 99 && ring[i] <= 104 { out.insert([ring[i], ring[i + 1]]) }
            return out
        }
        #expect(onBorder(west) == onBorder(east))
        #expect(onBorder(west).count >= 2)
        // No gap and no overlap: the two simplified polygons cover the outline exactly.
        let context = GEOSContext()
        let a = try Geometry(Shape.polygon([pairs(west)]), in: context)
        let b = try Geometry(Shape.polygon([pairs(east)]), in: context)
        #expect(try a.intersection(b).area() == 0)
        let union = try a.union(b)
        #expect(abs(try union.area() - 20_000) < 1e-6)
        #expect(try union.shape().ringEnds.count == 1)
        // The outline was drawn from the same points, so it is the same box.
        let outline = t.rings(of: 2, arcs: arcs)[0][0]
        #expect(abs(try Geometry(Shape.polygon([pairs(outline)]), in: context).area() - 20_000) < 1e-6)
    }

    @Test func quantisationKeepsSharedPointsShared() {
        let t = ArcTopology([Self.west, Self.east])
        let arcs = t.simplifiedArcs(tolerance: 0.5)
        let p = PageProjection(fitting: Bounds(minX: 0, minY: 0, maxX: 200, maxY: 100), width: 77)
        let west = PathEncoding.quantised(t.rings(of: 0, arcs: arcs)[0][0], p, decimals: 1)
        let east = PathEncoding.quantised(t.rings(of: 1, arcs: arcs)[0][0], p, decimals: 1)
        let w = Set(stride(from: 0, to: west.count, by: 2).map { [west[$0], west[$0 + 1]] })
        let e = Set(stride(from: 0, to: east.count, by: 2).map { [east[$0], east[$0 + 1]] })
        // The border's points on the page, and only those (plus nothing else), are in both.
        #expect(w.intersection(e).count >= 2)
        #expect(w.intersection(e).allSatisfy { $0[0] >= Int((p.x(100) * 10).rounded()) && $0[0] <= Int((p.x(103) * 10).rounded()) })
    }

    @Test func ringWithoutJunctionsIsOneClosedArcSharedEitherWay() {
        let island = Shape.polygon([[(0, 0), (10, 0), (10, 10), (0, 10), (0, 0)]])
        let clockwise = Shape.polygon([[(0, 0), (0, 10), (10, 10), (10, 0), (0, 0)]])
        let t = ArcTopology([island, clockwise])
        #expect(t.arcs.count == 1)
        let first: Bool = t.shapes[0][0][0][0].reversed
        let second: Bool = t.shapes[1][0][0][0].reversed
        #expect(first != second)
        let arcs = t.simplifiedArcs(tolerance: 0)
        let a = t.rings(of: 0, arcs: arcs)[0][0]
        #expect(Shape.polygon([pairs(a)]).signedDoubleArea(ring: 0) > 0)
    }

    @Test func douglasPeuckerKeepsEndsAndFarPoints() {
        let line: [Double] = [0, 0, 1, 0.1, 2, -0.1, 3, 5, 4, 0, 5, 0]
        // (4, 0) is 0.93 from the chord (3, 5)–(5, 0); (2, -0.1) is 1.77 from (0, 0)–(3, 5).
        #expect(Simplification.douglasPeucker(line, tolerance: 1) == [0, 0, 2, -0.1, 3, 5, 5, 0])
        #expect(Simplification.douglasPeucker(line, tolerance: 0.9) == [0, 0, 2, -0.1, 3, 5, 4, 0, 5, 0])
        #expect(Simplification.douglasPeucker(line, tolerance: 10) == [0, 0, 5, 0])
    }

    func pairs(_ flat: [Double]) -> [(Double, Double)] { stride(from: 0, to: flat.count, by: 2).map { (flat[$0], flat[$0 + 1]) } }
}
