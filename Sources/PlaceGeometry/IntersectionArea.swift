/// The area two valid polygonal shapes share, computed from their rings without building the
/// intersection: the shoelace integral ½∮(x dy − y dx) over the boundary of A ∩ B, which is the
/// part of A's boundary inside B, the part of B's boundary inside A, and the stretches the two
/// boundaries share with both interiors on the same side (counted once), each run with its own
/// interior on the left.
///
/// `BoundaryContacts` finds where the boundaries meet (a sweep over the segments in the overlap of
/// the boxes, exact orientation tests): proper crossings, at rounded points with error bounds, and
/// touches, where a vertex of one lies on the other (shared vertices, T-junctions, the ends of
/// shared or collinear overlapping stretches); touches are existing vertices, so exact.
/// `BoundaryWalk` cuts each segment at the crossings and touches on it into pieces inside, outside,
/// or along the other boundary (interiors on the same or opposite sides), each decided where it
/// starts: beyond a crossing by the side of the crossed segment it runs to, at a touch by an exact
/// sector test against the other boundary's segments there (`BoundaryCorner`), elsewhere carried
/// on from the piece before; a ring meeting nothing takes one point-in-polygon test. Both walks use
/// the same points, so the pieces close up; the integral is taken about a local origin.
///
/// Where rings of one shape meet at a touch (a hole touching its shell, parts meeting at a corner),
/// the sector test sorts all their segments through the point by angle; a proper crossing exactly at
/// such a point is made part of the touch.
///
/// Nil, and the caller asks GEOS, when the walk could be misled: a crossing and another node on one
/// segment too close to order, a crossing not between inside and outside, segments at a touch that
/// do not bound a valid polygon (two the same way), a walk that does not come back to its starting
/// state, a negative total beyond rounding, a coordinate that is not finite. On the England layers
/// that leaves no pair of LSOA 2021 × ONS LAD 2024, LSOA 2021 × built ICB 2024 or MSOA 2011 × built
/// LAD/ICB 2024 to GEOS (`IntersectionAreaEnglandTests`, `AreasFromEdgesEnglandTests`).
public struct IntersectionArea: Sendable, Equatable {
    /// Square metres (in the shapes' units squared).
    public var area: Double
    /// How many times the boundaries cross properly (touches not counted).
    public var crossings: Int
    /// The first shape lies within the second (no crossings, no piece of the first's boundary
    /// outside the second or along it with the interiors on opposite sides, none of the second's
    /// boundary inside the first); touching is allowed.
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
        guard let contacts = BoundaryContacts(f, segmentsF, s, segmentsS) else { return nil }
        let origin = (x: box.minX, y: box.minY)
        // A piece along both boundaries with both interiors on one side counts once, from the first.
        guard let alongF = BoundaryWalk(f, segmentsF, against: s, contacts: contacts, isFirst: true, origin: origin),
            let alongS = BoundaryWalk(s, segmentsS, against: f, contacts: contacts, isFirst: false, origin: origin)
        else { return nil }
        let twice = alongF.twiceArea + alongS.twiceArea
        // A negative total beyond rounding means the walk went wrong somewhere: let GEOS decide.
        let scale = (box.maxX - box.minX) * (box.maxY - box.minY)
        guard twice >= -1e-9 * scale else { return nil }
        let none = contacts.crossings.isEmpty
        return IntersectionArea(
            area: max(0, twice / 2), crossings: contacts.crossings.count,
            firstWithin: none && !alongF.outside && !alongF.opposite && !alongS.inside,
            secondWithin: none && !alongS.outside && !alongS.opposite && !alongF.inside)
    }
}
