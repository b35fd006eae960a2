import CPROJ
import Foundation

/// A coordinate reference system named by its EPSG code.
public struct CRS: Hashable, Sendable, CustomStringConvertible {
    public let epsg: Int
    public init(epsg: Int) { self.epsg = epsg }

    /// WGS 84 longitude/latitude, the only CRS of RFC 7946 GeoJSON.
    public static let wgs84 = CRS(epsg: 4326)
    /// OSGB 1936 / British National Grid, metres: the CRS in which Placemap measures England.
    public static let britishNationalGrid = CRS(epsg: 27700)

    public var description: String { "EPSG:\(epsg)" }

    public var isGeographic: Bool { epsg == 4326 || epsg == 4258 || epsg == 4277 }

    /// Whether PROJ's database holds this code as a CRS (EPSG codes are positive).
    /// The corresponding PROJ functions are `proj_create` and `proj_is_crs`.
    public var isKnown: Bool { CRSFacts.shared.facts(for: epsg).known }

    /// Where the CRS may be used, as a longitude/latitude box (WGS 84), or nil when PROJ does not say.
    /// The corresponding PROJ function is `proj_get_area_of_use`.
    public var areaOfUse: Bounds? { CRSFacts.shared.facts(for: epsg).area }
}

/// What PROJ says about each EPSG code asked about, looked up once per process.
private final class CRSFacts: @unchecked Sendable {
    static let shared = CRSFacts()
    private let lock = NSLock()
    private var known: [Int: (known: Bool, area: Bounds?)] = [:]

    func facts(for epsg: Int) -> (known: Bool, area: Bounds?) {
        lock.lock()
        defer { lock.unlock() }
        if let f = known[epsg] { return f }
        let f = Self.lookUp(epsg)
        known[epsg] = f
        return f
    }

    private static func lookUp(_ epsg: Int) -> (known: Bool, area: Bounds?) {
        guard epsg > 0, let context = proj_context_create() else { return (false, nil) }
        defer { proj_context_destroy(context) }
        // An unknown code is an answer here, not something for PROJ to print on stderr.
        proj_log_level(context, PJ_LOG_NONE)
        // NULL when the code is unknown.
        guard let crs = proj_create(context, "EPSG:\(epsg)") else { return (false, nil) }
        defer { proj_destroy(crs) }
        guard proj_is_crs(crs) != 0 else { return (false, nil) }
        var west = 0.0
        var south = 0.0
        var east = 0.0
        var north = 0.0
        // Returns 0 when the area is unknown; -1000 in a bound means unknown too.
        guard proj_get_area_of_use(context, crs, &west, &south, &east, &north, nil) != 0, west > -1000, south > -1000,
            east > -1000, north > -1000
        else { return (true, nil) }
        return (true, Bounds(minX: west, minY: south, maxX: east, maxY: north))
    }
}

/// What PROJ chose to carry out a transformation.
public struct TransformationInfo: Sendable, Equatable {
    /// PROJ's name of the operation, e.g. "Inverse of OSGB36 to WGS 84 (6) + British National Grid".
    public var name: String
    /// The stated accuracy in metres, when PROJ knows it.
    public var accuracyMetres: Double?
    /// The grids the operation names, and whether each is installed.
    public var grids: [(name: String, available: Bool)]

    public static func == (a: Self, b: Self) -> Bool {
        a.name == b.name && a.accuracyMetres == b.accuracyMetres && a.grids.map(\.name) == b.grids.map(\.name)
    }
}

/// A PROJ transformation between two CRSs, in longitude/latitude (x = east) axis order.
///
/// WGS 84 ↔ British National Grid is PROJ's own operation, carried out in Swift (``OSGBHelmert``)
/// for every call whose points all lie where PROJ would use the Helmert (6) transformation
/// (``OSGBHelmertCheck``); any other call, and any other pair of CRSs, goes to PROJ.
///
/// Owns its own `PJ_CONTEXT` and `PJ`: not thread-safe, use one per task.
public final class CoordinateTransform {
    private let context: OpaquePointer
    private let pj: OpaquePointer
    public let source: CRS
    public let target: CRS
    /// The native path and where it applies, nil when PROJ does every point.
    private let native: NativePath?
    /// Whether the last call was done natively, for ``lastUsedOperation()``.
    private var lastCallNative = false
    /// Points transformed natively and by PROJ by this object so far.
    public private(set) var nativePoints = 0
    public private(set) var projPoints = 0

