/// OGC validity of a polygonal `Shape` in O(n log n): one plane sweep (Shamos–Hoey) over every
/// segment of every ring, with exact orientation tests, finds the first contact between two segments
/// that are not neighbours in a ring, and the ring directly enclosing each ring.
///
/// GEOS's check (`GEOSisValidDetail_r`) indexes monotone chains by their bounding boxes; on a jagged
/// ring (long thin teeth side by side) nearly every box overlaps every other and the check grows
/// with the square of the vertex count (232 s for 5 M vertices). The sweep orders segments instead
/// of boxes, so jagged rings cost no more than smooth ones.
///
/// It decides what it can prove and leaves the rest to GEOS (`undecided`): a contact between two
/// different rings at a single point (a hole touching its shell is valid once, not twice), and the
/// preliminary checks GEOS makes cheaply before its own sweep (ring closure, too few points, a
/// coordinate that is not finite). Reasons use GEOS's words so that reports read the same either way.
final class RingSweep {
    enum Outcome: Equatable {
        case valid
        case invalid(ValidityProblem)
        case undecided
    }

    /// Vertices without repeats, each ring's closing point dropped; ring r is
    /// `ringStart[r]..<ringStart[r + 1]`. Constants (`let`), so reads need no exclusivity checks.
    private let xs: [Double]
    private let ys: [Double]
    private let ringOf: [Int32]
    private let ringStart: [Int]
    /// Polygon of each ring, and whether the ring is its polygon's shell.
    private let polygonOf: [Int]
    private let isShell: [Bool]
    /// The vertex after and before each vertex in its ring; segment i runs from vertex i to `nextVertex[i]`.
    private let nextVertex: [Int32]
    private let previousVertex: [Int32]
    /// Each segment's endpoints in sweep order: the lower first.
    private let lowEnd: [Int32]
    private let highEnd: [Int32]

    /// Checks `shape`; `.undecided` for non-polygonal shapes.
    static func check(_ shape: Shape) -> Outcome {
        guard shape.isPolygonal, !shape.ringEnds.isEmpty else { return .undecided }
        guard let sweep = RingSweep(shape) else { return .undecided }
        return sweep.run()
    }

    private init?(_ shape: Shape) {
        let c = shape.coordinates
        var xs: [Double] = []
        var ys: [Double] = []
        var ringOf: [Int32] = []
        var ringStart = [0]
        var polygonOf: [Int] = []
        var isShell: [Bool] = []
        xs.reserveCapacity(shape.pointCount)
        ys.reserveCapacity(shape.pointCount)
        ringOf.reserveCapacity(shape.pointCount)
        for j in shape.polygonEnds.indices {
            for r in shape.polygonRange(j) {
                let range = shape.ringRange(r)
                guard range.count >= 4 else { return nil }
                let first = 2 * range.lowerBound
                let last = 2 * (range.upperBound - 1)
                guard c[first] == c[last], c[first + 1] == c[last + 1] else { return nil }
                let ring = Int32(ringStart.count - 1)
                let start = xs.count
                for p in range.dropLast() {
                    let x = c[2 * p]
                    let y = c[2 * p + 1]
                    guard x.isFinite, y.isFinite else { return nil }
                    if xs.count > start, xs[xs.count - 1] == x, ys[ys.count - 1] == y { continue }
                    xs.append(x)
                    ys.append(y)
                    ringOf.append(ring)
                }
                // The closing point may repeat the first one more than once.
                while xs.count > start + 1, xs[xs.count - 1] == xs[start], ys[ys.count - 1] == ys[start] {
                    xs.removeLast()
                    ys.removeLast()
                    ringOf.removeLast()
                }
                // GEOS reports "Too few points" before any sweep: let it.
                guard xs.count - start >= 3 else { return nil }
                ringStart.append(xs.count)
                polygonOf.append(j)
                isShell.append(r == shape.polygonRange(j).lowerBound)
            }
        }
        let n = xs.count
        var nextVertex = [Int32](repeating: 0, count: n)
        var previousVertex = [Int32](repeating: 0, count: n)
        var lowEnd = [Int32](repeating: 0, count: n)
        var highEnd = [Int32](repeating: 0, count: n)
        for r in 0..<(ringStart.count - 1) {
            let (start, end) = (ringStart[r], ringStart[r + 1])
            for v in start..<end {
                let w = v + 1 == end ? start : v + 1
                nextVertex[v] = Int32(w)
                previousVertex[w] = Int32(v)
                let lower = xs[v] < xs[w] || (xs[v] == xs[w] && ys[v] < ys[w])
                lowEnd[v] = Int32(lower ? v : w)
                highEnd[v] = Int32(lower ? w : v)
            }
        }
        (self.xs, self.ys, self.ringOf, self.ringStart, self.polygonOf, self.isShell) = (xs, ys, ringOf, ringStart, polygonOf, isShell)
        (self.nextVertex, self.previousVertex, self.lowEnd, self.highEnd) = (nextVertex, previousVertex, lowEnd, highEnd)
    }

    // MARK: - Vertices and segments

