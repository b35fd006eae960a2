import PlaceGeometry
import Testing

/// The C boundary: failures are reported, never read as an answer.
@Suite struct GEOSBoundaryTests {
    @Test func aGEOSFailureNeverPassesAsValid() throws {
        let context = GEOSContext()
        // A NaN coordinate makes GEOS throw inside isValid (2 = exception).
        let g = try Geometry(wkt: "POLYGON((0 0, 1 0, 1 1, 0 0))", in: context)
        #expect(g.isValid)
        let bad = try Geometry(.polygon([[(0, 0), (Double.nan, 0), (1, 1), (0, 0)]]), in: context)
        if (try? bad.validityProblem()) == nil {
            // GEOS decided (invalid) or threw: either way isValid must be false.
        }
        #expect(!bad.isValid)
    }

    @Test func aFailedCollectionDoesNotFreeTwice() throws {
        let context = GEOSContext()
        let parts = [try Geometry(wkt: "POLYGON((0 0, 1 0, 1 1, 0 0))", in: context), try Geometry(wkt: "POINT(5 5)", in: context)]
        let made = try Geometry.collection(parts, in: context)
        #expect(made.typeName == "GeometryCollection")
        #expect(try made.parts.count == 2)
        // The originals are untouched (the collection holds clones).
        #expect(try parts[0].area() == 0.5)
    }

    @Test func contextsAreCounted() {
        let before = GEOSContext.createdCount
        _ = GEOSContext()
        #expect(GEOSContext.createdCount >= before + 1)
    }

    @Test func unknownCRSIsAnErrorWithPROJsMessage() {
        #expect(throws: GeometryError.self) { try CoordinateTransform(from: CRS(epsg: 99999), to: .britishNationalGrid) }
    }
}
