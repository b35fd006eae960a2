/// The area two valid polygonal shapes share, computed from their rings without building the
/// intersection: the shoelace integral ½∮(x dy − y dx) over the boundary of A ∩ B, which is the
/// part of A's boundary inside B and the part of B's boundary inside A, each run with its own
/// interior on the left.
///
/// Every segment of one boundary whose box meets the overlap of the two boxes is tested against the
/// segments of the other with a sweep; Shewchuk-filtered orientation tests decide exactly whether
/// two segments cross properly or are apart. Each segment is then cut at its crossings, ordered
/// along it, and its pieces are alternately inside and outside the other shape, starting from the
/// state at the segment's start: outside when the previous segment lies beyond the box, and for a
/// ring wholly inside the box one point-in-polygon test of its first vertex. Both boundaries use the
/// same rounded crossing points, so the pieces close up and the integral is taken about a local
/// origin without cancellation.
///
/// Nil whenever rounding or a degenerate contact could mislead the walk: boundaries that touch
/// (a vertex on the other's boundary, collinear overlapping segments, identical segments), an
/// orientation too close to zero to tell, two crossings on one segment too close to order, or a
/// walk that does not come back to its starting state. The caller then asks GEOS.
public struct IntersectionArea: Sendable, Equatable {
    /// Square metres (in the shapes' units squared).
    public var area: Double
    /// How many times the boundaries cross.
    public var crossings: Int
    /// The first shape lies within the second (no crossings, the first's boundary inside the second,
    /// none of the second's boundary inside the first).
    public var firstWithin: Bool
    /// The second lies within the first.
    public var secondWithin: Bool

    public init(area: Double, crossings: Int, firstWithin: Bool, secondWithin: Bool) {
        (self.area, self.crossings, self.firstWithin, self.secondWithin) = (area, crossings, firstWithin, secondWithin)
    }

    /// Nothing shared.
    public static let apart = IntersectionArea(area: 0, crossings: 0, firstWithin: false, secondWithin: false)

    /// Area(first ∩ second), or nil when it takes GEOS to tell (see the type's description).
    public static func of(_ first: BoundaryRings, _ second: BoundaryRings) -> IntersectionArea? {
        let (f, s) = (first, second)
        guard f.bounds.intersects(s.bounds) else { return .apart }
        let box = Bounds(
            minX: max(f.bounds.minX, s.bounds.minX), minY: max(f.bounds.minY, s.bounds.minY),
            maxX: min(f.bounds.maxX, s.bounds.maxX), maxY: min(f.bounds.maxY, s.bounds.maxY))
        let segmentsF = f.segments(meeting: box).sorted()
        let segmentsS = s.segments(meeting: box).sorted()
        guard var crossings = Self.crossings(f, segmentsF, s, segmentsS) else { return nil }
        let origin = (x: box.minX, y: box.minY)
        // Along the first boundary: crossings ordered by their position on its segments.
        crossings.sort { ($0.first, $0.tFirst) < ($1.first, $1.tFirst) }
        guard
            let alongF = walk(
                f, segmentsF, against: s, crossings: crossings.map { ($0.first, $0.tFirst, $0.errFirst, $0.x, $0.y) }, origin: origin)
        else { return nil }
        crossings.sort { ($0.second, $0.tSecond) < ($1.second, $1.tSecond) }
        guard
            let alongS = walk(
                s, segmentsS, against: f, crossings: crossings.map { ($0.second, $0.tSecond, $0.errSecond, $0.x, $0.y) }, origin: origin)
        else { return nil }
        let twice = alongF.twiceArea + alongS.twiceArea
        // A negative total beyond rounding means the walk went wrong somewhere: let GEOS decide.
        let scale = (box.maxX - box.minX) * (box.maxY - box.minY)
        guard twice > -1e-9 * scale else { return nil }
        let none = crossings.isEmpty
        return IntersectionArea(
            area: max(0, twice / 2), crossings: crossings.count,
            firstWithin: none && !alongF.outside && !alongS.inside,
            secondWithin: none && !alongS.outside && !alongF.inside)
    }

