/// The rings of a valid polygon or multipolygon as segments, indexed, for `BoundaryRelation`
/// (a class: shared, never copied, between the many pairs that test one feature).
///
/// Vertices are kept without the closing repeat and without repeated consecutive points, so that
/// segment `s` runs from vertex `s` to the next vertex of its ring and has positive length. Each
/// ring knows the side its polygon's interior lies on; segments are grouped in short runs of
/// consecutive segments whose boxes an STR index holds.
public final class BoundaryRings: Sendable {
    public let bounds: Bounds
    let xs: [Double]
    let ys: [Double]
    /// First vertex of each ring, plus one past the last ring.
    let ringStarts: [Int]
    /// Per ring: the interior lies to the left of its segments as stored.
    let interiorLeft: [Bool]
    let ringBounds: [Bounds]
    /// The ring of each vertex (and so of the segment starting there).
    let ringOf: [Int32]
    static let chunkSize = 8
    /// Chunk `c` holds segments `chunkStarts[c]..<chunkStarts[c + 1]`, all of one ring.
    let chunkStarts: [Int]
    let chunks: SpatialIndex

    /// Nil for points, empty shapes and rings with fewer than three distinct points.
    public init?(_ shape: Shape) {
        guard shape.isPolygonal, !shape.isEmpty else { return nil }
        let c = shape.coordinates
        var xs: [Double] = []
        var ys: [Double] = []
        xs.reserveCapacity(shape.pointCount)
        ys.reserveCapacity(shape.pointCount)
        var ringStarts: [Int] = []
        var interiorLeft: [Bool] = []
        var ringBounds: [Bounds] = []
        var ringOf: [Int32] = []
        var chunkStarts: [Int] = []
        var chunkBounds: [Bounds?] = []
        var all = Bounds(minX: .infinity, minY: .infinity, maxX: -.infinity, maxY: -.infinity)
        var polygon = 0
        for ring in shape.ringEnds.indices {
            while ring >= shape.polygonEnds[polygon] { polygon += 1 }
            let isShell = ring == (polygon == 0 ? 0 : shape.polygonEnds[polygon - 1])
            let start = xs.count
            for p in shape.ringRange(ring) {
                let (x, y) = (c[2 * p], c[2 * p + 1])
                if xs.count > start, xs[xs.count - 1] == x, ys[ys.count - 1] == y { continue }
                xs.append(x)
                ys.append(y)
            }
            while xs.count > start + 1, xs[xs.count - 1] == xs[start], ys[ys.count - 1] == ys[start] {
                xs.removeLast()
                ys.removeLast()
            }
            guard xs.count - start >= 3 else { return nil }
            var b = Bounds(minX: .infinity, minY: .infinity, maxX: -.infinity, maxY: -.infinity)
            var twiceArea = 0.0
            let n = xs.count - start
            for i in 0..<n {
                let (p, q) = (start + i, start + (i + 1) % n)
                b.include(x: xs[p], y: ys[p])
                twiceArea += (xs[p] - xs[start]) * (ys[q] - ys[start]) - (xs[q] - xs[start]) * (ys[p] - ys[start])
            }
            ringStarts.append(start)
            // Shells counter-clockwise and holes clockwise have the polygon on their left.
            interiorLeft.append(isShell == (twiceArea > 0))
            ringBounds.append(b)
            ringOf += Array(repeating: Int32(ringBounds.count - 1), count: n)
            all.include(b)
            for first in stride(from: start, to: start + n, by: Self.chunkSize) {
                let end = min(first + Self.chunkSize, start + n)
                var cb = Bounds(minX: .infinity, minY: .infinity, maxX: -.infinity, maxY: -.infinity)
                for v in first...end {
                    let w = v == start + n ? start : v
                    cb.include(x: xs[w], y: ys[w])
                }
                chunkStarts.append(first)
                chunkBounds.append(cb)
            }
        }
        ringStarts.append(xs.count)
        chunkStarts.append(xs.count)
        self.bounds = all
        self.xs = xs
        self.ys = ys
        self.ringStarts = ringStarts
        self.interiorLeft = interiorLeft
        self.ringBounds = ringBounds
        self.ringOf = ringOf
        self.chunkStarts = chunkStarts
        self.chunks = SpatialIndex(chunkBounds)
    }

    var segmentCount: Int { xs.count }

