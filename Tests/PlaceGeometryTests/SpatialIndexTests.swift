import PlaceGeometry
import Testing

@Suite struct SpatialIndexTests {
    @Test func queryMatchesBruteForce() {
        var generator = SystemRandomNumberGenerator()
        let boxes: [Bounds?] = (0..<2000).map { i in
            if i % 97 == 0 { return nil }
            let x = Double.random(in: 0..<1000, using: &generator)
            let y = Double.random(in: 0..<1000, using: &generator)
            return Bounds(
                minX: x, minY: y, maxX: x + Double.random(in: 0..<30, using: &generator),
                maxY: y + Double.random(in: 0..<30, using: &generator))
        }
        let index = SpatialIndex(boxes, nodeCapacity: 8)
        #expect(index.count == boxes.compactMap { $0 }.count)
        for _ in 0..<200 {
            let x = Double.random(in: -50..<1000, using: &generator)
            let y = Double.random(in: -50..<1000, using: &generator)
            let q = Bounds(minX: x, minY: y, maxX: x + 60, maxY: y + 40)
            let expected = boxes.indices.filter { boxes[$0]?.intersects(q) == true }
            #expect(index.query(q) == expected)
        }
    }

    @Test func emptyIndex() {
        #expect(SpatialIndex([]).query(Bounds(minX: 0, minY: 0, maxX: 1, maxY: 1)).isEmpty)
    }
}
