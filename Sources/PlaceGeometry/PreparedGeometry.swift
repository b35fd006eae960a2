import CGEOS

/// A geometry indexed for repeated predicate tests against many others.
///
/// Keeps its base geometry alive and is destroyed before it. The corresponding GEOS function is
/// `GEOSPrepare_r`.
public final class PreparedGeometry {
    let pointer: OpaquePointer
    public let base: Geometry

    public init(_ base: Geometry) throws(GeometryError) {
        // NULL on exception.
        guard let p = GEOSPrepare_r(base.handle, base.pointer) else { throw base.context.error("GEOSPrepare_r") }
        self.pointer = p
        self.base = base
    }

    deinit { GEOSPreparedGeom_destroy_r(base.handle, pointer) }

    private func test(_ name: String, _ body: (GEOSContextHandle_t, OpaquePointer, OpaquePointer) -> CChar, _ other: Geometry)
        throws(GeometryError) -> Bool
    {
        // `char` predicates return 2 on exception.
        let r = body(base.handle, pointer, other.pointer)
        if r == 2 { throw base.context.error(name) }
        return r == 1
    }

    /// The corresponding GEOS function is `GEOSPreparedIntersects_r`.
    public func intersects(_ other: Geometry) throws(GeometryError) -> Bool {
        try test("GEOSPreparedIntersects_r", GEOSPreparedIntersects_r, other)
    }
    /// The corresponding GEOS function is `GEOSPreparedCovers_r`.
    public func covers(_ other: Geometry) throws(GeometryError) -> Bool { try test("GEOSPreparedCovers_r", GEOSPreparedCovers_r, other) }
    /// The corresponding GEOS function is `GEOSPreparedContains_r`.
    public func contains(_ other: Geometry) throws(GeometryError) -> Bool {
        try test("GEOSPreparedContains_r", GEOSPreparedContains_r, other)
    }
    /// The corresponding GEOS function is `GEOSPreparedContainsProperly_r`.
    public func containsProperly(_ other: Geometry) throws(GeometryError) -> Bool {
        try test("GEOSPreparedContainsProperly_r", GEOSPreparedContainsProperly_r, other)
    }

    /// The shortest distance to `other` (0 when they intersect), using the prepared geometry's index.
    /// The corresponding GEOS function is `GEOSPreparedDistance_r`.
    public func distance(to other: Geometry) throws(GeometryError) -> Double {
        var d = 0.0
        // 0 on exception.
        guard GEOSPreparedDistance_r(base.handle, pointer, other.pointer, &d) == 1 else {
            throw base.context.error("GEOSPreparedDistance_r")
        }
        return d
    }

    /// The shortest distance from a point.
    public func distance(x: Double, y: Double) throws(GeometryError) -> Double {
        let point = try base.context.own(GEOSGeom_createPointFromXY_r(base.handle, x, y), "GEOSGeom_createPointFromXY_r")
        return try distance(to: point)
    }

    /// Whether the point lies in the geometry or on its boundary.
    public func intersects(x: Double, y: Double) throws(GeometryError) -> Bool {
        let point = try base.context.own(GEOSGeom_createPointFromXY_r(base.handle, x, y), "GEOSGeom_createPointFromXY_r")
        return try intersects(point)
    }
}

@available(*, unavailable)
extension PreparedGeometry: Sendable {}
