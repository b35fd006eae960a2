/// Where a piece of one boundary lies relative to the other shape: inside, outside, or along the
/// other's boundary with both interiors on the same side of it (`onSame`) or on opposite sides.
enum PieceState: UInt8 {
    case outside, inside, onSame, onOpposite
}

/// A shape's boundary around a point P on it, for the sector test at a touch: a vertex at P with
/// the segment coming in from U and the one going out to W, or one segment U → W through P (a
/// straight corner). Every point involved is an exact vertex, so the test is exact.
struct BoundaryCorner {
    let px: Double, py: Double
    let ux: Double, uy: Double
    let wx: Double, wy: Double
    /// The shape's interior lies on the left of U → P → W.
    let interiorLeft: Bool

    /// The corner of `y` at P from the segments of `y` through P; nil unless they are one segment
    /// with P inside it or the two segments of one ring at its vertex P (more, where rings touch
    /// at P, are left to GEOS).
    init?(_ p: BoundaryContacts.Point, segments: [Int], of y: BoundaryRings) {
        (px, py) = (p.x, p.y)
        func starts(_ s: Int) -> Bool { y.xs[s] == p.x && y.ys[s] == p.y }
        let incoming: Int
        let outgoing: Int
        switch segments.count {
        case 1:
            let s = segments[0]
            let e = y.next(s)
            guard !starts(s), y.xs[e] != p.x || y.ys[e] != p.y else { return nil }
            (incoming, outgoing) = (s, s)
        case 2:
            let (a, b) = starts(segments[0]) ? (segments[1], segments[0]) : (segments[0], segments[1])
            guard starts(b), y.next(a) == b else { return nil }
            (incoming, outgoing) = (a, b)
        default:
            return nil
        }
        let w = y.next(outgoing)
        (ux, uy) = (y.xs[incoming], y.ys[incoming])
        (wx, wy) = (y.xs[w], y.ys[w])
        interiorLeft = y.interiorLeft[Int(y.ringOf[outgoing])]
    }

    /// Where the piece leaving P toward the exact point E (the end of its segment) lies, for a
    /// boundary with its interior on the left when `left`; nil when an orientation cannot be
    /// computed or the corner is a spike.
    func state(towardX ex: Double, _ ey: Double, left: Bool) -> PieceState? {
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

    /// Whether R and E, collinear with P and distinct from it, lie on the same side of P (the signs
    /// of differences of doubles are exact).
    @inline(__always)
    static func sameDirection(_ px: Double, _ py: Double, _ rx: Double, _ ry: Double, _ ex: Double, _ ey: Double) -> Bool {
        (rx > px) == (ex > px) && (rx < px) == (ex < px) && (ry > py) == (ey > py) && (ry < py) == (ey < py)
    }
}
