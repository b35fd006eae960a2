import PlaceGeometry
import PlaceIO

/// One feature's validity problem (or, with `unchecked`, why its validity was not checked).
public struct FeatureProblem: Sendable {
    public var index: Int
    public var code: String?
    public var reason: String
    /// Where the problem lies, in the layer's CRS.
    public var location: (x: Double, y: Double)?
    /// True when the feature was not checked (`reason` says why and what to do), not found invalid.
    public var unchecked = false
}

/// Validity, area and summary figures for a layer.
public enum LayerCheck {
    /// The invalid features, in feature order (see `Validity.of`: a sweep, GEOS where it cannot decide).
    /// `geosPointLimit`: the largest shape GEOS is asked about (`Int.max` to check every feature whatever it costs).
    public static func problems(in layer: Layer, fields: LayerFields?, geosPointLimit: Int = Validity.geosPointLimit) -> [FeatureProblem] {
        check(layer, fields: fields, geosPointLimit: geosPointLimit).invalid
    }

    /// The invalid features and those left unchecked, each in feature order.
    public static func check(_ layer: Layer, fields: LayerFields?, geosPointLimit: Int = Validity.geosPointLimit)
        -> (invalid: [FeatureProblem], unchecked: [FeatureProblem])
    {
        let found = survey(layer, fields: fields, geosPointLimit: geosPointLimit).compactMap(\.problem)
        return (found.filter { !$0.unchecked }, found.filter(\.unchecked))
    }

    /// Validity and planar area (in the layer's units) of every feature, in one pass on every core.
    /// Invalid geometries are measured as drawn.
    static func survey(_ layer: Layer, fields: LayerFields?, geosPointLimit: Int = Validity.geosPointLimit)
        -> [(problem: FeatureProblem?, area: Double)]
    {
        let features = layer.features
        return ParallelGEOS.map(features.count) { context, i -> (problem: FeatureProblem?, area: Double) in
            let code = fields.flatMap { features[i].properties[$0.code]?.text }
            do {
                let shape = features[i].shape
                let validity = try Validity.of(shape, in: context, geosPointLimit: geosPointLimit)
                // GEOS's own sum, without building a GEOS geometry.
                let area = shape.planarArea
                switch validity {
                case .valid: return (nil, area)
                case .invalid(let p):
                    return (FeatureProblem(index: i, code: code, reason: p.reason, location: p.x.map { ($0, p.y ?? 0) }), area)
                case .unchecked(let why):
                    return (FeatureProblem(index: i, code: code, reason: why, location: nil, unchecked: true), area)
                }
            } catch {
                return (FeatureProblem(index: i, code: code, reason: "\(error)", location: nil), 0)
            }
        }
    }

    /// Area of each feature in square metres, measured in EPSG:27700 (reprojecting when needed).
    /// Invalid geometries are measured as drawn.
    public static func areas(of layer: Layer) throws(PlacemapError) -> [Double] {
        let projected = try layer.reprojected(to: .britishNationalGrid)
        try checkWithinGreatBritain(projected, original: layer)
        let features = projected.features
        return ParallelGEOS.map(features.count) { context, i in
            guard features[i].shape.isPolygonal else { return 0 }
            return (try? Geometry(features[i].shape, in: context).area()) ?? 0
        }
    }
}

/// What `repair` changed in one feature.
public struct Repair: Sendable {
    public var index: Int
    public var code: String?
    public var reason: String
    public var areaBefore: Double
    public var areaAfter: Double
}

extension LayerCheck {
    /// Makes every invalid polygon valid (GEOS make-valid, "structure" method), keeping only polygonal
    /// parts, and reports each change with its area in square metres before and after.
    public static func repair(_ layer: Layer, fields: LayerFields?) throws(PlacemapError) -> (layer: Layer, repairs: [Repair]) {
        // An explicit repair checks every feature, however large (GEOS decides what the sweep leaves open).
        try repair(layer, problems: problems(in: layer, fields: fields, geosPointLimit: .max))
    }

    /// Repairs the features named in `problems` (found by `problems(in:fields:)`).
    static func repair(_ layer: Layer, problems: [FeatureProblem]) throws(PlacemapError) -> (layer: Layer, repairs: [Repair]) {
        let problems = problems.filter { !$0.unchecked }
        guard !problems.isEmpty else { return (layer, []) }
        var fixed = layer
        let features = layer.features
        let results: [Result<Shape, GeometryError>] = ParallelGEOS.map(problems.count) { context, k in
            let shape = features[problems[k].index].shape
            return Result { () throws(GeometryError) in try Geometry(shape, in: context).makeValid().shape() }
        }
        for (k, problem) in problems.enumerated() {
            switch results[k] {
            case .success(let shape): fixed.features[problem.index].shape = shape
            case .failure(let error):
                throw PlacemapError(
                    .badData, file: layer.source, featureIndex: problem.index, featureCode: problem.code,
                    message: "cannot be repaired: \(error)", hint: "fix this feature by hand")
            }
        }
        let indices = problems.map(\.index)
        let before = try areas(of: Layer(name: "", source: layer.source, crs: layer.crs, features: indices.map { features[$0] }))
        let after = try areas(of: Layer(name: "", source: layer.source, crs: layer.crs, features: indices.map { fixed.features[$0] }))
        let repairs = problems.enumerated().map { k, p in
            Repair(index: p.index, code: p.code, reason: p.reason, areaBefore: before[k], areaAfter: after[k])
        }
        return (fixed, repairs)
    }
}