    @inline(__always) private func next(_ v: Int) -> Int { Int(nextVertex[v]) }

    @inline(__always) private func previous(_ v: Int) -> Int { Int(previousVertex[v]) }

    /// Lexicographic order (x, then y): the sweep's order, a vertical line turned by an infinitesimal angle.
    @inline(__always) private func less(_ a: Int, _ b: Int) -> Bool {
        xs[a] < xs[b] || (xs[a] == xs[b] && ys[a] < ys[b])
    }

    @inline(__always) private func same(_ a: Int, _ b: Int) -> Bool { xs[a] == xs[b] && ys[a] == ys[b] }

    /// The endpoints of segment s, lower (in sweep order) first.
    @inline(__always) private func ends(_ s: Int) -> (Int, Int) { (Int(lowEnd[s]), Int(highEnd[s])) }

    /// Exact side of vertex c relative to the line a → b (vertices); nil on overflow.
    @inline(__always) private func side(_ a: Int, _ b: Int, _ c: Int) -> Int? {
        Orientation.exactSide(xs[a], ys[a], xs[b], ys[b], xs[c], ys[c])
    }

    private func problem(_ reason: String, at v: Int) -> ValidityProblem {
        ValidityProblem(reason: reason, x: xs[v], y: ys[v])
    }

    // MARK: - The sweep

    private struct Undecided: Error {}

    private func run() -> Outcome {
        do {
            if let found = try spikes() { return .invalid(found) }
            let order = sortedVertices()
            if let found = repeatedVertex(order) { return found }
            let counterClockwise = (0..<(ringStart.count - 1)).map(isCounterClockwise)
            let status = SweepStatus(count: xs.count)
            var parent = [Int](repeating: -2, count: ringStart.count - 1)
            for v in order {
                if let found = try event(v, status, &parent, counterClockwise) { return .invalid(found) }
            }
            return nesting(parent).map { .invalid($0) } ?? .valid
        } catch {
            return .undecided
        }
    }

    /// A ring that turns straight back on itself (u → v → w with w on the segment u → v, or beyond
    /// it backwards): the two segments overlap, which GEOS reports as a self-intersection.
    private func spikes() throws(Undecided) -> ValidityProblem? {
        for v in xs.indices {
            let u = previous(v)
            let w = next(v)
            guard let s = side(u, v, w) else { throw Undecided() }
            guard s == 0 else { continue }
            let dot = (xs[v] - xs[u]) * (xs[w] - xs[v]) + (ys[v] - ys[u]) * (ys[w] - ys[v])
            if dot < 0 || same(u, w) { return problem("Self-intersection", at: v) }
        }
        return nil
    }

    private func sortedVertices() -> [Int] {
        var order = Array(xs.indices)
        xs.withUnsafeBufferPointer { x in
            ys.withUnsafeBufferPointer { y in
                order.sort { a, b in x[a] < x[b] || (x[a] == x[b] && y[a] < y[b]) }
            }
        }
        return order
    }

    /// Two vertices at one point: a ring touching itself (invalid), or two rings touching (left to GEOS).
    private func repeatedVertex(_ order: [Int]) -> Outcome? {
        for k in order.indices.dropFirst() where same(order[k - 1], order[k]) {
            if ringOf[order[k - 1]] == ringOf[order[k]] { return .invalid(problem("Ring Self-intersection", at: order[k])) }
            return .undecided
        }
        return nil
    }

    /// Processes vertex v (every vertex is a distinct point by now): removes the segments ending at v,
    /// inserts those starting there, and tests the segments that become neighbours. Records the ring
    /// directly enclosing v's ring (-1 for none) when v is that ring's first vertex.
    private func event(_ v: Int, _ status: SweepStatus, _ parent: inout [Int], _ counterClockwise: [Bool])
        throws(Undecided) -> ValidityProblem?
    {
        // Split the status into the segments below v, through v, and above v.
        let vertexSide = { [self] (t: Int) throws(Undecided) -> Int in
            let (a, b) = ends(t)
            guard let s = side(a, b, v) else { throw Undecided() }
            return s
        }
        let (below, rest) = try status.split(status.root) { t throws(Undecided) in try vertexSide(t) > 0 }
        let (through, above) = try status.split(rest) { t throws(Undecided) in try vertexSide(t) == 0 }
        let incoming = previous(v)
        for t in status.elements(through) where t != incoming && t != v {
            // v lies inside segment t.
            return try contact(t, v, at: v)
        }
        var starting: [Int] = []
        if less(v, next(v)) { starting.append(v) }
        if less(v, incoming) { starting.append(incoming) }
        if starting.count == 2 {
            // Both leave v to the right: the one whose far end is on the right of the other is lower.
            guard let s = side(v, ends(starting[0]).1, ends(starting[1]).1) else { throw Undecided() }
            if s < 0 { starting.swapAt(0, 1) }
        }
        let lower = status.last(below)
        let upper = status.first(above)
        let ring = Int(ringOf[v])
        if parent[ring] == -2 { parent[ring] = enclosing(lower, parent, counterClockwise) }
        if let first = starting.first, let last = starting.last {
            if let lower, let found = try test(lower, first) { return found }
            if let upper, let found = try test(last, upper) { return found }
        } else if let lower, let upper, let found = try test(lower, upper) {
            return found
        }
        var middle = SweepStatus.empty
        for s in starting { middle = status.merge(middle, status.node(s)) }
        status.root = status.merge(status.merge(below, middle), above)
        return nil
    }

