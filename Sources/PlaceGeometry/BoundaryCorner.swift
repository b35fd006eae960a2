/// Where a piece of one boundary lies relative to the other shape: inside, outside, or along the
/// other's boundary with both interiors on the same side of it (`onSame`) or on opposite sides.
enum PieceState: UInt8 {
    case outside, inside, onSame, onOpposite
}

/// A shape's boundary around a point P on it, for the sector test at a touch: usually a vertex at P
/// with the segment coming in from U and the one going out to W, or one segment U → W through P (a
/// straight corner); where rings of the shape meet at P (a hole touching its shell, parts meeting
/// at a corner), every segment through P as a ray from P, sorted by angle. Every point involved is
/// an exact vertex, so the test is exact.
struct BoundaryCorner {
    let px: Double, py: Double
    let ux: Double, uy: Double
    let wx: Double, wy: Double
    /// The shape's interior lies on the left of U → P → W.
    let interiorLeft: Bool
    /// Where rings meet at P: the rays counter-clockwise from the positive x direction (else empty).
    let rays: [Ray]

    /// A ray from P to the far end R of a segment through P: `outward` when the segment runs from
    /// P to R; `interiorLeft` of the segment's ring.
    struct Ray {
        var x: Double, y: Double
        var outward: Bool, interiorLeft: Bool
        /// The interior lies on the counter-clockwise side of the ray.
        var interiorCounterClockwise: Bool { outward == interiorLeft }
    }

    /// The corner of `y` at P from the segments of `y` through P; nil when an orientation cannot be
    /// computed or the segments do not bound a valid polygon's interior there (two rays the same
    /// way, interior sides that disagree).
    init?(_ p: BoundaryContacts.Point, segments: [Int], of y: BoundaryRings) {
        (px, py) = (p.x, p.y)
        func starts(_ s: Int) -> Bool { y.xs[s] == p.x && y.ys[s] == p.y }
        func ends(_ s: Int) -> Bool { y.xs[y.next(s)] == p.x && y.ys[y.next(s)] == p.y }
        var incoming = -1
        var outgoing = -1
        if segments.count == 1, !starts(segments[0]), !ends(segments[0]) {
            (incoming, outgoing) = (segments[0], segments[0])
        } else if segments.count == 2 {
            let (a, b) = starts(segments[0]) ? (segments[1], segments[0]) : (segments[0], segments[1])
            if starts(b), y.next(a) == b { (incoming, outgoing) = (a, b) }
        }
        guard incoming < 0 else {
            let w = y.next(outgoing)
            (ux, uy) = (y.xs[incoming], y.ys[incoming])
            (wx, wy) = (y.xs[w], y.ys[w])
            interiorLeft = y.interiorLeft[Int(y.ringOf[outgoing])]
            rays = []
            return
        }
        (ux, uy, wx, wy, interiorLeft) = (0, 0, 0, 0, true)
        var rays: [Ray] = []
        for s in segments {
            let e = y.next(s)
            let left = y.interiorLeft[Int(y.ringOf[s])]
            if !starts(s) { rays.append(Ray(x: y.xs[s], y: y.ys[s], outward: false, interiorLeft: left)) }
            if !ends(s) { rays.append(Ray(x: y.xs[e], y: y.ys[e], outward: true, interiorLeft: left)) }
        }
        // Insertion sort by angle (a handful of rays); two rays the same way are not valid.
        for i in rays.indices.dropFirst() {
            var j = i
            while j > 0 {
                guard let before = Self.before(p.x, p.y, rays[j].x, rays[j].y, rays[j - 1].x, rays[j - 1].y),
                    let after = Self.before(p.x, p.y, rays[j - 1].x, rays[j - 1].y, rays[j].x, rays[j].y), before || after
                else { return nil }
                guard before else { break }
                rays.swapAt(j, j - 1)
                j -= 1
            }
        }
        // Between two rays the interior is on the counter-clockwise side of the first and the
        // clockwise side of the second.
        for (i, r) in rays.enumerated() where r.interiorCounterClockwise == rays[(i + 1) % rays.count].interiorCounterClockwise {
            return nil
        }
        self.rays = rays
    }

