import CGEOS

extension Geometry {
    /// The shared part of two geometries. The corresponding GEOS function is `GEOSIntersection_r`.
    public func intersection(_ other: Geometry) throws(GeometryError) -> Geometry {
        try context.own(GEOSIntersection_r(handle, pointer, other.pointer), "GEOSIntersection_r")
    }

    /// Both geometries merged. The corresponding GEOS function is `GEOSUnion_r`.
    public func union(_ other: Geometry) throws(GeometryError) -> Geometry {
        try context.own(GEOSUnion_r(handle, pointer, other.pointer), "GEOSUnion_r")
    }

    /// This geometry less `other`. The corresponding GEOS function is `GEOSDifference_r`.
    public func difference(_ other: Geometry) throws(GeometryError) -> Geometry {
        try context.own(GEOSDifference_r(handle, pointer, other.pointer), "GEOSDifference_r")
    }

    /// The union of this geometry's parts. The corresponding GEOS function is `GEOSUnaryUnion_r`.
    public func unaryUnion() throws(GeometryError) -> Geometry {
        try context.own(GEOSUnaryUnion_r(handle, pointer), "GEOSUnaryUnion_r")
    }

    /// The union of a collection of polygons that form a clean coverage (edges shared exactly, no
    /// overlaps). Much faster than `unaryUnion`, but wrong on an invalid coverage: check first.
    /// The corresponding GEOS function is `GEOSCoverageUnion_r`.
    public func coverageUnion() throws(GeometryError) -> Geometry {
        try context.own(GEOSCoverageUnion_r(handle, pointer), "GEOSCoverageUnion_r")
    }

    /// The boundary (rings of a polygon). The corresponding GEOS function is `GEOSBoundary_r`.
    public func boundary() throws(GeometryError) -> Geometry {
        try context.own(GEOSBoundary_r(handle, pointer), "GEOSBoundary_r")
    }

    /// The geometry grown (or shrunk, with a negative distance).
    /// The corresponding GEOS function is `GEOSBuffer_r`.
    public func buffer(_ distance: Double, quadrantSegments: Int32 = 8) throws(GeometryError) -> Geometry {
        try context.own(GEOSBuffer_r(handle, pointer, distance, quadrantSegments), "GEOSBuffer_r")
    }

    /// A collection of copies of `geometries` (MultiPolygon when all are polygons). The corresponding GEOS function is
    /// `GEOSGeom_createCollection_r`.
    public static func collection(_ geometries: [Geometry], in context: GEOSContext) throws(GeometryError) -> Geometry {
        var clones: [OpaquePointer?] = []
        for g in geometries {
            // NULL on exception.
            guard let copy = GEOSGeom_clone_r(context.handle, g.pointer) else {
                clones.forEach { GEOSGeom_destroy_r(context.handle, $0) }
                throw context.error("GEOSGeom_clone_r")
            }
            clones.append(copy)
        }
        var allPolygonal = true
        for g in geometries where try g.typeID() != Int32(GEOS_POLYGON.rawValue) { allPolygonal = false }
        let type = allPolygonal ? GEOS_MULTIPOLYGON : GEOS_GEOMETRYCOLLECTION
        let made = clones.withUnsafeMutableBufferPointer {
            GEOSGeom_createCollection_r(context.handle, Int32(type.rawValue), $0.baseAddress, UInt32($0.count))
        }
        // GEOS took the clones even when it fails (it frees them itself): never destroy them here.
        guard let made else { throw context.error("GEOSGeom_createCollection_r") }
        return Geometry(owning: made, in: context)
    }
}

/// Why a geometry is invalid, as GEOS reports it, with the location of the problem.
public struct ValidityProblem: Sendable, Equatable {
    public var reason: String
    public var x: Double?
    public var y: Double?
}