    /// The corresponding PROJ functions are `proj_create_crs_to_crs` and `proj_normalize_for_visualization`.
    /// With `native` false every point goes to PROJ.
    public init(from source: CRS, to target: CRS, native: Bool = true) throws(GeometryError) {
        guard let context = proj_context_create() else { throw .proj(function: "proj_context_create", message: "out of memory") }
        self.context = context
        self.source = source
        self.target = target
        // NULL when either CRS is unknown or no operation exists.
        guard let raw = proj_create_crs_to_crs(context, source.description, target.description, nil) else {
            let message = Self.lastError(context)
            proj_context_destroy(context)
            throw .proj(function: "proj_create_crs_to_crs", message: "\(source) → \(target): \(message)")
        }
        defer { proj_destroy(raw) }
        guard let normalized = proj_normalize_for_visualization(context, raw) else {
            let message = Self.lastError(context)
            proj_context_destroy(context)
            throw .proj(function: "proj_normalize_for_visualization", message: message)
        }
        self.pj = normalized
        let access = OSGBHelmertCheck.PROJAccess(context: context) { () throws(GeometryError) in
            try Self.copy(of: normalized, from: source, to: target)
        }
        self.native = native ? NativePath(from: source, to: target, proj: access) : nil
    }

    private init(context: OpaquePointer, pj: OpaquePointer, source: CRS, target: CRS, native: NativePath?) {
        self.context = context
        self.pj = pj
        self.source = source
        self.target = target
        self.native = native
    }

    /// The box in source coordinates inside which this transform computes natively, nil when it never does.
    public var nativeArea: Bounds? { native?.area }

    /// A transform from a process-wide cache of prototypes: the first request for a pair of CRSs
    /// creates it (PROJ looks the operations up in its database, tens of milliseconds), later ones copy it.
    public static func cached(from source: CRS, to target: CRS) throws(GeometryError) -> CoordinateTransform {
        try PrototypeCache.shared.transform(from: source, to: target)
    }

    /// An independent copy with its own context, for another thread: much cheaper than creating a
    /// transform again (no database look-ups). The corresponding PROJ function is `proj_clone`.
    public func copy() throws(GeometryError) -> CoordinateTransform {
        try Self.copy(of: pj, from: source, to: target, native: native)
    }

    private static func copy(
        of pj: OpaquePointer, from source: CRS, to target: CRS, native: NativePath? = nil
    ) throws(GeometryError) -> CoordinateTransform {
        guard let context = proj_context_create() else { throw .proj(function: "proj_context_create", message: "out of memory") }
        guard let clone = proj_clone(context, pj) else {
            let message = Self.lastError(context)
            proj_context_destroy(context)
            throw .proj(function: "proj_clone", message: message)
        }
        return CoordinateTransform(context: context, pj: clone, source: source, target: target, native: native)
    }

    deinit {
        proj_destroy(pj)
        proj_context_destroy(context)
    }

    private static func lastError(_ context: OpaquePointer) -> String {
        let code = proj_context_errno(context)
        return proj_context_errno_string(context, code).map { String(cString: $0) } ?? "PROJ error \(code)"
    }

    /// The PROJ version, e.g. "9.1.1".
    public static var projVersion: String { String(cString: proj_info().version) }