    /// The vertex after `v` along its ring: the end of segment `v`.
    @inline(__always)
    func next(_ v: Int) -> Int {
        let r = Int(ringOf[v])
        return v + 1 == ringStarts[r + 1] ? ringStarts[r] : v + 1
    }

    /// The vertex before `v` along its ring: the start of the segment ending at `v`.
    @inline(__always)
    func previous(_ v: Int) -> Int {
        let r = Int(ringOf[v])
        return v == ringStarts[r] ? ringStarts[r + 1] - 1 : v - 1
    }

    /// Segments whose boxes meet `box`.
    func segments(meeting box: Bounds) -> [Int] {
        var out: [Int] = []
        for c in chunks.query(box) {
            for s in chunkStarts[c]..<chunkStarts[c + 1] {
                let t = next(s)
                if min(xs[s], xs[t]) <= box.maxX, max(xs[s], xs[t]) >= box.minX, min(ys[s], ys[t]) <= box.maxY,
                    max(ys[s], ys[t]) >= box.minY
                {
                    out.append(s)
                }
            }
        }
        return out
    }

    /// Whether (x, y), known not to lie on the boundary, is inside; nil when rounding could decide
    /// wrongly (the point lies too close to a segment).
    func contains(x: Double, y: Double) -> Bool? {
        guard x >= bounds.minX, x <= bounds.maxX, y >= bounds.minY, y <= bounds.maxY else { return false }
        var crossings = 0
        for c in chunks.query(Bounds(minX: x, minY: y, maxX: bounds.maxX, maxY: y)) {
            for s in chunkStarts[c]..<chunkStarts[c + 1] {
                let t = next(s)
                let upward = ys[t] > y
                guard (ys[s] > y) != upward else { continue }
                guard let side = Orientation.side(xs[s], ys[s], xs[t], ys[t], x, y) else { return nil }
                // The segment crosses the line y to the right of the point when the point is on its
                // left going up, or on its right going down.
                if (side > 0) == upward { crossings += 1 }
            }
        }
        return crossings % 2 == 1
    }

    /// Segment `s` with its box.
    func segment(_ s: Int) -> Segment { Segment(self, s) }

    /// A segment with its box, by the index of its first vertex.
    struct Segment {
        var index: Int, end: Int
        var x0: Double, y0: Double, x1: Double, y1: Double
        var minX: Double, maxX: Double, minY: Double, maxY: Double

        init(_ r: BoundaryRings, _ s: Int) {
            index = s
            end = r.next(s)
            (x0, y0, x1, y1) = (r.xs[s], r.ys[s], r.xs[end], r.ys[end])
            (minX, maxX) = (min(x0, x1), max(x0, x1))
            (minY, maxY) = (min(y0, y1), max(y0, y1))
        }
    }
}

extension BoundaryRings {
    /// Calls `meet` for every pair of a segment of `f` (among `segmentsF`) and one of `s` (among
    /// `segmentsS`) whose boxes meet, found by a sweep in x; stops and returns false as soon as
    /// `meet` does.
    static func sweep(
        _ f: BoundaryRings, _ segmentsF: [Int], _ s: BoundaryRings, _ segmentsS: [Int], _ meet: (Segment, Segment) -> Bool
    ) -> Bool {
        let a = segmentsF.map { f.segment($0) }.sorted { $0.minX < $1.minX }
        let b = segmentsS.map { s.segment($0) }.sorted { $0.minX < $1.minX }
        var activeA: [Segment] = []
        var activeB: [Segment] = []
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && a[i].minX <= b[j].minX) {
                let p = a[i]
                guard open(p, against: &activeB, { meet(p, $0) }) else { return false }
                activeA.append(p)
                i += 1
            } else {
                let q = b[j]
                guard open(q, against: &activeA, { meet($0, q) }) else { return false }
                activeB.append(q)
                j += 1
            }
        }
        return true
    }

    /// The sweep reaching `segment`: the other boundary's segments ending before it are dropped, and
    /// `meet` is called with each left whose y-range meets its own; false as soon as `meet` is.
    @inline(__always)
    private static func open(_ segment: Segment, against active: inout [Segment], _ meet: (Segment) -> Bool) -> Bool {
        active.removeAll { $0.maxX < segment.minX }
        for o in active where o.minY <= segment.maxY && o.maxY >= segment.minY {
            guard meet(o) else { return false }
        }
        return true
    }
}
