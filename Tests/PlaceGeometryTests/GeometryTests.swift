import PlaceGeometry
import PlaceTestSupport
import Testing

@Suite struct GeometryTests {
    let context = GEOSContext()

    func polygon(_ rings: [[(Double, Double)]]) throws -> Geometry {
        try Geometry(.polygon(rings), in: context)
    }

    @Test func squareAreaLengthBounds() throws {
        let g = try polygon([Shapes.square(0, 0, 10)])
        #expect(try g.area() == 100)
        #expect(try g.length() == 40)
        #expect(g.bounds() == Bounds(minX: 0, minY: 0, maxX: 10, maxY: 10))
        #expect(g.typeName == "Polygon")
    }

    @Test func holeIsSubtracted() throws {
        let g = try polygon([Shapes.square(0, 0, 10), Shapes.square(2, 2, 3).reversed()])
        #expect(try g.area() == 91)
        let p = try g.representativePoint()
        let prepared = try PreparedGeometry(g)
        #expect(try prepared.intersects(x: p.x, y: p.y))
        #expect(try !prepared.intersects(x: 3, y: 3))
    }

    @Test func multiPolygonAreaAndParts() throws {
        let g = try Geometry(.multiPolygon([[Shapes.square(0, 0, 2)], [Shapes.square(5, 5, 3)]]), in: context)
        #expect(try g.area() == 13)
        #expect(try g.parts.count == 2)
        #expect(try g.parts[1].area() == 9)
    }

    @Test func intersectionUnionDifferenceOfOverlappingSquares() throws {
        let a = try polygon([Shapes.square(0, 0, 10)])
        let b = try polygon([Shapes.square(5, 5, 10)])
        #expect(try a.intersection(b).area() == 25)
        #expect(try a.union(b).area() == 175)
        #expect(try a.difference(b).area() == 75)
    }

    @Test func squareInsideSquare() throws {
        let big = try polygon([Shapes.square(0, 0, 10)])
        let small = try polygon([Shapes.square(2, 2, 5)])
        let prepared = try PreparedGeometry(big)
        #expect(try prepared.covers(small))
        #expect(try prepared.contains(small))
        #expect(try big.intersection(small).area() == 25)
    }

    @Test func touchingSquaresShareNoArea() throws {
        let a = try polygon([Shapes.square(0, 0, 10)])
        let b = try polygon([Shapes.square(10, 0, 10)])
        let corner = try polygon([Shapes.square(10, 10, 5)])
        #expect(try a.touches(b))
        #expect(try a.intersection(b).area() == 0)
        #expect(try a.relate(b) == "FF2F11212")
        #expect(try a.relate(corner) == "FF2F01212")
        #expect(try a.boundary().intersection(b.boundary()).length() == 10)
    }

    @Test func disjointSquares() throws {
        let a = try polygon([Shapes.square(0, 0, 1)])
        let b = try polygon([Shapes.square(5, 5, 1)])
        #expect(try !a.intersects(b))
        #expect(try a.intersection(b).isEmpty)
    }

    @Test func wktAndWKBRoundTrip() throws {
        let g = try Geometry(wkt: "POLYGON ((0 0, 4 0, 4 3, 0 3, 0 0))", in: context)
        #expect(try g.area() == 12)
        #expect(try g.wkt() == "POLYGON ((0 0, 4 0, 4 3, 0 3, 0 0))")
        let back = try Geometry(wkb: g.wkb(), in: context)
        #expect(try back.wkt() == g.wkt())
        #expect(throws: GeometryError.self) { try Geometry(wkt: "POLYGON ((0 0, 1", in: context) }
    }

    @Test func shapeRoundTripKeepsRingsAndHoles() throws {
        let shape = Shape.multiPolygon([[Shapes.square(0, 0, 10), Shapes.square(1, 1, 2).reversed()], [Shapes.square(20, 0, 1)]])
        let back = try Geometry(shape, in: context).shape()
        #expect(back == shape)
    }

    @Test func bowtieIsInvalidWithReasonAndLocation() throws {
        let bowtie = try polygon([[(0, 0), (10, 10), (10, 0), (0, 10), (0, 0)]])
        let problem = try #require(try bowtie.validityProblem())
        #expect(problem.reason.contains("Self-intersection"))
        #expect(problem.x == 5 && problem.y == 5)
        let fixed = try bowtie.makeValid()
        #expect(fixed.isValid)
        #expect(try fixed.area() == 50)
        #expect(fixed.typeName == "MultiPolygon")
    }

    @Test func coverageUnionOfAdjacentSquares() throws {
        let squares = try (0..<4).map { i in try polygon([Shapes.square(Double(i % 2) * 10, Double(i / 2) * 10, 10)]) }
        let merged = try Geometry.collection(squares, in: context).coverageUnion()
        #expect(try merged.area() == 400)
        #expect(merged.typeName == "Polygon")
        #expect(try merged.length() == 80)
    }

    @Test func shortRingIsRefusedWithAMessage() {
        let shape = Shape.polygon([[(0, 0), (1, 0), (0, 0)]])
        #expect(throws: GeometryError.invalidInput("a ring has 3 points; a closed ring needs at least 4")) {
            try Geometry(shape, in: context)
        }
    }

    @Test func unclosedRingIsAGEOSError() {
        let shape = Shape.polygon([[(0, 0), (1, 0), (1, 1), (0, 1)]])
        #expect(throws: GeometryError.self) { try Geometry(shape, in: context) }
    }

    @Test func parallelMapUsesOneContextPerWorkerAndKeepsOrder() throws {
        let areas = ParallelGEOS.map(100) { context, i in
            (try? Geometry(.polygon([Shapes.square(0, 0, Double(i))]), in: context).area()) ?? -1
        }
        #expect(areas == (0..<100).map { Double($0 * $0) })
    }
}
