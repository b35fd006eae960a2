import CPROJ
import Foundation

/// Whether, and where, ``OSGBHelmert`` gives what PROJ gives for EPSG:4326 → EPSG:27700 (or back),
/// decided once per process and direction by asking PROJ.
///
/// `proj_create_crs_to_crs` keeps a list of candidate operations, each with its area of use as a box
/// in source coordinates, and for every point takes the most accurate operation whose box holds it.
/// The native path is used only when
/// - PROJ's list for the pair (`proj_create_operations`, with the options `proj_create_crs_to_crs`
///   uses) holds the Helmert (6) operation with exactly the pipeline ``OSGBHelmert`` computes
///   (``OSGBHelmert/projString``), onshore, with a known accuracy;
/// - no other operation in the list could win over it for a point in its box: every other one is
///   less accurate, or of unknown accuracy and listed after it (so with the OSTN15 grid installed, or
///   PROJ's network enabled, which bring a 1 m operation, the native path is off);
/// - on a fixed sample of points over the box, its edges and corners included, PROJ's transform uses
///   that operation and ``OSGBHelmert`` agrees with it within ``tolerance``;
/// and then only for points strictly inside the box, by a margin. `PLACEMAP_PROJ_ONLY` set in the
/// environment turns the native path off, to compare.
public enum OSGBHelmertCheck {
    /// The largest difference from PROJ allowed on the sample, in metres.
    public static let tolerance = 1e-6

    /// Where the native path applies in one direction, or why it does not.
    public struct Decision: Sendable {
        /// The box in source coordinates (longitude/latitude degrees, or easting/northing metres) inside
        /// which points are transformed natively; nil when the native path is off.
        public var area: Bounds?
        /// Why the native path is off, or what was checked.
        public var reason: String
        /// The operation PROJ reports for points in the area.
        public var operation: TransformationInfo?
        /// The largest difference from PROJ on the sample, in metres.
        public var largestDifference: Double
    }

    /// WGS 84 → British National Grid.
    public static var forward: Decision { Decisions.shared.decision(forward: true, proj: nil) }
    /// British National Grid → WGS 84.
    public static var inverse: Decision { Decisions.shared.decision(forward: false, proj: nil) }

    /// The decision for a pair of CRSs, nil for any pair but EPSG:4326 ↔ EPSG:27700. `proj`, when
    /// given, is the transform being built: the check lists operations in its context and checks the
    /// sample with a PROJ-only copy (saving a second `proj_create_crs_to_crs`).
    static func decision(from source: CRS, to target: CRS, proj: PROJAccess?) -> Decision? {
        switch (source, target) {
        case (.wgs84, .britishNationalGrid): return Decisions.shared.decision(forward: true, proj: proj)
        case (.britishNationalGrid, .wgs84): return Decisions.shared.decision(forward: false, proj: proj)
        default: return nil
        }
    }

    /// What the check may use of the transform being built: its context, and a PROJ-only copy.
    struct PROJAccess {
        var context: OpaquePointer
        var copy: () throws(GeometryError) -> CoordinateTransform
    }

    /// The decisions made so far in this process.
    private final class Decisions: @unchecked Sendable {
        static let shared = Decisions()
        private let lock = NSLock()
        private var made: [Bool: Decision] = [:]

        func decision(forward: Bool, proj: PROJAccess?) -> Decision {
            lock.lock()
            defer { lock.unlock() }
            if let d = made[forward] { return d }
            let d = decide(forward: forward, proj: proj)
            made[forward] = d
            return d
        }
    }

    /// `PLACEMAP_PROJ_ONLY` set in the environment sends every point to PROJ, to compare the two.
    static let projOnly = ProcessInfo.processInfo.environment["PLACEMAP_PROJ_ONLY"] != nil

    /// Margins inside the operation's box: 1e-6° (about 0.1 m) for longitude/latitude, 1 m for the grid.
    static let degreeMargin = 1e-6
    static let metreMargin = 1.0

