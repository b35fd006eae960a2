import CGEOS

/// A GEOS geometry owned by exactly one Swift object, bound to the `GEOSContext` that made it.
///
/// A geometry either owns its pointer (destroyed in `deinit` with `GEOSGeom_destroy_r`) or borrows
/// it from a parent (`GEOSGetGeometryN_r`), in which case it keeps the parent alive and never frees.
public final class Geometry {
    let pointer: OpaquePointer
    public let context: GEOSContext
    private let parent: Geometry?

    init(owning pointer: OpaquePointer, in context: GEOSContext) {
        self.pointer = pointer
        self.context = context
        self.parent = nil
    }

    init(borrowing pointer: OpaquePointer, from parent: Geometry) {
        self.pointer = pointer
        self.context = parent.context
        self.parent = parent
    }

    deinit {
        if parent == nil { GEOSGeom_destroy_r(context.handle, pointer) }
    }

    var handle: GEOSContextHandle_t { context.handle }

    // MARK: Building

    /// Builds a geometry from a `Shape`, copying its coordinate buffers with
    /// `GEOSCoordSeq_copyFromBuffer_r`.
    public convenience init(_ shape: Shape, in context: GEOSContext) throws(GeometryError) {
        let h = context.handle
        switch shape.kind {
        case .point, .multiPoint:
            var points: [OpaquePointer?] = []
            var i = 0
            while i < shape.coordinates.count {
                // NULL on exception.
                guard let p = GEOSGeom_createPointFromXY_r(h, shape.coordinates[i], shape.coordinates[i + 1]) else {
                    points.forEach { GEOSGeom_destroy_r(h, $0) }
                    throw context.error("GEOSGeom_createPointFromXY_r")
                }
                points.append(p)
                i += 2
            }
            if shape.kind == .point, points.count == 1 {
                self.init(owning: points[0]!, in: context)
            } else {
                try self.init(collection: points, type: GEOS_MULTIPOINT, in: context)
            }
        case .polygon, .multiPolygon:
            var polygons: [OpaquePointer?] = []
            for j in 0..<shape.polygonEnds.count {
                do {
                    polygons.append(try Geometry.makePolygon(shape, polygon: j, context: context))
                } catch {
                    polygons.forEach { GEOSGeom_destroy_r(h, $0) }
                    throw error
                }
            }
            if shape.kind == .polygon, polygons.count == 1 {
                self.init(owning: polygons[0]!, in: context)
            } else {
                try self.init(collection: polygons, type: GEOS_MULTIPOLYGON, in: context)
            }
        }
    }

    /// Takes ownership of `parts` (NULL-free) and wraps them in a collection of `type`.
    private convenience init(collection parts: [OpaquePointer?], type: GEOSGeomTypes, in context: GEOSContext) throws(GeometryError) {
        var parts = parts
        let count = UInt32(parts.count)
        // The collection takes ownership of the parts; NULL on exception.
        let made = parts.withUnsafeMutableBufferPointer {
            GEOSGeom_createCollection_r(context.handle, Int32(type.rawValue), $0.baseAddress, count)
        }
        guard let made else { throw context.error("GEOSGeom_createCollection_r") }
        self.init(owning: made, in: context)
    }

    private static func makeRing(_ shape: Shape, ring: Int, context: GEOSContext) throws(GeometryError) -> OpaquePointer {
        let range = shape.ringRange(ring)
        guard range.count >= 4 else {
            throw .invalidInput("a ring has \(range.count) points; a closed ring needs at least 4")
        }
        let h = context.handle
        let seq = shape.coordinates.withUnsafeBufferPointer { buffer in
            GEOSCoordSeq_copyFromBuffer_r(h, buffer.baseAddress! + 2 * range.lowerBound, UInt32(range.count), 0, 0)
        }
        guard let seq else { throw context.error("GEOSCoordSeq_copyFromBuffer_r") }
        // Takes ownership of seq; NULL on exception (e.g. a ring that is not closed).
        guard let ring = GEOSGeom_createLinearRing_r(h, seq) else { throw context.error("GEOSGeom_createLinearRing_r") }
        return ring
    }

