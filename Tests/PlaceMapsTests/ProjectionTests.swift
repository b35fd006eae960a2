import PlaceGeometry
import PlaceMaps
import Testing

@Suite struct ProjectionTests {
    @Test func fitsTheBoxAndFlipsY() {
        let p = PageProjection(fitting: Bounds(minX: 1000, minY: 2000, maxX: 2000, maxY: 2500), width: 200)
        #expect(p.scale == 0.2)
        #expect(p.height == 100)
        // North-west corner at the top-left, south-east at the bottom-right.
        #expect(p.x(1000) == 0 && p.y(2500) == 0)
        #expect(p.x(2000) == 200 && p.y(2000) == 100)
        #expect(p.metres(10) == 50)
    }

    @Test func heightLimitCentresHorizontally() {
        // A tall box: the height limit sets the scale and the frame is centred.
        let p = PageProjection(fitting: Bounds(minX: 0, minY: 0, maxX: 100, maxY: 1000), width: 200, maxHeight: 100, margin: 0)
        #expect(p.scale == 0.1)
        #expect(p.x(0) == 95 && p.x(100) == 105)
        #expect(p.y(1000) == 0 && p.y(0) == 100)
    }

    @Test func quantisedPathUsesRelativeIntegerMoves() {
        let p = PageProjection(fitting: Bounds(minX: 0, minY: 0, maxX: 10, maxY: 10), width: 10)
        let d = PathEncoding.path([[[0, 0, 10, 0, 10, 10, 0, 10, 0, 0]]], p)
        #expect(d == "M0 10l10 0 0-10-10 0z")
        // A ring that collapses to less than a unit disappears.
        #expect(PathEncoding.path([[[0, 0, 0.1, 0, 0.1, 0.1, 0, 0]]], p).isEmpty)
        // One decimal.
        #expect(PathEncoding.path([[[0, 0, 2.34, 0, 2.34, 2.34, 0, 0]]], p, decimals: 1) == "M0 10l2.3 0 0-2.3z")
    }

    @Test func scaleBarLengthsAreRound() {
        #expect(MapDecorations.niceLength(73_000) == 50_000)
        #expect(MapDecorations.niceLength(1_900) == 1_000)
        #expect(MapDecorations.niceLength(2_500) == 2_000)
    }
}
