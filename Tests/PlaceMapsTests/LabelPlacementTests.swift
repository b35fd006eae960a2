import PlaceGeometry
import PlaceMaps
import Testing

@Suite struct LabelPlacementTests {
    /// An L: the centroid of its box lies outside it, the inscribed circle inside.
    @Test func inscribedCircleLiesInsideThePolygon() throws {
        let context = GEOSContext()
        let l = try Geometry(Shape.polygon([[(0, 0), (100, 0), (100, 20), (20, 20), (20, 100), (0, 100), (0, 0)]]), in: context)
        let c = try l.maximumInscribedCircle(tolerance: 0.1)
        #expect(try l.contains(Geometry(.point(c.x, c.y), in: context)))
        // The largest circle sits in the corner square, touching both outer sides and the inner corner:
        // r = 20·√2 / (1 + √2).
        #expect(abs(c.radius - 20 * 2.0.squareRoot() / (1 + 2.0.squareRoot())) < 0.2)
        #expect(c.x < 20 && c.y < 20)
    }

    @Test func labelsNeverOverlapAndStayInTheFrame() {
        // Twenty labels wanting nearly the same spot.
        let requests = (0..<20).map { k in LabelRequest(text: "Place \(k)", x: 200 + Double(k), y: 150, radius: 4, id: "p\(k)") }
        let frame = PageRect(x: 0, y: 0, width: 400, height: 300)
        let obstacle = PageRect(x: 0, y: 0, width: 100, height: 100)
        let (placed, unplaced) = LabelPlacement.place(requests, fontSize: 11, frame: frame, obstacles: [obstacle])
        #expect(placed.count + unplaced.count == 20)
        #expect(placed.count >= 10)
        for (i, a) in placed.enumerated() {
            #expect(frame.contains(a.box))
            #expect(!a.box.intersects(obstacle))
            for b in placed[(i + 1)...] { #expect(!a.box.intersects(b.box), "\(a.request.text) overlaps \(b.request.text)") }
        }
        // The first label sits on its point; moved ones carry a leader line back to it.
        #expect(placed.first?.leader == nil)
        #expect(placed.dropFirst().allSatisfy { $0.leader != nil })
    }

    @Test func besideLabelsLeaveTheirMarkFree() {
        let r = LabelRequest(text: "Exclaves", x: 200, y: 150, radius: 20, id: "g", beside: true)
        let (placed, _) = LabelPlacement.place([r], fontSize: 11, frame: PageRect(x: 0, y: 0, width: 400, height: 300))
        let mark = PageRect(x: 180, y: 130, width: 40, height: 40)
        #expect(placed.count == 1)
        #expect(placed.allSatisfy { !$0.box.intersects(mark) })
    }
}
