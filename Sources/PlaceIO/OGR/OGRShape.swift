import CGDAL
import PlaceGeometry

/// Converts between OGR geometries and `Shape` values: points, multipoints, polygons and
/// multipolygons, with curves linearised and Z and M dropped.
enum OGRShape {
    /// Why a geometry cannot become a `Shape`.
    struct Unsupported: Error {
        var message: String
    }

    /// The shape of a geometry the caller keeps owning; nil when it is empty.
    /// Curves are linearised first (`OGR_G_HasCurveGeometry`, `OGR_G_GetLinearGeometry`), and a
    /// collection of polygons becomes a multipolygon (`OGR_G_Clone`, `OGR_G_ForceToMultiPolygon`).
    static func shape(_ g: OGRGeometryH) throws(Unsupported) -> Shape? {
        if OGR_G_IsEmpty(g) != 0 { return nil }
        if OGR_G_HasCurveGeometry(g, 1) != 0 {
            guard let linear = OGR_G_GetLinearGeometry(g, 0, nil) else {
                throw Unsupported(message: "the curved geometry cannot be linearised")
            }
            defer { OGR_G_DestroyGeometry(linear) }
            return try shape(linear)
        }
        switch OGR_GT_Flatten(OGR_G_GetGeometryType(g)) {
        case wkbPoint:
            return .point(OGR_G_GetX(g, 0), OGR_G_GetY(g, 0))
        case wkbMultiPoint:
            var s = Shape(kind: .multiPoint, coordinates: [])
            for i in 0..<OGR_G_GetGeometryCount(g) {
                guard let p = OGR_G_GetGeometryRef(g, i), OGR_G_IsEmpty(p) == 0 else { continue }
                s.coordinates += [OGR_G_GetX(p, 0), OGR_G_GetY(p, 0)]
            }
            return s
        case wkbPolygon:
            var s = Shape(kind: .polygon, coordinates: [])
            appendPolygon(g, to: &s)
            return s
        case wkbMultiPolygon:
            var s = Shape(kind: .multiPolygon, coordinates: [])
            for i in 0..<OGR_G_GetGeometryCount(g) {
                guard let p = OGR_G_GetGeometryRef(g, i), OGR_G_IsEmpty(p) == 0 else { continue }
                appendPolygon(p, to: &s)
            }
            return s
        case wkbGeometryCollection:
            guard let copy = OGR_G_Clone(g), let multi = OGR_G_ForceToMultiPolygon(copy) else {
                throw Unsupported(message: "the geometry collection cannot be read")
            }
            defer { OGR_G_DestroyGeometry(multi) }
            guard OGR_GT_Flatten(OGR_G_GetGeometryType(multi)) == wkbMultiPolygon else {
                throw Unsupported(message: "the geometry collection holds more than polygons")
            }
            return try shape(multi)
        default:
            let name = OGR_G_GetGeometryName(g).map { String(cString: $0) } ?? "unknown"
            throw Unsupported(message: "a \(name) is not an area or a point (placemap reads polygons, multipolygons and points)")
        }
    }

    /// Appends a polygon's rings, exterior first (`OGR_G_GetGeometryRef`, `OGR_G_GetPoints`).
    private static func appendPolygon(_ polygon: OGRGeometryH, to s: inout Shape) {
        for r in 0..<OGR_G_GetGeometryCount(polygon) {
            guard let ring = OGR_G_GetGeometryRef(polygon, r) else { continue }
            let n = Int(OGR_G_GetPointCount(ring))
            guard n > 0 else { continue }
            let start = s.coordinates.count
            s.coordinates += repeatElement(0, count: 2 * n)
            s.coordinates.withUnsafeMutableBufferPointer { buffer in
                guard let first = buffer.baseAddress else { return }
                let base = UnsafeMutableRawPointer(first + start)
                // x and y interleaved: a stride of two doubles each.
                _ = OGR_G_GetPoints(ring, base, 16, base + 8, 16, nil, 0)
            }
            s.ringEnds.append(s.coordinates.count / 2)
        }
        s.polygonEnds.append(s.ringEnds.count)
    }

    /// A new OGR geometry for a shape, owned by the caller; polygons become multipolygons
    /// (`OGR_G_CreateGeometry`, `OGR_G_SetPoints`, `OGR_G_AddGeometryDirectly`).
    static func geometry(_ shape: Shape) -> OGRGeometryH? {
        switch shape.kind {
        case .point:
            guard let g = OGR_G_CreateGeometry(wkbPoint) else { return nil }
            if shape.pointCount > 0 { OGR_G_SetPoint_2D(g, 0, shape.coordinates[0], shape.coordinates[1]) }
            return g
        case .multiPoint:
            guard let g = OGR_G_CreateGeometry(wkbMultiPoint) else { return nil }
            for p in 0..<shape.pointCount {
                guard let point = OGR_G_CreateGeometry(wkbPoint) else { continue }
                OGR_G_SetPoint_2D(point, 0, shape.coordinates[2 * p], shape.coordinates[2 * p + 1])
                _ = OGR_G_AddGeometryDirectly(g, point)
            }
            return g
        case .polygon, .multiPolygon:
            guard let multi = OGR_G_CreateGeometry(wkbMultiPolygon) else { return nil }
            for j in shape.polygonEnds.indices {
                guard let polygon = OGR_G_CreateGeometry(wkbPolygon) else { continue }
                for r in shape.polygonRange(j) {
                    let points = shape.ringRange(r)
                    guard let ring = OGR_G_CreateGeometry(wkbLinearRing) else { continue }
                    shape.coordinates.withUnsafeBufferPointer { buffer in
                        guard let first = buffer.baseAddress else { return }
                        let base = UnsafeRawPointer(first + 2 * points.lowerBound)
                        OGR_G_SetPoints(ring, Int32(points.count), base, 16, base + 8, 16, nil, 0)
                    }
                    _ = OGR_G_AddGeometryDirectly(polygon, ring)
                }
                _ = OGR_G_AddGeometryDirectly(multi, polygon)
            }
            return multi
        }
    }
}