    private static func makePolygon(_ shape: Shape, polygon j: Int, context: GEOSContext) throws(GeometryError) -> OpaquePointer {
        let h = context.handle
        let rings = shape.polygonRange(j)
        var made: [OpaquePointer?] = []
        do {
            for r in rings { made.append(try makeRing(shape, ring: r, context: context)) }
        } catch {
            made.forEach { GEOSGeom_destroy_r(h, $0) }
            throw error
        }
        guard let shell = made.first ?? nil else { throw .invalidInput("a polygon has no exterior ring") }
        var holes = Array(made.dropFirst())
        // Takes ownership of shell and holes; NULL on exception.
        let polygon = holes.withUnsafeMutableBufferPointer { GEOSGeom_createPolygon_r(h, shell, $0.baseAddress, UInt32($0.count)) }
        guard let polygon else { throw context.error("GEOSGeom_createPolygon_r") }
        return polygon
    }

    /// Reads well-known text. The corresponding GEOS function is `GEOSWKTReader_read_r`.
    public convenience init(wkt: String, in context: GEOSContext) throws(GeometryError) {
        let h = context.handle
        guard let reader = GEOSWKTReader_create_r(h) else { throw context.error("GEOSWKTReader_create_r") }
        defer { GEOSWKTReader_destroy_r(h, reader) }
        guard let g = GEOSWKTReader_read_r(h, reader, wkt) else { throw context.error("GEOSWKTReader_read_r") }
        self.init(owning: g, in: context)
    }

    /// Reads well-known binary. The corresponding GEOS function is `GEOSWKBReader_read_r`.
    public convenience init(wkb: [UInt8], in context: GEOSContext) throws(GeometryError) {
        let h = context.handle
        guard let reader = GEOSWKBReader_create_r(h) else { throw context.error("GEOSWKBReader_create_r") }
        defer { GEOSWKBReader_destroy_r(h, reader) }
        let g = wkb.withUnsafeBufferPointer { GEOSWKBReader_read_r(h, reader, $0.baseAddress, $0.count) }
        guard let g else { throw context.error("GEOSWKBReader_read_r") }
        self.init(owning: g, in: context)
    }

    /// A rectangle polygon. The corresponding GEOS function is `GEOSGeom_createRectangle_r`.
    public static func rectangle(_ b: Bounds, in context: GEOSContext) throws(GeometryError) -> Geometry {
        try context.own(GEOSGeom_createRectangle_r(context.handle, b.minX, b.minY, b.maxX, b.maxY), "GEOSGeom_createRectangle_r")
    }

    // MARK: Writing

    /// Well-known text, with trailing zeros trimmed. The corresponding GEOS function is `GEOSWKTWriter_write_r`.
    public func wkt(precision: Int32 = 17) throws(GeometryError) -> String {
        guard let writer = GEOSWKTWriter_create_r(handle) else { throw context.error("GEOSWKTWriter_create_r") }
        defer { GEOSWKTWriter_destroy_r(handle, writer) }
        GEOSWKTWriter_setTrim_r(handle, writer, 1)
        GEOSWKTWriter_setRoundingPrecision_r(handle, writer, precision)
        guard let text = GEOSWKTWriter_write_r(handle, writer, pointer) else { throw context.error("GEOSWKTWriter_write_r") }
        defer { GEOSFree_r(handle, text) }
        return String(cString: text)
    }

    /// Well-known binary (little-endian, 2D). The corresponding GEOS function is `GEOSWKBWriter_write_r`.
    public func wkb() throws(GeometryError) -> [UInt8] {
        guard let writer = GEOSWKBWriter_create_r(handle) else { throw context.error("GEOSWKBWriter_create_r") }
        defer { GEOSWKBWriter_destroy_r(handle, writer) }
        var size = 0
        guard let bytes = GEOSWKBWriter_write_r(handle, writer, pointer, &size) else { throw context.error("GEOSWKBWriter_write_r") }
        defer { GEOSFree_r(handle, bytes) }
        return Array(UnsafeBufferPointer(start: bytes, count: size))
    }

    /// The polygonal parts of this geometry as a `Shape` (MultiPolygon, or Polygon when there is
    /// exactly one), dropping points and lines; or the points when the geometry is puntal.
    public func shape() throws(GeometryError) -> Shape {
        var polygons: [Geometry] = []
        var points: [Double] = []
        try collect(into: &polygons, points: &points)
        if polygons.isEmpty, !points.isEmpty {
            return Shape(kind: points.count == 2 ? .point : .multiPoint, coordinates: points)
        }
        var out = Shape(kind: polygons.count == 1 ? .polygon : .multiPolygon, coordinates: [])
        for polygon in polygons {
            let exterior = GEOSGetExteriorRing_r(handle, polygon.pointer)
            guard let exterior else { throw context.error("GEOSGetExteriorRing_r") }
            try append(ring: exterior, to: &out)
            // -1 on exception.
            let holes = GEOSGetNumInteriorRings_r(handle, polygon.pointer)
            guard holes >= 0 else { throw context.error("GEOSGetNumInteriorRings_r") }
            for i in 0..<holes {
                guard let ring = GEOSGetInteriorRingN_r(handle, polygon.pointer, i) else { throw context.error("GEOSGetInteriorRingN_r") }
                try append(ring: ring, to: &out)
            }
            out.polygonEnds.append(out.ringEnds.count)
        }
        return out
    }

