import CGEOS

/// The largest circle inside a polygonal geometry: a good place for a label.
public struct InscribedCircle: Sendable, Equatable {
    public var x: Double
    public var y: Double
    public var radius: Double
}

extension Geometry {
    /// The centre and radius of the largest circle that fits inside this polygonal geometry, found to
    /// within `tolerance` (coordinate units). For a multipolygon the circle lies in one of its parts.
    /// The corresponding GEOS function is `GEOSMaximumInscribedCircle_r`, which returns a line from the
    /// centre to the nearest boundary point.
    public func maximumInscribedCircle(tolerance: Double) throws(GeometryError) -> InscribedCircle {
        let line = try context.own(GEOSMaximumInscribedCircle_r(handle, pointer, tolerance), "GEOSMaximumInscribedCircle_r")
        guard let seq = GEOSGeom_getCoordSeq_r(handle, line.pointer) else { throw context.error("GEOSGeom_getCoordSeq_r") }
        var x0 = 0.0
        var y0 = 0.0
        var x1 = 0.0
        var y1 = 0.0
        // Each returns 0 on exception.
        guard GEOSCoordSeq_getXY_r(handle, seq, 0, &x0, &y0) != 0, GEOSCoordSeq_getXY_r(handle, seq, 1, &x1, &y1) != 0 else {
            throw context.error("GEOSCoordSeq_getXY_r")
        }
        return InscribedCircle(x: x0, y: y0, radius: ((x1 - x0) * (x1 - x0) + (y1 - y0) * (y1 - y0)).squareRoot())
    }
}