extension Geometry {
    /// Nil when valid; otherwise the reason and location. The corresponding GEOS function is
    /// `GEOSisValidDetail_r`.
    public func validityProblem() throws(GeometryError) -> ValidityProblem? {
        var reason: UnsafeMutablePointer<CChar>?
        var location: OpaquePointer?
        // Returns 1 when valid, 0 when invalid, 2 on exception.
        let result = GEOSisValidDetail_r(handle, pointer, 0, &reason, &location)
        if result == 2 { throw context.error("GEOSisValidDetail_r") }
        defer { if let reason { GEOSFree_r(handle, reason) } }
        guard result == 0 else { return nil }
        var problem = ValidityProblem(reason: reason.map { String(cString: $0) } ?? "invalid geometry")
        if let location {
            let point = Geometry(owning: location, in: context)
            var x = 0.0
            var y = 0.0
            if GEOSGeomGetX_r(handle, point.pointer, &x) != 0, GEOSGeomGetY_r(handle, point.pointer, &y) != 0 {
                problem.x = x
                problem.y = y
            }
        }
        return problem
    }

    /// Whether GEOS finds the geometry valid; false also when GEOS fails to decide (use
    /// `validityProblem()` to tell the two apart), so that a failure never passes as valid.
    public var isValid: Bool {
        do { return try validityProblem() == nil } catch { return false }
    }

    /// A valid version of this geometry, keeping only polygonal parts when the input is polygonal.
    /// Uses the "structure" method, which keeps the area enclosed by shells and removes that of holes.
    /// The corresponding GEOS function is `GEOSMakeValidWithParams_r`.
    public func makeValid() throws(GeometryError) -> Geometry {
        guard let params = GEOSMakeValidParams_create_r(handle) else { throw context.error("GEOSMakeValidParams_create_r") }
        defer { GEOSMakeValidParams_destroy_r(handle, params) }
        // Both setters return 0 on exception.
        guard GEOSMakeValidParams_setMethod_r(handle, params, GEOS_MAKE_VALID_STRUCTURE) != 0 else {
            throw context.error("GEOSMakeValidParams_setMethod_r")
        }
        guard GEOSMakeValidParams_setKeepCollapsed_r(handle, params, 0) != 0 else {
            throw context.error("GEOSMakeValidParams_setKeepCollapsed_r")
        }
        let valid = try context.own(GEOSMakeValidWithParams_r(handle, pointer, params), "GEOSMakeValidWithParams_r")
        let type = try valid.typeID()
        let polygonalInput = [GEOS_POLYGON, GEOS_MULTIPOLYGON].map { Int32($0.rawValue) }.contains(try typeID())
        guard polygonalInput, type == Int32(GEOS_GEOMETRYCOLLECTION.rawValue) else { return valid }
        return try Geometry(valid.shape(), in: context)
    }
}

extension Geometry {
    /// Runs a GEOS binary predicate; `char` predicates return 2 on exception.
    private func predicate(_ name: String, _ body: (GEOSContextHandle_t, OpaquePointer, OpaquePointer) -> CChar, _ other: Geometry)
        throws(GeometryError) -> Bool
    {
        let r = body(handle, pointer, other.pointer)
        if r == 2 { throw context.error(name) }
        return r == 1
    }

    /// The corresponding GEOS function is `GEOSIntersects_r`.
    public func intersects(_ other: Geometry) throws(GeometryError) -> Bool { try predicate("GEOSIntersects_r", GEOSIntersects_r, other) }
    /// The corresponding GEOS function is `GEOSCovers_r`.
    public func covers(_ other: Geometry) throws(GeometryError) -> Bool { try predicate("GEOSCovers_r", GEOSCovers_r, other) }
    /// The corresponding GEOS function is `GEOSContains_r`.
    public func contains(_ other: Geometry) throws(GeometryError) -> Bool { try predicate("GEOSContains_r", GEOSContains_r, other) }
    /// The corresponding GEOS function is `GEOSTouches_r`.
    public func touches(_ other: Geometry) throws(GeometryError) -> Bool { try predicate("GEOSTouches_r", GEOSTouches_r, other) }

    /// The DE-9IM matrix, e.g. "212101212". The corresponding GEOS function is `GEOSRelate_r`.
    public func relate(_ other: Geometry) throws(GeometryError) -> String {
        guard let m = GEOSRelate_r(handle, pointer, other.pointer) else { throw context.error("GEOSRelate_r") }
        defer { GEOSFree_r(handle, m) }
        return String(cString: m)
    }
}