    private static func decide(forward: Bool, proj: PROJAccess?) -> Decision {
        let off = { (reason: String) in Decision(area: nil, reason: reason, operation: nil, largestDifference: .nan) }
        if projOnly { return off("PLACEMAP_PROJ_ONLY is set") }
        let source: CRS = forward ? .wgs84 : .britishNationalGrid
        let target: CRS = forward ? .britishNationalGrid : .wgs84
        let candidates: [Candidate]
        do {
            candidates = try Candidate.list(from: source, to: target, context: proj?.context)
        } catch {
            return off("cannot list PROJ's operations: \(error)")
        }
        let expected = forward ? OSGBHelmert.projString : OSGBHelmert.inverseProjString
        let matching = candidates.indices.filter { candidates[$0].projString == expected }
        guard matching.count == 1, let h = matching.first else {
            return off("PROJ lists \(matching.count) operations computing the Helmert (6) pipeline")
        }
        let helmert = candidates[h]
        guard helmert.accuracy >= 0, !helmert.offshore, let lonLat = helmert.area else {
            return off("PROJ's Helmert (6) operation has no accuracy or area of use, or is offshore")
        }
        for (j, other) in candidates.enumerated() where j != h {
            let neverWins = other.accuracy > helmert.accuracy || (other.accuracy < 0 && j > h)
            if !neverWins {
                return off("PROJ may prefer \(other.name) (accuracy \(other.accuracy) m)")
            }
        }
        let model = OSGBHelmert()
        let box = forward ? lonLat : model.grid.projectedBox(lonLat)
        let margin = forward ? degreeMargin : metreMargin
        let area = Bounds(minX: box.minX + margin, minY: box.minY + margin, maxX: box.maxX - margin, maxY: box.maxY - margin)
        return verify(area: area, forward: forward, model: model, proj: proj)
    }

    /// Transforms a sample over `area` both with PROJ and natively.
    private static func verify(
        area: Bounds, forward: Bool, model: OSGBHelmert, proj: PROJAccess?
    ) -> Decision {
        let off = { (reason: String) in Decision(area: nil, reason: reason, operation: nil, largestDifference: .nan) }
        let steps = 24
        var sample: [Double] = []
        for i in 0...steps {
            for j in 0...steps {
                let x = area.minX + (area.maxX - area.minX) * Double(i) / Double(steps)
                let y = area.minY + (area.maxY - area.minY) * Double(j) / Double(steps)
                sample += [x, y]
            }
        }
        sample += [area.minX, area.minY, area.maxX, area.maxY, area.minX, area.maxY, area.maxX, area.minY]
        var byPROJ = sample
        var native = sample
        let transform: CoordinateTransform
        var operations: [TransformationInfo] = []
        do {
            if let proj {
                transform = try proj.copy()
            } else {
                transform = try CoordinateTransform(
                    from: forward ? .wgs84 : .britishNationalGrid, to: forward ? .britishNationalGrid : .wgs84, native: false)
            }
            // Which operation PROJ takes, point by point, at the corners and the centre.
            for p in stride(from: sample.count - 8, to: sample.count, by: 2) + [sample.count / 2 - 1] {
                _ = try transform.transform(x: sample[p], y: sample[p + 1])
                guard let op = transform.lastUsedOperation() else { return off("PROJ reports no operation") }
                operations.append(op)
            }
            try transform.transform(&byPROJ)
        } catch {
            return off("PROJ cannot transform the sample: \(error)")
        }
        guard let operation = operations.first, operations.allSatisfy({ $0 == operation }),
            operation.name.contains("OSGB36 to WGS 84 (6)")
        else {
            return off("PROJ uses \(operations.map(\.name)) on the sample")
        }
        if forward { model.forward(&native) } else { model.inverse(&native) }
        var largest = 0.0
        for p in stride(from: 0, to: sample.count, by: 2) {
            let d: Double
            if forward {
                d = hypot(native[p] - byPROJ[p], native[p + 1] - byPROJ[p + 1])
            } else {
                // Degrees to metres, generously (a degree of latitude is under 112 km).
                d = hypot(native[p] - byPROJ[p], native[p + 1] - byPROJ[p + 1]) * 112_000
            }
            largest = max(largest, d.isNaN ? .infinity : d)
        }
        guard largest <= tolerance else {
            return Decision(
                area: nil, reason: "differs from PROJ by \(largest) m on the sample", operation: operation, largestDifference: largest)
        }
        return Decision(
            area: area, reason: "PROJ's \(operation.name), computed natively inside the area", operation: operation,
            largestDifference: largest)
    }
}

