import PlaceGeometry
import PlaceIO

/// One feature's validity problem, as found by GEOS.
public struct FeatureProblem: Sendable {
    public var index: Int
    public var code: String?
    public var reason: String
    /// Where GEOS located the problem, in the layer's CRS.
    public var location: (x: Double, y: Double)?
}

/// Validity, area and summary figures for a layer.
public enum LayerCheck {
    /// GEOS validity of every feature (`GEOSisValidDetail_r`), in feature order; only the invalid ones.
    public static func problems(in layer: Layer, fields: LayerFields?) -> [FeatureProblem] {
        survey(layer, fields: fields).compactMap(\.problem)
    }

    /// Validity and planar area (in the layer's units) of every feature, in one pass on every core.
    /// Invalid geometries are measured as drawn.
    static func survey(_ layer: Layer, fields: LayerFields?) -> [(problem: FeatureProblem?, area: Double)] {
        let features = layer.features
        return ParallelGEOS.map(features.count) { context, i -> (problem: FeatureProblem?, area: Double) in
            let code = fields.flatMap { features[i].properties[$0.code]?.text }
            do {
                let g = try Geometry(features[i].shape, in: context)
                let area = features[i].shape.isPolygonal ? try g.area() : 0
                guard let p = try g.validityProblem() else { return (nil, area) }
                return (FeatureProblem(index: i, code: code, reason: p.reason, location: p.x.map { ($0, p.y ?? 0) }), area)
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
        try repair(layer, problems: problems(in: layer, fields: fields))
    }

    /// Repairs the features named in `problems` (found by `problems(in:fields:)`).
    static func repair(_ layer: Layer, problems: [FeatureProblem]) throws(PlacemapError) -> (layer: Layer, repairs: [Repair]) {
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
