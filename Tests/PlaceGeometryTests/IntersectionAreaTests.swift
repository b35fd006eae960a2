import Foundation
import PlaceGeometry
import PlaceTestSupport
import Testing

/// The area two polygons share, from their edges, against GEOS's intersection area: exact cases,
/// random star-shaped polygons with holes and multipolygons, and the degenerate contacts that must
/// be left to GEOS (nil).
@Suite struct IntersectionAreaTests {
    let context = GEOSContext()

    func rings(_ shape: Shape) throws -> BoundaryRings { try #require(BoundaryRings(shape)) }
    func edges(_ a: Shape, _ b: Shape) throws -> IntersectionArea? { IntersectionArea.of(try rings(a), try rings(b)) }
    func geos(_ a: Shape, _ b: Shape) throws -> Double {
        try Geometry(a, in: context).intersection(Geometry(b, in: context)).area()
    }
    func agrees(_ x: Double, _ y: Double) -> Bool { abs(x - y) <= max(1e-6, 1e-9 * max(abs(x), abs(y))) }

    @Test func overlappingSquaresShareTheirCommonRectangle() throws {
        let a = Shape.polygon([Shapes.square(0, 0, 10)])
        let b = Shape.polygon([Shapes.square(5, 5, 10)])
        let r = try #require(try edges(a, b))
        #expect(r.area == 25)
        #expect(r.crossings == 2)
        #expect(!r.firstWithin && !r.secondWithin)
        // Either order, either ring orientation.
        #expect(try edges(b, a)?.area == 25)
        #expect(try edges(Shape.polygon([Array(Shapes.square(0, 0, 10).reversed())]), b)?.area == 25)
        // A bar through the square: four crossings.
        let bar = Shape.polygon([Shapes.rectangle(-5, 2, 15, 8)])
        #expect(try edges(a, bar) == IntersectionArea(area: 60, crossings: 4, firstWithin: false, secondWithin: false))
    }

    @Test func containmentAndDisjointnessAreTold() throws {
        let big = Shape.polygon([Shapes.square(0, 0, 10)])
        let small = Shape.polygon([Shapes.square(2, 2, 3)])
        #expect(try edges(small, big) == IntersectionArea(area: 9, crossings: 0, firstWithin: true, secondWithin: false))
        #expect(try edges(big, small) == IntersectionArea(area: 9, crossings: 0, firstWithin: false, secondWithin: true))
        #expect(try edges(big, .polygon([Shapes.square(20, 0, 3)])) == .apart)
        // Boxes overlap, shapes do not: an L and a square in its notch.
        let l = Shape.polygon([[(0, 0), (10, 0), (10, 4), (4, 4), (4, 10), (0, 10), (0, 0)]])
        #expect(try edges(l, .polygon([Shapes.square(6, 6, 3)])) == .apart)
    }

    @Test func holesAndPartsCount() throws {
        let ring = Shape.polygon([Shapes.square(0, 0, 30), Array(Shapes.square(10, 10, 10).reversed())])
        // Inside the hole: nothing shared; over the hole: the square less the hole.
        #expect(try edges(ring, .polygon([Shapes.square(12, 12, 2)])) == .apart)
        let over = try #require(try edges(ring, .polygon([Shapes.square(5, 5, 20)])))
        #expect(over.area == 400 - 100)
        #expect(over.crossings == 0 && !over.firstWithin && !over.secondWithin)
        // Half over the hole: crossings through the hole's edges.
        let half = try #require(try edges(ring, .polygon([Shapes.rectangle(5, 5, 15, 25)])))
        #expect(half.area == 200 - 50)
        let parts = Shape.multiPolygon([[Shapes.square(0, 0, 10)], [Shapes.square(50, 50, 10)]])
        #expect(try edges(parts, .polygon([Shapes.rectangle(5, -5, 55, 55)]))?.area == 50 + 25)
    }

    @Test func touchingSharedEdgesAndVerticesOnEdgesFallBack() throws {
        let a = Shape.polygon([Shapes.square(0, 0, 10)])
        let cases: [Shape] = [
            .polygon([Shapes.square(10, 0, 10)]),  // a shared edge
            .polygon([Shapes.square(10, 10, 5)]),  // a shared corner
            .polygon([Shapes.rectangle(10, 2, 20, 8)]),  // a collinear overlap
            .polygon([Shapes.rectangle(5, 5, 20, 15)]),  // crossing: the control, settled
            .polygon([[(5, 10), (8, 15), (2, 15), (5, 10)]]),  // a vertex on the edge from outside
            .polygon([[(5, 10), (8, 5), (2, 5), (5, 10)]]),  // a vertex on the edge from inside
            .polygon([Shapes.square(0, 0, 10)]),  // identical
            .polygon([Shapes.square(0, 0, 5)]),  // inside, sharing two edges in part
        ]
        var fallbacks = 0
        for b in cases {
            guard let r = try edges(a, b) else {
                fallbacks += 1
                continue
            }
            #expect(agrees(r.area, try geos(a, b)))
        }
        // Every case but the control is left to GEOS.
        #expect(fallbacks == cases.count - 1)
    }

    /// A star-shaped ring around (cx, cy): `n` vertices at random radii in [r0, r1].
    func star(_ cx: Double, _ cy: Double, _ r0: Double, _ r1: Double, _ n: Int, _ g: inout SplitMix) -> [(Double, Double)] {
        var ring: [(Double, Double)] = (0..<n).map { i in
            let angle = 2 * Double.pi * (Double(i) + g.unit() * 0.8) / Double(n)
            let r = r0 + (r1 - r0) * g.unit()
            return (cx + r * cos(angle), cy + r * sin(angle))
        }
        ring.append(ring[0])
        return ring
    }

    /// A random polygon with a hole, or a multipolygon of two such, in British National Grid range.
    func randomShape(_ g: inout SplitMix) -> Shape {
        let (cx, cy) = (400_000 + 2_000 * g.unit(), 300_000 + 2_000 * g.unit())
        func part(_ cx: Double, _ cy: Double, _ g: inout SplitMix) -> [[(Double, Double)]] {
            let shell = star(cx, cy, 400, 900, 8 + Int(g.unit() * 40), &g)
            guard g.unit() < 0.6 else { return [shell] }
            return [shell, Array(star(cx, cy, 30, 250, 3 + Int(g.unit() * 20), &g).reversed())]
        }
        if g.unit() < 0.3 { return .multiPolygon([part(cx, cy, &g), part(cx + 2_000, cy, &g)]) }
        return .polygon(part(cx, cy, &g))
    }

    @Test func randomPolygonsWithHolesAgreeWithGEOS() throws {
        var g = SplitMix(seed: 22)
        var settled = 0
        var fallbacks = 0
        var crossings = 0
        for _ in 0..<3_000 {
            let a = randomShape(&g)
            let b = randomShape(&g)
            #expect(try Geometry(a, in: context).isValid && (try Geometry(b, in: context).isValid))
            guard let r = try edges(a, b) else {
                fallbacks += 1
                continue
            }
            settled += 1
            crossings += r.crossings
            let truth = try geos(a, b)
            #expect(agrees(r.area, truth), "\(r.area) against GEOS \(truth)")
            let reversed = try #require(try edges(b, a))
            #expect(agrees(reversed.area, truth))
        }
        // Random coordinates in general position: nothing falls back.
        #expect(fallbacks == 0)
        #expect(settled == 3_000)
        #expect(crossings > 10_000)
    }

    @Test func gridPolygonsEitherAgreeOrFallBack() throws {
        // Rectangles on an integer grid touch, share edges and put vertices on edges all the time.
        var g = SplitMix(seed: 7)
        func rect(_ g: inout SplitMix) -> Shape {
            let x = Double(Int(g.unit() * 10))
            let y = Double(Int(g.unit() * 10))
            return .polygon([Shapes.rectangle(x, y, x + 1 + Double(Int(g.unit() * 6)), y + 1 + Double(Int(g.unit() * 6)))])
        }
        var settled = 0
        var fallbacks = 0
        for _ in 0..<2_000 {
            let a = rect(&g)
            let b = rect(&g)
            guard let r = try edges(a, b) else {
                fallbacks += 1
                continue
            }
            settled += 1
            #expect(r.area == (try geos(a, b)))
        }
        #expect(settled > 200)
        #expect(fallbacks > 200)
    }
}

extension SplitMix {
    /// A uniform number in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }
}