/// One operation of PROJ's list for a pair of CRSs.
private struct Candidate {
    var name: String
    var accuracy: Double
    var area: Bounds?
    var offshore: Bool
    /// Normalised for visualisation (longitude first), as `proj_as_proj_string` writes it.
    var projString: String?

    /// The operations `proj_create_crs_to_crs` chooses among, in its order. The corresponding PROJ
    /// functions are `proj_create_operations` and the `proj_operation_factory_context_*` setters.
    /// `given` is a context to work in (its database cache is then shared); otherwise a new one.
    static func list(from source: CRS, to target: CRS, context given: OpaquePointer?) throws(GeometryError) -> [Candidate] {
        guard let context = given ?? proj_context_create() else {
            throw .proj(function: "proj_context_create", message: "out of memory")
        }
        // Quiet while listing; the given context's level is put back.
        let level = proj_log_level(context, PJ_LOG_NONE)
        defer { if given == nil { proj_context_destroy(context) } else { proj_log_level(context, level) } }
        // NULL when the code is unknown.
        guard let sourceCRS = proj_create(context, source.description) else { throw .proj(function: "proj_create", message: "\(source)") }
        defer { proj_destroy(sourceCRS) }
        guard let targetCRS = proj_create(context, target.description) else { throw .proj(function: "proj_create", message: "\(target)") }
        defer { proj_destroy(targetCRS) }
        // NULL on failure.
        guard let factory = proj_create_operation_factory_context(context, nil) else {
            throw .proj(function: "proj_create_operation_factory_context", message: "failed")
        }
        defer { proj_operation_factory_context_destroy(factory) }
        proj_operation_factory_context_set_allow_ballpark_transformations(context, factory, 1)
        proj_operation_factory_context_set_spatial_criterion(context, factory, PROJ_SPATIAL_CRITERION_PARTIAL_INTERSECTION)
        proj_operation_factory_context_set_grid_availability_use(
            context, factory,
            proj_context_is_network_enabled(context) != 0
                ? PROJ_GRID_AVAILABILITY_KNOWN_AVAILABLE : PROJ_GRID_AVAILABILITY_DISCARD_OPERATION_IF_MISSING_GRID)
        // NULL on failure.
        guard let list = proj_create_operations(context, sourceCRS, targetCRS, factory) else {
            throw .proj(function: "proj_create_operations", message: "\(source) → \(target)")
        }
        defer { proj_list_destroy(list) }
        var candidates: [Candidate] = []
        for i in 0..<proj_list_get_count(list) {
            // NULL only for an index out of range.
            guard let op = proj_list_get(context, list, i) else { continue }
            defer { proj_destroy(op) }
            var west = 0.0
            var south = 0.0
            var east = 0.0
            var north = 0.0
            var areaName: UnsafePointer<CChar>?
            // Returns 0 when the area is unknown.
            let known = proj_get_area_of_use(context, op, &west, &south, &east, &north, &areaName) != 0
            let normalized = proj_normalize_for_visualization(context, op)
            defer { if let normalized { proj_destroy(normalized) } }
            // NULL when the operation has no PROJ string.
            let string = normalized.flatMap { proj_as_proj_string(context, $0, PJ_PROJ_5, nil) }.map { String(cString: $0) }
            candidates.append(
                Candidate(
                    name: proj_get_name(op).map { String(cString: $0) } ?? "?",
                    accuracy: proj_coordoperation_get_accuracy(context, op),
                    area: known && west <= east ? Bounds(minX: west, minY: south, maxX: east, maxY: north) : nil,
                    offshore: areaName.map { String(cString: $0).contains("- offshore") } ?? false,
                    projString: string))
        }
        return candidates
    }
}