    /// Whether the ray P → A comes strictly before P → B counter-clockwise from the positive x
    /// direction; nil when an orientation cannot be computed.
    @inline(__always)
    static func before(_ px: Double, _ py: Double, _ ax: Double, _ ay: Double, _ bx: Double, _ by: Double) -> Bool? {
        // The upper half (angles in [0, π)) comes first; within a half the orientation decides.
        let upperA = ay > py || (ay == py && ax > px)
        let upperB = by > py || (by == py && bx > px)
        if upperA != upperB { return upperA }
        guard let s = Orientation.exactSide(px, py, ax, ay, bx, by) else { return nil }
        return s > 0
    }

    /// Where the piece leaving P toward the exact point E (the end of its segment) lies, for a
    /// boundary with its interior on the left when `left`; nil when an orientation cannot be
    /// computed or the corner is a spike.
    func state(towardX ex: Double, _ ey: Double, left: Bool) -> PieceState? {
        guard rays.isEmpty else { return stateAmongRays(towardX: ex, ey, left: left) }
        // Along the boundary: out along P → W (the same way as the piece), or back along U → P.
        for (rx, ry, sameWay) in [(wx, wy, true), (ux, uy, false)] {
            guard let s = Orientation.exactSide(px, py, rx, ry, ex, ey) else { return nil }
            if s == 0 && Self.sameDirection(px, py, rx, ry, ex, ey) {
                return sameWay == (left == interiorLeft) ? .onSame : .onOpposite
            }
        }
        // The interior is the open sector swept counter-clockwise from ray P → A to ray P → B.
        let (ax, ay, bx, by) = interiorLeft ? (wx, wy, ux, uy) : (ux, uy, wx, wy)
        guard let ab = Orientation.exactSide(px, py, ax, ay, bx, by), let ae = Orientation.exactSide(px, py, ax, ay, ex, ey)
        else { return nil }
        let inside: Bool
        if ab > 0 {
            guard let eb = Orientation.exactSide(px, py, ex, ey, bx, by) else { return nil }
            inside = ae > 0 && eb > 0
        } else if ab < 0 {
            // A reflex sector: inside unless within the (convex) sector from B to A.
            guard let be = Orientation.exactSide(px, py, bx, by, ex, ey), let ea = Orientation.exactSide(px, py, ex, ey, ax, ay)
            else { return nil }
            inside = !(be > 0 && ea > 0)
        } else {
            guard !Self.sameDirection(px, py, ax, ay, bx, by) else { return nil }
            inside = ae > 0
        }
        return inside ? .inside : .outside
    }

    /// `state(towardX:_:left:)` where rings meet at P: along a ray, or in the gap after the last
    /// ray that comes before E.
    private func stateAmongRays(towardX ex: Double, _ ey: Double, left: Bool) -> PieceState? {
        var gap = rays.count - 1
        for (i, r) in rays.enumerated() {
            guard let s = Orientation.exactSide(px, py, r.x, r.y, ex, ey) else { return nil }
            if s == 0 && Self.sameDirection(px, py, r.x, r.y, ex, ey) {
                return r.outward == (left == r.interiorLeft) ? .onSame : .onOpposite
            }
            guard let b = Self.before(px, py, r.x, r.y, ex, ey) else { return nil }
            if b { gap = i }
        }
        // E before every ray: the gap after the last one (wrapping round).
        return rays[gap].interiorCounterClockwise ? .inside : .outside
    }

    /// Whether R and E, collinear with P and distinct from it, lie on the same side of P (the signs
    /// of differences of doubles are exact).
    @inline(__always)
    static func sameDirection(_ px: Double, _ py: Double, _ rx: Double, _ ry: Double, _ ex: Double, _ ey: Double) -> Bool {
        (rx > px) == (ex > px) && (rx < px) == (ex < px) && (ry > py) == (ey > py) && (ry < py) == (ey < py)
    }
}