    /// A proper crossing of segment `first` (of the first shape) and `second`, at parameter `t…`
    /// along each (with a bound on its rounding error), at the rounded point (x, y).
    struct Crossing {
        var first: Int, second: Int
        var tFirst: Double, tSecond: Double
        var errFirst: Double, errSecond: Double
        var x: Double, y: Double
    }

    /// Every proper crossing between the two lists of segments (a sweep in x); nil as soon as two
    /// segments meet in any other way or an orientation cannot be told.
    static func crossings(_ f: BoundaryRings, _ segmentsF: [Int], _ s: BoundaryRings, _ segmentsS: [Int]) -> [Crossing]? {
        let a = segmentsF.map { f.segment($0) }.sorted { $0.minX < $1.minX }
        let b = segmentsS.map { s.segment($0) }.sorted { $0.minX < $1.minX }
        var activeA: [BoundaryRings.Segment] = []
        var activeB: [BoundaryRings.Segment] = []
        var out: [Crossing] = []
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && a[i].minX <= b[j].minX) {
                let p = a[i]
                activeB.removeAll { $0.maxX < p.minX }
                for q in activeB where q.minY <= p.maxY && q.maxY >= p.minY {
                    guard compare(p, q, into: &out) else { return nil }
                }
                activeA.append(p)
                i += 1
            } else {
                let q = b[j]
                activeA.removeAll { $0.maxX < q.minX }
                for p in activeA where p.minY <= q.maxY && p.maxY >= q.minY {
                    guard compare(p, q, into: &out) else { return nil }
                }
                activeB.append(q)
                j += 1
            }
        }
        return out
    }

    /// Adds the crossing of `p` (first shape) and `q` (second) when they cross properly; false when
    /// they touch, overlap or rounding leaves it open.
    @inline(__always)
    private static func compare(_ p: BoundaryRings.Segment, _ q: BoundaryRings.Segment, into out: inout [Crossing]) -> Bool {
        let o1 = Orientation.side(p.x0, p.y0, p.x1, p.y1, q.x0, q.y0)
        let o2 = Orientation.side(p.x0, p.y0, p.x1, p.y1, q.x1, q.y1)
        if let o1, let o2, o1 == o2 { return true }
        let o3 = Orientation.side(q.x0, q.y0, q.x1, q.y1, p.x0, p.y0)
        let o4 = Orientation.side(q.x0, q.y0, q.x1, q.y1, p.x1, p.y1)
        if let o3, let o4, o3 == o4 { return true }
        guard let o1, let o2, let o3, let o4, o1 != o2, o3 != o4 else { return false }
        // p0 + t (p1 - p0) = q0 + u (q1 - q0).
        let (dpx, dpy) = (p.x1 - p.x0, p.y1 - p.y0)
        let (dqx, dqy) = (q.x1 - q.x0, q.y1 - q.y0)
        let (wx, wy) = (q.x0 - p.x0, q.y0 - p.y0)
        let d = dpx * dqy - dpy * dqx
        let nt = wx * dqy - wy * dqx
        let nu = wx * dpy - wy * dpx
        guard d != 0 else { return false }
        let t = nt / d
        let u = nu / d
        // Each difference, product and the subtraction round by at most ε relative; a generous
        // bound on the error of t and u (used only to refuse crossings too close to order).
        let ε = 0x1p-53
        let dAbs = abs(dpx * dqy) + abs(dpy * dqx)
        let errT = 16 * ε * ((abs(wx * dqy) + abs(wy * dqx)) + abs(t) * dAbs) / abs(d) + 4 * ε
        let errU = 16 * ε * ((abs(wx * dpy) + abs(wy * dpx)) + abs(u) * dAbs) / abs(d) + 4 * ε
        out.append(
            Crossing(
                first: p.index, second: q.index, tFirst: t, tSecond: u, errFirst: errT, errSecond: errU,
                x: p.x0 + t * dpx, y: p.y0 + t * dpy))
        return true
    }

    /// The integral along the parts of `x`'s boundary inside `y`, and whether any part of it lies
    /// inside or outside `y`; nil when the walk cannot be trusted.
    ///
    /// `segments` (sorted) are `x`'s segments meeting the box; `crossings` (segment, t, error, point)
    /// are sorted by segment and t.
    private static func walk(
        _ x: BoundaryRings, _ segments: [Int], against y: BoundaryRings,
        crossings: [(segment: Int, t: Double, err: Double, x: Double, y: Double)], origin: (x: Double, y: Double)
    ) -> (twiceArea: Double, inside: Bool, outside: Bool)? {
        var twice = 0.0
        var inside = false
        var outside = false
        // Crossings of each listed segment: crossings[cross[k]..<cross[k + 1]] for segments[k].
        var cross = [Int](repeating: 0, count: segments.count + 1)
        var c = 0
        for (k, s) in segments.enumerated() {
            cross[k] = c
            while c < crossings.count, crossings[c].segment == s {
                if c > cross[k], crossings[c].t - crossings[c - 1].t <= crossings[c].err + crossings[c - 1].err { return nil }
                c += 1
            }
        }
        cross[segments.count] = c
        guard c == crossings.count else { return nil }
        // Rings with no segment in the box lie beyond the other shape's box: outside it.
        var listed = [Int](repeating: 0, count: x.ringBounds.count)
        for s in segments { listed[Int(x.ringOf[s])] += 1 }
        for r in listed.indices where listed[r] < x.ringStarts[r + 1] - x.ringStarts[r] { outside = true }

        /// Position of segment `s` in `segments`, if listed.
        func position(_ s: Int) -> Int? {
            var (lo, hi) = (0, segments.count)
            while lo < hi {
                let mid = (lo + hi) / 2
                if segments[mid] < s { lo = mid + 1 } else { hi = mid }
            }
            return lo < segments.count && segments[lo] == s ? lo : nil
        }

        var visited = [Bool](repeating: false, count: segments.count)
        for start in segments.indices where !visited[start] {
            let s0 = segments[start]
            let r = Int(x.ringOf[s0])
            let ringStart = x.ringStarts[r]
            let whole = listed[r] == x.ringStarts[r + 1] - ringStart
            let previous = s0 == ringStart ? x.ringStarts[r + 1] - 1 : s0 - 1
            // A run starts where the previous segment is not listed (its start lies outside the box,
            // so outside y), or at the first vertex of a ring lying wholly in the box.
            var state: Bool
            if whole {
                guard s0 == ringStart, let inY = y.contains(x: x.xs[s0], y: x.ys[s0]) else { continue }
                state = inY
            } else {
                guard position(previous) == nil else { continue }
                state = false
            }
            let initial = state
            let sign = x.interiorLeft[r] ? 1.0 : -1.0
            var k = start
            var (px, py) = (x.xs[s0] - origin.x, x.ys[s0] - origin.y)
            while true {
                visited[k] = true
                let s = segments[k]
                for n in cross[k]..<cross[k + 1] {
                    let (qx, qy) = (crossings[n].x - origin.x, crossings[n].y - origin.y)
                    if state { twice += sign * (px * qy - qx * py) }
                    if state { inside = true } else { outside = true }
                    state.toggle()
                    (px, py) = (qx, qy)
                }
                let e = x.next(s)
                let (qx, qy) = (x.xs[e] - origin.x, x.ys[e] - origin.y)
                if state { twice += sign * (px * qy - qx * py) }
                if state { inside = true } else { outside = true }
                (px, py) = (qx, qy)
                if e == ringStart && whole { break }
                guard let following = (k + 1 < segments.count && segments[k + 1] == e) ? k + 1 : position(e) else { break }
                if visited[following] { break }
                k = following
            }
            // Back at the start of a whole ring, or at a vertex beyond the box: the state must agree.
            guard state == (whole ? initial : false) else { return nil }
        }
        guard visited.allSatisfy({ $0 }) else { return nil }
        return (twice, inside, outside)
    }
}