    private func collect(into polygons: inout [Geometry], points: inout [Double]) throws(GeometryError) {
        switch try typeID() {
        case Int32(GEOS_POLYGON.rawValue):
            if !isEmpty { polygons.append(self) }
        case Int32(GEOS_POINT.rawValue):
            if !isEmpty {
                var x = 0.0
                var y = 0.0
                // Both return 0 on exception.
                guard GEOSGeomGetX_r(handle, pointer, &x) != 0 else { throw context.error("GEOSGeomGetX_r") }
                guard GEOSGeomGetY_r(handle, pointer, &y) != 0 else { throw context.error("GEOSGeomGetY_r") }
                points += [x, y]
            }
        case Int32(GEOS_MULTIPOLYGON.rawValue), Int32(GEOS_GEOMETRYCOLLECTION.rawValue), Int32(GEOS_MULTIPOINT.rawValue):
            for part in try parts { try part.collect(into: &polygons, points: &points) }
        default:
            // Lines and rings carry no area: dropped, as documented.
            break
        }
    }

    private func append(ring: OpaquePointer, to shape: inout Shape) throws(GeometryError) {
        guard let seq = GEOSGeom_getCoordSeq_r(handle, ring) else { throw context.error("GEOSGeom_getCoordSeq_r") }
        var size: UInt32 = 0
        guard GEOSCoordSeq_getSize_r(handle, seq, &size) != 0 else { throw context.error("GEOSCoordSeq_getSize_r") }
        let start = shape.coordinates.count
        shape.coordinates.append(contentsOf: repeatElement(0, count: Int(size) * 2))
        // Returns 0 on exception.
        let ok = shape.coordinates.withUnsafeMutableBufferPointer {
            GEOSCoordSeq_copyToBuffer_r(handle, seq, $0.baseAddress! + start, 0, 0)
        }
        guard ok != 0 else { throw context.error("GEOSCoordSeq_copyToBuffer_r") }
        shape.ringEnds.append(shape.coordinates.count / 2)
    }

    // MARK: Structure

    /// The parts of a collection (borrowed, keeping this geometry alive); `[self]` for a single geometry.
    public var parts: [Geometry] {
        get throws(GeometryError) {
            guard try typeID() >= Int32(GEOS_MULTIPOINT.rawValue) else { return [self] }
            // -1 on exception.
            let n = GEOSGetNumGeometries_r(handle, pointer)
            guard n >= 0 else { throw context.error("GEOSGetNumGeometries_r") }
            var out: [Geometry] = []
            out.reserveCapacity(Int(n))
            for i in 0..<n {
                // NULL on exception; the part is borrowed from this geometry.
                guard let p = GEOSGetGeometryN_r(handle, pointer, i) else { throw context.error("GEOSGetGeometryN_r") }
                out.append(Geometry(borrowing: p, from: self))
            }
            return out
        }
    }

    /// The GEOS type id (`GEOSGeomTypes`). The corresponding GEOS function is `GEOSGeomTypeId_r`.
    func typeID() throws(GeometryError) -> Int32 {
        // -1 on exception.
        let id = GEOSGeomTypeId_r(handle, pointer)
        guard id >= 0 else { throw context.error("GEOSGeomTypeId_r") }
        return id
    }

    /// The GEOS type name, e.g. "MultiPolygon".
    public var typeName: String {
        guard let name = GEOSGeomType_r(handle, pointer) else { return "Unknown" }
        defer { GEOSFree_r(handle, name) }
        return String(cString: name)
    }

    /// Whether the geometry is empty; false when GEOS fails to decide (2), so that a failure never
    /// passes as empty. The corresponding GEOS function is `GEOSisEmpty_r`.
    public var isEmpty: Bool { GEOSisEmpty_r(handle, pointer) == 1 }

    /// A deep copy owned by the caller. The corresponding GEOS function is `GEOSGeom_clone_r`.
    public func clone() throws(GeometryError) -> Geometry {
        try context.own(GEOSGeom_clone_r(handle, pointer), "GEOSGeom_clone_r")
    }
}

@available(*, unavailable)
extension Geometry: Sendable {}
