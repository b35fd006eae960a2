/// How two valid polygonal shapes lie, decided from their coordinates alone when their boundaries
/// meet only in identical segments and common vertices, as in a clean coverage (ONS boundaries,
/// areas built from the blocks they are compared with).
///
/// The test: every pair of segments whose boxes meet is either identical, or meets at most in a
/// common end point (with no collinear overlap beyond it), or is certainly apart. Then the
/// boundaries have in common exactly the identical segments S and the common vertices V, and each
/// stretch of a boundary between two points of V (a run) lies wholly inside or wholly outside the
/// other shape; one point of each run (a vertex, or the midpoint of a run that is one segment)
/// tells which. The interiors are disjoint exactly when every shared segment has them on opposite
/// sides and no run of either lies inside the other; the first lies within the second exactly when
/// every shared segment has them on the same side, every run of the first is inside the second and
/// no run of the second is inside the first. Anything else (boundaries crossing, a vertex on the
/// other's edge, a partial overlap, a test that rounding could get wrong) gives nil, and the
/// caller asks GEOS.
public enum BoundaryRelation: Sendable, Equatable {
    /// Interiors disjoint: the length of boundary they share (metres) and whether they meet at all.
    case apart(sharedLength: Double, touching: Bool)
    /// The first lies within the second (its every point is in the second's closure).
    case within
    /// The second lies within the first (and they are not equal).
    case contains
    /// The boundaries cross at a point inside a segment of each: the interiors overlap and neither
    /// lies within the other, so only an overlay tells the piece.
    case crossing

    /// The relation of `first` to `second`, or nil when it takes an exact overlay to tell.
    public static func of(_ first: BoundaryRings, _ second: BoundaryRings) -> BoundaryRelation? {
        let (f, s) = (first, second)
        guard f.bounds.intersects(s.bounds) else { return .apart(sharedLength: 0, touching: false) }
        let box = Bounds(
            minX: max(f.bounds.minX, s.bounds.minX), minY: max(f.bounds.minY, s.bounds.minY),
            maxX: min(f.bounds.maxX, s.bounds.maxX), maxY: min(f.bounds.maxY, s.bounds.maxY))
        let contacts = Contacts(f, s, box: box)
        if contacts.crossing { return .crossing }
        guard contacts.clean,
            let firstRuns = runs(
                of: f, against: s, vertices: contacts.firstVertices, shared: contacts.firstShared, points: contacts.points),
            let secondRuns = runs(
                of: s, against: f, vertices: contacts.secondVertices, shared: contacts.secondShared, points: contacts.points)
        else { return nil }
        if contacts.sameSide == 0, !firstRuns.inside, !secondRuns.inside {
            return .apart(sharedLength: contacts.sharedLength, touching: !contacts.points.isEmpty)
        }
        if contacts.oppositeSide == 0, !firstRuns.outside, !secondRuns.inside { return .within }
        if contacts.oppositeSide == 0, !secondRuns.outside, !firstRuns.inside { return .contains }
        return nil
    }

    /// Where the runs of `x`'s boundary lie relative to `y`; nil when a run cannot be tested (its
    /// test point lies too close to `y`'s boundary).
    private static func runs(
        of x: BoundaryRings, against y: BoundaryRings, vertices: [Int], shared: [Int], points: [Point]
    ) -> (inside: Bool, outside: Bool)? {
        var inside = false
        var outside = false
        func test(_ px: Double, _ py: Double) -> Bool {
            guard let inY = y.contains(x: px, y: py) else { return false }
            if inY { inside = true } else { outside = true }
            return true
        }
        var ringsMet = [Bool](repeating: false, count: x.ringBounds.count)
        // Every run starts at a common vertex with a segment that is not shared.
        for v in vertices {
            ringsMet[Int(x.ringOf[v])] = true
            guard !shared.sortedContains(v) else { continue }
            let w = x.next(v)
            guard points.sortedContains(Point(x.xs[w], x.ys[w])) else {
                guard test(x.xs[w], x.ys[w]) else { return nil }
                continue
            }
            // The run is this one segment. Its rounded midpoint lies on the same side of `y` as the
            // segment when no segment of `y` comes near it (the rounding is far below the margin).
            let (mx, my) = ((x.xs[v] + x.xs[w]) / 2, (x.ys[v] + x.ys[w]) / 2)
            let margin = 1e-9 * (abs(mx) + abs(my) + 1)
            let near = Bounds(minX: mx - margin, minY: my - margin, maxX: mx + margin, maxY: my + margin)
            guard y.segments(meeting: near).isEmpty, test(mx, my) else { return nil }
        }
        // A ring that meets no common vertex is one run; beyond y's box it is outside y.
        for r in x.ringBounds.indices where !ringsMet[r] {
            if x.ringBounds[r].intersects(y.bounds) {
                guard test(x.xs[x.ringStarts[r]], x.ys[x.ringStarts[r]]) else { return nil }
            } else {
                outside = true
            }
        }
        return (inside, outside)
    }

    struct Point: Comparable {
        var x: Double, y: Double
        init(_ x: Double, _ y: Double) { (self.x, self.y) = (x, y) }
        static func < (a: Point, b: Point) -> Bool { (a.x, a.y) < (b.x, b.y) }
    }

