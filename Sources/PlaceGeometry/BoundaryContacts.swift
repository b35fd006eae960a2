/// Where the boundaries of two valid polygonal shapes meet inside the overlap of their boxes: their
/// proper crossings (a rounded point inside a segment of each, with a bound on its rounding error)
/// and their touches, the points where a vertex of one lies on the other's boundary (shared vertices,
/// T-junctions, the ends of collinear overlaps). A touch is an existing vertex, so exact; each is
/// kept with the segments of either boundary through it.
///
/// Found by a sweep in x over the segments meeting the box; exact orientation tests (filtered, with
/// Shewchuk's expansion as fallback) classify every pair of segments whose boxes meet.
struct BoundaryContacts {
    /// A proper crossing of segment `first` (of the first shape) and `second`, at parameter `t…`
    /// along each (with a bound on its rounding error), at the rounded point (x, y). `intoSecond`:
    /// beyond the crossing, `first` runs inside the second shape; `intoFirst` likewise.
    struct Crossing {
        var first: Int, second: Int
        var tFirst: Double, tSecond: Double
        var errFirst: Double, errSecond: Double
        var x: Double, y: Double
        var intoSecond: Bool, intoFirst: Bool
    }

    struct Point: Hashable {
        var x: Double, y: Double
    }

    /// The segments of each boundary through a touch point (as an end or in their interior).
    struct Touch {
        var first: [Int] = []
        var second: [Int] = []

        mutating func add(_ p: Int, _ q: Int) {
            if !first.contains(p) { first.append(p) }
            if !second.contains(q) { second.append(q) }
        }
    }

    var crossings: [Crossing] = []
    var touches: [Point: Touch] = [:]

    /// Nil when an orientation cannot be computed (a coordinate not finite, an overflow) or two
    /// nearly parallel segments cross where the crossing point cannot be computed.
    init?(_ f: BoundaryRings, _ segmentsF: [Int], _ s: BoundaryRings, _ segmentsS: [Int]) {
        var contacts = BoundaryContacts()
        guard BoundaryRings.sweep(f, segmentsF, s, segmentsS, { p, q in contacts.compare(p, q, f, s) }) else { return nil }
        guard contacts.mergeCrossingsAtTouches(f, s) else { return nil }
        self = contacts
    }

    /// Segments of the first and of the second boundary with a touch inside them.
    private var touchedInside: (first: Set<Int>, second: Set<Int>) = ([], [])

    /// A proper crossing of p and q exactly at a touch (where another ring of either shape has a
    /// vertex on both) becomes part of that touch: q and p are added to its segments. False when
    /// an orientation cannot be computed.
    private mutating func mergeCrossingsAtTouches(_ f: BoundaryRings, _ s: BoundaryRings) -> Bool {
        guard !touchedInside.first.isEmpty || !touchedInside.second.isEmpty else { return true }
        var kept: [Crossing] = []
        kept.reserveCapacity(crossings.count)
        for c in crossings {
            guard touchedInside.first.contains(c.first) || touchedInside.second.contains(c.second) else {
                kept.append(c)
                continue
            }
            let (p, q) = (f.segment(c.first), s.segment(c.second))
            var at: Point?
            for (point, t) in touches where t.first.contains(c.first) || t.second.contains(c.second) {
                guard let onP = Orientation.exactSide(p.x0, p.y0, p.x1, p.y1, point.x, point.y),
                    let onQ = Orientation.exactSide(q.x0, q.y0, q.x1, q.y1, point.x, point.y)
                else { return false }
                if onP == 0 && onQ == 0 && p.holds(point.x, point.y) && q.holds(point.x, point.y) {
                    at = point
                    break
                }
            }
            guard let at else {
                kept.append(c)
                continue
            }
            touch(at.x, at.y, c.first, c.second)
        }
        crossings = kept
        return true
    }

    private init() {}

    /// Records how segment `p` (first shape) and `q` (second) meet; false when an orientation
    /// cannot be computed.
    @inline(__always)
    private mutating func compare(_ p: BoundaryRings.Segment, _ q: BoundaryRings.Segment, _ f: BoundaryRings, _ s: BoundaryRings) -> Bool {
        guard let o1 = Orientation.exactSide(p.x0, p.y0, p.x1, p.y1, q.x0, q.y0),
            let o2 = Orientation.exactSide(p.x0, p.y0, p.x1, p.y1, q.x1, q.y1)
        else { return false }
        if o1 == o2 && o1 != 0 { return true }
        guard let o3 = Orientation.exactSide(q.x0, q.y0, q.x1, q.y1, p.x0, p.y0),
            let o4 = Orientation.exactSide(q.x0, q.y0, q.x1, q.y1, p.x1, p.y1)
        else { return false }
        if o3 == o4 && o3 != 0 { return true }
        if o1 * o2 < 0 && o3 * o4 < 0 {
            return cross(
                p, q, intoSecond: (o4 > 0) == s.interiorLeft[Int(s.ringOf[q.index])],
                intoFirst: (o2 > 0) == f.interiorLeft[Int(f.ringOf[p.index])])
        }
        // They touch: an end of one lies on the other (collinear with it and within its box).
        if o1 == 0 && p.holds(q.x0, q.y0) { touch(q.x0, q.y0, p.index, q.index, inside: p.inside(q.x0, q.y0) ? .first : nil) }
        if o2 == 0 && p.holds(q.x1, q.y1) { touch(q.x1, q.y1, p.index, q.index, inside: p.inside(q.x1, q.y1) ? .first : nil) }
        if o3 == 0 && q.holds(p.x0, p.y0) { touch(p.x0, p.y0, p.index, q.index, inside: q.inside(p.x0, p.y0) ? .second : nil) }
        if o4 == 0 && q.holds(p.x1, p.y1) { touch(p.x1, p.y1, p.index, q.index, inside: q.inside(p.x1, p.y1) ? .second : nil) }
        return true
    }

    private enum Side { case first, second }

    /// Records segments p (first) and q (second) through the touch (x, y), `inside` the one of the
    /// two that has it inside (not at an end), if any.
    private mutating func touch(_ x: Double, _ y: Double, _ p: Int, _ q: Int, inside: Side? = nil) {
        switch inside {
        case .first: touchedInside.first.insert(p)
        case .second: touchedInside.second.insert(q)
        case nil: break
        }
        // Mutated in place (no copy of its lists).
        touches[Point(x: x, y: y), default: Touch()].add(p, q)
    }

    /// Adds the proper crossing of `p` and `q`; false when they are too close to parallel for the
    /// rounded crossing point.
    @inline(__always)
    private mutating func cross(_ p: BoundaryRings.Segment, _ q: BoundaryRings.Segment, intoSecond: Bool, intoFirst: Bool) -> Bool {
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
        crossings.append(
            Crossing(
                first: p.index, second: q.index, tFirst: t, tSecond: u, errFirst: errT, errSecond: errU,
                x: p.x0 + t * dpx, y: p.y0 + t * dpy, intoSecond: intoSecond, intoFirst: intoFirst))
        return true
    }
}

extension BoundaryRings.Segment {
    /// Whether (x, y), known to lie on the segment's line, lies on the segment (ends included).
    @inline(__always)
    func holds(_ x: Double, _ y: Double) -> Bool { x >= minX && x <= maxX && y >= minY && y <= maxY }

    /// Whether (x, y), known to lie on the segment, is not one of its ends.
    @inline(__always)
    func inside(_ x: Double, _ y: Double) -> Bool { (x != x0 || y != y0) && (x != x1 || y != y1) }
}
