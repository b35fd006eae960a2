import PlaceGeometry
import PlaceTestSupport
import Testing

/// `Shape.planarArea`: exact on hand-made shapes, and GEOS's value to the last bit on random ones.
@Suite struct PlanarAreaTests {
    @Test func handMade() {
        let withHole: Shape = .polygon([[(0, 0), (10, 0), (10, 10), (0, 10), (0, 0)], [(2, 2), (2, 4), (4, 4), (4, 2), (2, 2)]])
        #expect(withHole.planarArea == 96)
        // Clockwise shells and counter-clockwise holes measure the same.
        let reversed: Shape = .polygon([[(0, 0), (0, 10), (10, 10), (10, 0), (0, 0)], [(2, 2), (4, 2), (4, 4), (2, 4), (2, 2)]])
        #expect(reversed.planarArea == 96)
        let two: Shape = .multiPolygon([[[(0, 0), (3, 0), (3, 3), (0, 0)]], [[(5, 5), (7, 5), (7, 7), (5, 7), (5, 5)]]])
        #expect(two.planarArea == 4.5 + 4)
        #expect(Shape.point(1, 2).planarArea == 0)
    }

    @Test func equalsGEOSOnRandomShapes() throws {
        let context = GEOSContext()
        var rng = SplitMix(seed: 9)
        for _ in 0..<5_000 {
            func ring() -> [(Double, Double)] {
                var r = (0..<(3 + rng.next(30))).map { _ in
                    (400_000 + Double(rng.next(1 << 30)) / 1024, 300_000 + Double(rng.next(1 << 30)) / 1024)
                }
                r.append(r[0])
                return r
            }
            let shape: Shape = rng.next(2) == 0 ? .polygon([ring(), ring()]) : .multiPolygon([[ring()], [ring(), ring()]])
            #expect(try Geometry(shape, in: context).area() == shape.planarArea)
        }
    }
}
