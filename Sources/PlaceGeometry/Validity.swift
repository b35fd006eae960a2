/// The outcome of a geometry's validity check (OGC rules, as GEOS applies them).
public enum Validity: Sendable, Equatable {
    case valid
    case invalid(ValidityProblem)
    /// Not checked, with the reason and what the user can do.
    case unchecked(String)

    /// Above this many points GEOS is not asked to decide what the sweep leaves open: its check grows
    /// with the square of the vertex count on jagged rings (232 s for 5 M vertices).
    public static let geosPointLimit = 200_000

    /// Checks a shape: a polygon of one small simple ring by comparing its segments (`SimpleRing`), other
    /// polygons by an O(n log n) sweep with exact predicates (`RingSweep`), and by GEOS
    /// (`GEOSisValidDetail_r`) only where the sweep cannot decide alone (rings touching one another at
    /// a point, too few points, an unclosed ring, a coordinate that is not finite, points) and the shape
    /// has at most `geosPointLimit` points; otherwise `unchecked`.
    public static func of(_ shape: Shape, in context: GEOSContext, geosPointLimit: Int = Validity.geosPointLimit)
        throws(GeometryError) -> Validity
    {
        if SimpleRing.certainlyValid(shape) { return .valid }
        switch RingSweep.check(shape) {
        case .valid: return .valid
        case .invalid(let problem): return .invalid(problem)
        case .undecided:
            // Points cost GEOS nothing; only rings can make its check quadratic.
            guard !shape.isPolygonal || shape.pointCount <= geosPointLimit else {
                return .unchecked(
                    "validity not checked: its rings touch one another and GEOS's check of \(shape.pointCount) points could take hours "
                        + "on a jagged outline; check this feature alone with placemap validate, or simplify it (e.g. ogr2ogr -simplify 1)")
            }
            return try Geometry(shape, in: context).validityProblem().map { .invalid($0) } ?? .valid
        }
    }
}