    /// The identical segments and common vertices of two boundaries, found by a sweep over the
    /// segments in the boxes' overlap; not clean as soon as the boundaries meet any other way
    /// (and crossing when that way is a proper crossing). The lists are sorted and without repeats
    /// once the sweep is done (arrays, not sets: most pairs share only a few points).
    private struct Contacts {
        var clean = true, crossing = false
        var points: [Point] = []
        var firstVertices: [Int] = [], secondVertices: [Int] = []
        var firstShared: [Int] = [], secondShared: [Int] = []
        var sharedLength = 0.0
        var sameSide = 0, oppositeSide = 0

        init(_ f: BoundaryRings, _ s: BoundaryRings, box: Bounds) {
            var contacts = Contacts()
            contacts.clean = BoundaryRings.sweep(f, f.segments(meeting: box), s, s.segments(meeting: box)) { p, q in
                contacts.compare(p, q, f, s)
            }
            if contacts.clean {
                contacts.points.sortAndRemoveRepeats()
                contacts.firstVertices.sortAndRemoveRepeats()
                contacts.secondVertices.sortAndRemoveRepeats()
                contacts.firstShared.sortAndRemoveRepeats()
                contacts.secondShared.sortAndRemoveRepeats()
            }
            self = contacts
        }

        private init() {}

        /// Records how segment `p` of the first and `q` of the second meet; false when they meet
        /// other than in an identical segment or a common end point, or rounding leaves it open.
        private mutating func compare(_ p: BoundaryRings.Segment, _ q: BoundaryRings.Segment, _ f: BoundaryRings, _ s: BoundaryRings)
            -> Bool
        {
            let p0 = Point(p.x0, p.y0)
            let p1 = Point(p.x1, p.y1)
            let q0 = Point(q.x0, q.y0)
            let q1 = Point(q.x1, q.y1)
            if (p0 == q0 && p1 == q1) || (p0 == q1 && p1 == q0) {
                let sameDirection = p0 == q0
                let leftF = f.interiorLeft[Int(f.ringOf[p.index])]
                let leftS = s.interiorLeft[Int(s.ringOf[q.index])]
                if (leftF == leftS) == sameDirection { sameSide += 1 } else { oppositeSide += 1 }
                firstShared.append(p.index)
                secondShared.append(q.index)
                sharedLength += ((p.x1 - p.x0) * (p.x1 - p.x0) + (p.y1 - p.y0) * (p.y1 - p.y0)).squareRoot()
                touch(p0, p.index, q0 == p0 ? q.index : q.end)
                touch(p1, p.end, q0 == p1 ? q.index : q.end)
                return true
            }
            // One common end point c: they meet beyond it only when collinear and pointing the same way.
            let common: (c: Point, p: Point, q: Point, pv: Int, qv: Int)?
            if p0 == q0 {
                common = (p0, p1, q1, p.index, q.index)
            } else if p0 == q1 {
                common = (p0, p1, q0, p.index, q.end)
            } else if p1 == q0 {
                common = (p1, p0, q1, p.end, q.index)
            } else if p1 == q1 {
                common = (p1, p0, q0, p.end, q.end)
            } else {
                common = nil
            }
            if let (c, a, b, pv, qv) = common {
                if Orientation.side(c.x, c.y, a.x, a.y, b.x, b.y) == nil, !Orientation.opposite(c.x, c.y, a.x, a.y, b.x, b.y) {
                    return false
                }
                touch(c, pv, qv)
                return true
            }
            // No common end point: they must lie certainly apart.
            let o1 = Orientation.side(p.x0, p.y0, p.x1, p.y1, q.x0, q.y0)
            let o2 = Orientation.side(p.x0, p.y0, p.x1, p.y1, q.x1, q.y1)
            if let o1, let o2, o1 == o2 { return true }
            let o3 = Orientation.side(q.x0, q.y0, q.x1, q.y1, p.x0, p.y0)
            let o4 = Orientation.side(q.x0, q.y0, q.x1, q.y1, p.x1, p.y1)
            if let o3, let o4, o3 == o4 { return true }
            if let o1, let o2, let o3, let o4, o1 != o2, o3 != o4 { crossing = true }
            return false
        }

        private mutating func touch(_ c: Point, _ fv: Int, _ sv: Int) {
            points.append(c)
            firstVertices.append(fv)
            secondVertices.append(sv)
        }
    }
}

extension Array where Element: Comparable {
    /// Sorts the array and drops repeated elements.
    mutating func sortAndRemoveRepeats() {
        guard count > 1 else { return }
        sort()
        var kept = 1
        for i in 1..<count where self[i] != self[kept - 1] {
            self[kept] = self[i]
            kept += 1
        }
        removeLast(count - kept)
    }

    /// Whether the sorted array holds `element` (a binary search).
    func sortedContains(_ element: Element) -> Bool {
        var (lo, hi) = (0, count)
        while lo < hi {
            let mid = (lo + hi) / 2
            if self[mid] < element { lo = mid + 1 } else { hi = mid }
        }
        return lo < count && self[lo] == element
    }
}
