/// A quick proof that a polygon of one small ring is valid: no two of its segments meet except
/// neighbours at their common vertex, which is what GEOS's validity check asks of a single ring.
/// Used before the sweep (`RingSweep`) because most small areas (an LSOA has about a dozen
/// vertices) are one simple ring, for which comparing every pair of segments costs less than
/// setting up a sweep. Anything else — holes, several polygons, more than `maxSegments` segments,
/// any contact or an orientation too close to tell — is left to the sweep.
enum SimpleRing {
    static let maxSegments = 48

    /// True only when `shape` is certainly valid; false says nothing.
    static func certainlyValid(_ shape: Shape) -> Bool {
        guard shape.isPolygonal, shape.ringEnds.count == 1 else { return false }
        let range = shape.ringRange(0)
        guard range.count >= 4, range.count <= maxSegments + 1 else { return false }
        let c = shape.coordinates
        let (first, last) = (range.lowerBound, range.upperBound - 1)
        guard c[2 * first] == c[2 * last], c[2 * first + 1] == c[2 * last + 1] else { return false }
        // The ring's vertices without repeats or its closing point.
        var xs: [Double] = []
        var ys: [Double] = []
        xs.reserveCapacity(range.count)
        ys.reserveCapacity(range.count)
        for p in first..<last {
            let (x, y) = (c[2 * p], c[2 * p + 1])
            guard x.isFinite, y.isFinite else { return false }
            if let px = xs.last, let py = ys.last, px == x, py == y { continue }
            xs.append(x)
            ys.append(y)
        }
        while xs.count > 1, xs[xs.count - 1] == xs[0], ys[ys.count - 1] == ys[0] {
            xs.removeLast()
            ys.removeLast()
        }
        let n = xs.count
        guard n >= 3 else { return false }
        for i in 0..<n {
            let i1 = i + 1 == n ? 0 : i + 1
            // Neighbours share one vertex; they meet elsewhere only when they turn back along one line.
            let i2 = i1 + 1 == n ? 0 : i1 + 1
            guard Orientation.side(xs[i], ys[i], xs[i1], ys[i1], xs[i2], ys[i2]) != nil else { return false }
            let (minX, maxX) = (min(xs[i], xs[i1]), max(xs[i], xs[i1]))
            let (minY, maxY) = (min(ys[i], ys[i1]), max(ys[i], ys[i1]))
            // Every other segment, except the one before segment i (ending at vertex i).
            var j = i + 2
            while j < n - (i == 0 ? 1 : 0) {
                let j1 = j + 1 == n ? 0 : j + 1
                defer { j += 1 }
                if max(xs[j], xs[j1]) < minX || min(xs[j], xs[j1]) > maxX || max(ys[j], ys[j1]) < minY || min(ys[j], ys[j1]) > maxY {
                    continue
                }
                let o1 = Orientation.side(xs[i], ys[i], xs[i1], ys[i1], xs[j], ys[j])
                let o2 = Orientation.side(xs[i], ys[i], xs[i1], ys[i1], xs[j1], ys[j1])
                if let o1, let o2, o1 == o2 { continue }
                let o3 = Orientation.side(xs[j], ys[j], xs[j1], ys[j1], xs[i], ys[i])
                let o4 = Orientation.side(xs[j], ys[j], xs[j1], ys[j1], xs[i1], ys[i1])
                if let o3, let o4, o3 == o4 { continue }
                return false
            }
        }
        return true
    }
}
