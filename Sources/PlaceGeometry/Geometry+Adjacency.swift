import CGEOS

extension Geometry {
    /// A copy whose vertices within `tolerance` of a vertex of `other` move onto it, and whose
    /// segments gain the vertices of `other` that lie within `tolerance` of them. The result can be
    /// invalid when the tolerance is large next to the geometry's own segments.
    /// The corresponding GEOS function is `GEOSSnap_r`.
    public func snapped(to other: Geometry, tolerance: Double) throws(GeometryError) -> Geometry {
        try context.own(GEOSSnap_r(handle, pointer, other.pointer, tolerance), "GEOSSnap_r")
    }
}

extension PreparedGeometry {
    /// Whether `other` lies within `distance` of this geometry.
    /// The corresponding GEOS function is `GEOSPreparedDistanceWithin_r`.
    public func isWithinDistance(_ distance: Double, of other: Geometry) throws(GeometryError) -> Bool {
        // `char` predicates return 2 on exception.
        let r = GEOSPreparedDistanceWithin_r(base.handle, pointer, other.pointer, distance)
        if r == 2 { throw base.context.error("GEOSPreparedDistanceWithin_r") }
        return r == 1
    }
}

extension Bounds {
    /// The box grown by `margin` on every side.
    public func expanded(by margin: Double) -> Bounds {
        Bounds(minX: minX - margin, minY: minY - margin, maxX: maxX + margin, maxY: maxY + margin)
    }
}
