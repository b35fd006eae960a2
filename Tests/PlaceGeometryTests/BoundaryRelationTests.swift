import PlaceGeometry
import PlaceTestSupport
import Testing

/// The coordinate-only relation of two polygons, on shapes whose answers are known exactly, and
/// against GEOS on many random grid shapes (where boundaries share edges and corners all the time).
@Suite struct BoundaryRelationTests {
    func rings(_ shape: Shape) throws -> BoundaryRings { try #require(BoundaryRings(shape)) }
    func relation(_ a: Shape, _ b: Shape) throws -> BoundaryRelation? { BoundaryRelation.of(try rings(a), try rings(b)) }

    @Test func neighboursSharingAnEdgeAreApartWithItsLength() throws {
        let a = Shape.polygon([Shapes.square(0, 0, 10)])
        // Its shared edge is split at a vertex on one side only at the end points: 0-10 on x = 10.
        let b = Shape.polygon([[(10, 0), (20, 0), (20, 10), (10, 10), (10, 0)]])
        #expect(try relation(a, b) == .apart(sharedLength: 10, touching: true))
        #expect(try relation(b, a) == .apart(sharedLength: 10, touching: true))
    }

    @Test func cornerNeighboursTouchWithoutSharingLength() throws {
        let a = Shape.polygon([Shapes.square(0, 0, 10)])
        let b = Shape.polygon([Shapes.square(10, 10, 5)])
        #expect(try relation(a, b) == .apart(sharedLength: 0, touching: true))
    }

    @Test func farApartShapesDoNotTouch() throws {
        let a = Shape.polygon([Shapes.square(0, 0, 10)])
        #expect(try relation(a, .polygon([Shapes.square(30, 0, 5)])) == .apart(sharedLength: 0, touching: false))
        // Boxes overlap, shapes do not: an L and a square in its notch, a gap between them.
        let l = Shape.polygon([[(0, 0), (10, 0), (10, 4), (4, 4), (4, 10), (0, 10), (0, 0)]])
        #expect(try relation(l, .polygon([Shapes.square(6, 6, 3)])) == .apart(sharedLength: 0, touching: false))
    }

    @Test func aBlockInsideAnAreaSharingPartOfItsBoundaryIsWithin() throws {
        let area = Shape.polygon([[(0, 0), (5, 0), (10, 0), (10, 10), (0, 10), (0, 5), (0, 0)]])
        #expect(try relation(.polygon([Shapes.square(0, 0, 5)]), area) == .within)
        // Without the area's vertices at (5, 0) and (0, 5) the corners are T-junctions, for GEOS.
        #expect(try relation(.polygon([Shapes.square(0, 0, 5)]), .polygon([Shapes.square(0, 0, 10)])) == nil)
        #expect(try relation(.polygon([Shapes.square(2, 2, 3)]), area) == .within)
        #expect(try relation(area, area) == .within)
        // The other way round the area contains the block.
        #expect(try relation(area, .polygon([Shapes.square(0, 0, 5)])) == .contains)
        #expect(try relation(.polygon([Shapes.square(0, 0, 10)]), .polygon([Shapes.square(2, 2, 3)])) == .contains)
    }

    @Test func aMultipartBlockWithAPartOutsideTheAreaIsNotWithin() throws {
        let area = Shape.polygon([Shapes.square(0, 0, 10)])
        let block = Shape.multiPolygon([[Shapes.square(0, 0, 10)], [Shapes.square(50, 50, 1)]])
        #expect(try relation(block, area) != .within)
        let island = Shape.multiPolygon([[Shapes.square(1, 1, 2)], [Shapes.square(20, 1, 2)]])
        #expect(try relation(island, area) != .within)
    }

    @Test func crossingsAreToldAndTouchingOverlapsAreLeftToGEOS() throws {
        let a = Shape.polygon([Shapes.square(0, 0, 10)])
        #expect(try relation(a, .polygon([Shapes.square(5, 5, 10)])) == .crossing)
        #expect(try relation(a, .polygon([Shapes.rectangle(-5, 2, 15, 8)])) == .crossing)
        // A vertex of one on the other's edge (a T-junction).
        #expect(try relation(a, .polygon([Shapes.rectangle(10, 5, 20, 15)])) == nil)
        // A collinear overlap of two edges that are not identical.
        #expect(try relation(a, .polygon([Shapes.rectangle(10, 2, 20, 8)])) == nil)
    }

    @Test func aShapeFillingAHoleIsApart() throws {
        let ring = Shape.polygon([Shapes.square(0, 0, 30), Array(Shapes.square(10, 10, 10).reversed())])
        let filler = Shape.polygon([Shapes.square(10, 10, 10)])
        #expect(try relation(ring, filler) == .apart(sharedLength: 40, touching: true))
        #expect(try relation(filler, ring) == .apart(sharedLength: 40, touching: true))
        // A smaller shape inside the hole, not touching it, is apart too; one covering the hole is not.
        #expect(try relation(ring, .polygon([Shapes.square(12, 12, 2)])) == .apart(sharedLength: 0, touching: false))
        #expect(try relation(.polygon([Shapes.square(5, 5, 20)]), ring) == nil)
        #expect(try relation(ring, .polygon([Shapes.square(5, 5, 20)])) != .within)
    }

    @Test func ringOrientationDoesNotMatter() throws {
        let a = Shape.polygon([Array(Shapes.square(0, 0, 10).reversed())])
        let b = Shape.polygon([Shapes.square(10, 0, 10)])
        #expect(try relation(a, b) == .apart(sharedLength: 10, touching: true))
        #expect(try relation(Shape.polygon([Shapes.square(2, 2, 5)]), a) == .within)
    }

    @Test func pointsAndEmptyShapesHaveNoRings() {
        #expect(BoundaryRings(.point(1, 1)) == nil)
        #expect(BoundaryRings(Shape(kind: .polygon, coordinates: [])) == nil)
    }

    /// Random unions of unit cells on a small grid: whenever the relation answers, GEOS agrees
    /// (interiors disjoint with the same shared length, or the first covered by the second).
    @Test func agreesWithGEOSOnRandomGridShapes() throws {
        let context = GEOSContext()
        var random = SplitMix(seed: 20261202)
        var shapes: [Shape] = []
        for _ in 0..<60 {
            let cells = (0..<Int(random.next() % 6 + 1)).map { _ in
                Shape.polygon([Shapes.square(Double(random.next() % 6), Double(random.next() % 6), 1)])
            }
            let union = try Geometry.collection(cells.map { try Geometry($0, in: context) }, in: context).unaryUnion()
            shapes.append(try union.shape())
        }
        var answered = 0
        for a in shapes {
            for b in shapes {
                guard let r = try relation(a, b) else { continue }
                answered += 1
                let (ga, gb) = (try Geometry(a, in: context), try Geometry(b, in: context))
                switch r {
                case .apart(let length, let touching):
                    #expect(try ga.relate(gb).first == "F")
                    #expect(abs(try ga.intersection(gb).length() - length) < 1e-9)
                    #expect(try ga.intersects(gb) == touching)
                case .within:
                    #expect(try gb.covers(ga))
                case .contains:
                    #expect(try ga.covers(gb))
                    #expect(try !gb.covers(ga))
                case .crossing:
                    #expect(try ga.relate(gb).first == "2")
                    #expect(try !ga.covers(gb) && !gb.covers(ga))
                }
            }
        }
        // Most pairs of grid shapes meet only in whole edges and corners.
        #expect(answered > shapes.count * shapes.count / 2)
    }
}

/// A small deterministic generator for the random shapes.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E9B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
