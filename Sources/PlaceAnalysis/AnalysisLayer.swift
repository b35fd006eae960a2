import PlaceGeometry
import PlaceIO

/// A layer ready for analysis: in EPSG:27700, with unique codes, names, areas and a spatial index.
public struct AnalysisLayer: Sendable {
    public let layer: Layer
    public let fields: LayerFields
    public let codes: [String]
    public let names: [String]
    /// Area of each feature in square metres.
    public let areas: [Double]
    public let index: SpatialIndex
    /// The CRS the layer was read in (it is held in EPSG:27700).
    public let inputCRS: CRS
    /// Invalid geometries that were made valid on the way in (GEOS make-valid), with their areas.
    public let repairs: [Repair]
    /// Features whose validity was not checked (too large for GEOS where the sweep could not decide), with why.
    public let unchecked: [FeatureProblem]

    /// Reprojects `layer` to EPSG:27700, checks its codes (missing or duplicate codes are errors) and
    /// repairs invalid geometries, keeping a report of each repair.
    public init(_ layer: Layer, fields: LayerFields) throws(PlacemapError) {
        let projected = try PhaseClock.time("reproject \(layer.source)") { () throws(PlacemapError) in
            try layer.reprojected(to: .britishNationalGrid)
        }
        try LayerCheck.checkWithinGreatBritain(projected, original: layer)
        let values = try fields.uniqueValues(in: projected)
        // One pass measures and validates; only invalid features are repaired and measured again.
        let survey = PhaseClock.time("check \(layer.source)") { LayerCheck.survey(projected, fields: fields) }
        let found = survey.compactMap(\.problem)
        let (repaired, repairs) = try LayerCheck.repair(projected, problems: found)
        self.unchecked = found.filter(\.unchecked)
        var areas = survey.map(\.area)
        for r in repairs { areas[r.index] = r.areaAfter }
        self.repairs = repairs
        self.inputCRS = layer.crs
        self.layer = repaired
        self.fields = fields
        self.codes = values.map(\.code)
        self.names = values.map(\.name)
        self.areas = areas
        self.index = SpatialIndex(repaired.features.map(\.shape.bounds))
    }

    public var count: Int { codes.count }
    public var features: [Feature] { layer.features }
    public var source: String { layer.source }

    /// Each feature's place in code order, for sorting by code without comparing strings.
    public var codeRanks: [Int] {
        var ranks = [Int](repeating: 0, count: count)
        for (rank, i) in codes.indices.sorted(by: { codes[$0] < codes[$1] }).enumerated() { ranks[i] = rank }
        return ranks
    }

    /// The position of each code.
    public var positions: [String: Int] {
        Dictionary(uniqueKeysWithValues: codes.enumerated().map { ($1, $0) })
    }

    /// Each feature's rings as indexed segments (nil for non-polygons), built on every core.
    public func boundaryRings() -> [BoundaryRings?] {
        let features = self.features
        return Parallel.map(count, state: {}) { _, i in BoundaryRings(features[i].shape) }
    }
}

/// GEOS geometries of a layer's features, built lazily inside one context (one per worker).
final class GeometryCache {
    let context: GEOSContext
    private let features: [Feature]
    private var geometries: [Geometry?]
    private var prepared: [PreparedGeometry?]

    init(_ layer: AnalysisLayer, context: GEOSContext) {
        self.context = context
        self.features = layer.features
        self.geometries = Array(repeating: nil, count: layer.count)
        self.prepared = Array(repeating: nil, count: layer.count)
    }

    func geometry(_ i: Int) throws(GeometryError) -> Geometry {
        if let g = geometries[i] { return g }
        let g = try Geometry(features[i].shape, in: context)
        geometries[i] = g
        return g
    }

    func preparedGeometry(_ i: Int) throws(GeometryError) -> PreparedGeometry {
        if let p = prepared[i] { return p }
        let p = try PreparedGeometry(geometry(i))
        prepared[i] = p
        return p
    }
}
