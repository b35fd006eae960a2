import CGEOS

extension Geometry {
    /// Planar area in the units of the coordinates squared. The corresponding GEOS function is `GEOSArea_r`.
    public func area() throws(GeometryError) -> Double {
        var value = 0.0
        // Returns 0 on exception.
        guard GEOSArea_r(handle, pointer, &value) != 0 else { throw context.error("GEOSArea_r") }
        return value
    }

    /// Length (perimeter for polygons). The corresponding GEOS function is `GEOSLength_r`.
    public func length() throws(GeometryError) -> Double {
        var value = 0.0
        guard GEOSLength_r(handle, pointer, &value) != 0 else { throw context.error("GEOSLength_r") }
        return value
    }

    /// The bounding box, or nil for an empty geometry. The corresponding GEOS function is `GEOSGeom_getExtent_r`.
    public func bounds() -> Bounds? {
        guard !isEmpty else { return nil }
        var b = Bounds(minX: 0, minY: 0, maxX: 0, maxY: 0)
        // Returns 0 on exception.
        guard GEOSGeom_getExtent_r(handle, pointer, &b.minX, &b.minY, &b.maxX, &b.maxY) != 0 else { return nil }
        return b
    }

    /// A point guaranteed to lie in the interior of a polygonal geometry.
    /// The corresponding GEOS function is `GEOSPointOnSurface_r`.
    public func representativePoint() throws(GeometryError) -> (x: Double, y: Double) {
        let point = try context.own(GEOSPointOnSurface_r(handle, pointer), "GEOSPointOnSurface_r")
        var x = 0.0
        var y = 0.0
        guard GEOSGeomGetX_r(handle, point.pointer, &x) != 0, GEOSGeomGetY_r(handle, point.pointer, &y) != 0 else {
            throw context.error("GEOSGeomGetX_r")
        }
        return (x, y)
    }
}