    /// The ring directly enclosing a ring whose first vertex has `lower` just below it: lower's ring when
    /// its interior lies above lower, else the ring enclosing lower's ring.
    private func enclosing(_ lower: Int?, _ parent: [Int], _ counterClockwise: [Bool]) -> Int {
        guard let lower else { return -1 }
        let ring = Int(ringOf[lower])
        return less(lower, next(lower)) == counterClockwise[ring] ? ring : parent[ring]
    }

    /// Ring orientation from the turn at its first vertex in sweep order (a strict turn once spikes are out).
    private func isCounterClockwise(_ ring: Int) -> Bool {
        var lowest = ringStart[ring]
        for v in ringStart[ring]..<ringStart[ring + 1] where less(v, lowest) { lowest = v }
        return (side(previous(lowest), lowest, next(lowest)) ?? 0) > 0
    }

    /// Whether segments s and t (not neighbours in a ring) meet, and what that means.
    private func test(_ s: Int, _ t: Int) throws(Undecided) -> ValidityProblem? {
        if next(s) == t || next(t) == s { return nil }
        let (a, b) = (s, next(s))
        let (c, d) = (t, next(t))
        guard let d1 = side(c, d, a), let d2 = side(c, d, b), let d3 = side(a, b, c), let d4 = side(a, b, d) else {
            throw Undecided()
        }
        if d1 * d2 < 0 && d3 * d4 < 0 {
            // A proper crossing: GEOS's "Self-intersection", located at the (rounded) crossing point.
            let den = (xs[b] - xs[a]) * (ys[d] - ys[c]) - (ys[b] - ys[a]) * (xs[d] - xs[c])
            let k = ((xs[c] - xs[a]) * (ys[d] - ys[c]) - (ys[c] - ys[a]) * (xs[d] - xs[c])) / den
            return ValidityProblem(reason: "Self-intersection", x: xs[a] + k * (xs[b] - xs[a]), y: ys[a] + k * (ys[b] - ys[a]))
        }
        if d1 == 0 && d2 == 0 {
            // Collinear: they overlap along a stretch, or not at all (shared points were found before).
            let (s0, s1) = ends(s)
            let (t0, t1) = ends(t)
            guard less(s0, t1) && less(t0, s1) else { return nil }
            return problem("Self-intersection", at: less(s0, t0) ? t0 : s0)
        }
        for (p, q, r, dp) in [(a, c, d, d1), (b, c, d, d2), (c, a, b, d3), (d, a, b, d4)] where dp == 0 && between(p, q, r) {
            return try contact(s, t, at: p)
        }
        return nil
    }

    /// Whether vertex p (on the line q → r) lies within the segment.
    private func between(_ p: Int, _ q: Int, _ r: Int) -> Bool {
        let (lo, hi) = less(q, r) ? (q, r) : (r, q)
        return !less(p, lo) && !less(hi, p)
    }

    /// Segment t and the segments at vertex `at` (or segment s) touch at one point: within one ring
    /// that is GEOS's "Ring Self-intersection"; between rings it may be valid, so GEOS decides.
    private func contact(_ t: Int, _ s: Int, at p: Int) throws(Undecided) -> ValidityProblem {
        guard ringOf[t] == ringOf[s] else { throw Undecided() }
        return problem("Ring Self-intersection", at: p)
    }

    /// With no contacts at all the rings are disjoint closed curves and `parent` the forest of their
    /// nesting: checks GEOS's remaining conditions in its order.
    private func nesting(_ parent: [Int]) -> ValidityProblem? {
        let rings = parent.indices
        var shellOf = [Int](repeating: -1, count: polygonOf.count)
        for r in rings where isShell[r] { shellOf[polygonOf[r]] = r }
        /// The rings enclosing r, innermost first, up to (not including) `stop`.
        func enclosing(_ r: Int, upTo stop: Int) -> [Int] {
            var out: [Int] = []
            var p = parent[r]
            while p >= 0 && p != stop {
                out.append(p)
                p = parent[p]
            }
            return out
        }
        let holes = rings.filter { !isShell[$0] }
        for h in holes where !enclosing(h, upTo: -1).contains(shellOf[polygonOf[h]]) {
            return problem("Hole lies outside shell", at: ringStart[h])
        }
        for h in holes where enclosing(h, upTo: shellOf[polygonOf[h]]).contains(where: { !isShell[$0] && polygonOf[$0] == polygonOf[h] }) {
            return problem("Holes are nested", at: ringStart[h])
        }
        for r in rings where isShell[r] && parent[r] >= 0 && isShell[parent[r]] {
            return problem("Nested shells", at: ringStart[r])
        }
        return nil
    }
}