    /// Transforms interleaved x, y pairs in place. The corresponding PROJ function is `proj_trans_generic`.
    public func transform(_ xy: inout [Double]) throws(GeometryError) {
        let n = xy.count / 2
        guard n > 0 else { return }
        if let native, native.covers(xy) {
            native.apply(&xy)
            lastCallNative = true
            nativePoints += n
            return
        }
        lastCallNative = false
        projPoints += n
        proj_errno_reset(pj)
        let stride = 2 * MemoryLayout<Double>.stride
        let done = xy.withUnsafeMutableBufferPointer { buffer -> Int in
            guard let base = buffer.baseAddress else { return 0 }
            // Returns the number of points transformed.
            return proj_trans_generic(pj, PJ_FWD, base, stride, n, base + 1, stride, n, nil, 0, 0, nil, 0, 0)
        }
        guard done == n else {
            throw .proj(
                function: "proj_trans_generic",
                message: "transformed \(done) of \(n) points \(source) → \(target): \(Self.lastError(context))")
        }
        // Points PROJ could not transform come back as HUGE_VAL.
        if let bad = xy.firstIndex(where: { !$0.isFinite }) {
            throw .proj(
                function: "proj_trans_generic",
                message: "point \(bad / 2) could not be transformed \(source) → \(target): \(Self.lastError(context))")
        }
    }

    /// Transforms one point.
    public func transform(x: Double, y: Double) throws(GeometryError) -> (x: Double, y: Double) {
        var xy = [x, y]
        try transform(&xy)
        return (xy[0], xy[1])
    }

    /// The operation PROJ used for the last transformed point, with its accuracy and grids.
    /// The corresponding PROJ function is `proj_trans_get_last_used_operation`.
    public func lastUsedOperation() -> TransformationInfo? {
        if lastCallNative, let operation = native?.operation { return operation }
        guard let op = proj_trans_get_last_used_operation(pj) else { return nil }
        defer { proj_destroy(op) }
        let info = proj_pj_info(op)
        let name = info.description.map { String(cString: $0) } ?? info.id.map { String(cString: $0) } ?? "unknown"
        let accuracy = proj_coordoperation_get_accuracy(context, op)
        var grids: [(String, Bool)] = []
        for i in 0..<max(0, proj_coordoperation_get_grid_used_count(context, op)) {
            var shortName: UnsafePointer<CChar>?
            var available: Int32 = 0
            if proj_coordoperation_get_grid_used(context, op, i, &shortName, nil, nil, nil, nil, nil, &available) != 0 {
                grids.append((shortName.map { String(cString: $0) } ?? "?", available != 0))
            }
        }
        return TransformationInfo(name: name, accuracyMetres: accuracy >= 0 ? accuracy : nil, grids: grids)
    }
}

@available(*, unavailable)
extension CoordinateTransform: Sendable {}

/// Prototype transforms, only ever copied (under the lock), never used to transform.
private final class PrototypeCache: @unchecked Sendable {
    static let shared = PrototypeCache()
    private let lock = NSLock()
    private var prototypes: [[Int]: CoordinateTransform] = [:]

    func transform(from source: CRS, to target: CRS) throws(GeometryError) -> CoordinateTransform {
        lock.lock()
        defer { lock.unlock() }
        let key = [source.epsg, target.epsg]
        if let prototype = prototypes[key] { return try prototype.copy() }
        let prototype = try CoordinateTransform(from: source, to: target)
        prototypes[key] = prototype
        return try prototype.copy()
    }
}

/// ``OSGBHelmert`` in one direction, with the box where PROJ would use the same operation.
private struct NativePath {
    let model = OSGBHelmert()
    let forward: Bool
    let area: Bounds
    let operation: TransformationInfo

    /// `proj` is the transform being built, for the check.
    init?(from source: CRS, to target: CRS, proj: OSGBHelmertCheck.PROJAccess) {
        guard let decision = OSGBHelmertCheck.decision(from: source, to: target, proj: proj), let area = decision.area,
            let operation = decision.operation
        else { return nil }
        forward = source == .wgs84
        self.area = area
        self.operation = operation
    }

    /// Whether every point lies strictly inside the area (NaN and infinite values do not).
    func covers(_ xy: [Double]) -> Bool {
        xy.withUnsafeBufferPointer { p in
            var inside = true
            for i in stride(from: 0, to: p.count - 1, by: 2) {
                let x = p[i]
                let y = p[i + 1]
                inside = inside && x > area.minX && x < area.maxX && y > area.minY && y < area.maxY
            }
            return inside && p.count % 2 == 0
        }
    }

    func apply(_ xy: inout [Double]) {
        if forward { model.forward(&xy) } else { model.inverse(&xy) }
    }
}
