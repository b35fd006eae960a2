import PlaceGeometry
import PlaceIO

/// One dissolved area.
public struct DissolvedArea: Sendable {
    public var code: String
    public var name: String
    public var blocks: [Int]
    public var shape: Shape
    /// "coverage union" when the blocks formed a clean coverage, else "unary union".
    public var method: String
    /// Area by which the group's blocks overlap each other (0 on a clean coverage), m².
    public var overlapArea: Double
    /// Holes in the output not filled by any block: gaps in the block layer, m².
    public var gapArea: Double
    public var gapCount: Int
    /// Pairs of blocks whose interiors overlap (searched only where the group is not a clean coverage).
    public var overlappingBlocks: [(a: Int, b: Int, area: Double)]
    public var sums: [Double]
}

/// Builds areas from building blocks (e.g. ICBs from LSOAs) with GEOS coverage union, falling back
/// to unary union where the blocks are not a clean coverage, and reporting overlaps and gaps.
public enum Dissolve {
    public static func run(
        _ blocks: AnalysisLayer, grouping: Grouping, sum fields: [String] = [],
        population: PopulationBlocks? = nil, progress: ProgressHandler? = nil
    ) throws(PlacemapError) -> [DissolvedArea] {
        var members: [String: [Int]] = [:]
        var names: [String: String] = [:]
        for (i, g) in grouping.groups.enumerated() {
            guard let g else { continue }
            members[g.code, default: []].append(i)
            names[g.code] = g.name
        }
        let codes = members.keys.sorted()
        let groups = members
        let groupNames = names
        let sums = try sumValues(blocks, fields: fields)
        let counter = ProgressCounter(total: codes.count, handler: progress)
        return try ParallelGEOS.map(codes.count, state: { GeometryCache(blocks, context: $0) }) {
            (cache, g) throws(PlacemapError) -> DissolvedArea in
            defer { counter.step() }
            let code = codes[g]
            let list = groups[code] ?? []
            do {
                var area = try dissolve(list, blocks: blocks, cache: cache)
                area.code = code
                area.name = groupNames[code] ?? ""
                area.sums = fields.indices.map { k in list.reduce(0) { $0 + sums[k][$1] } }
                if let population { area.sums.append(list.reduce(0) { $0 + population.population[$1] }) }
                return area
            } catch {
                throw PlacemapError(
                    .badData, file: blocks.source, featureCode: code,
                    message: "GEOS could not dissolve group \(code): \(error)", hint: "repair the blocks (placemap validate --fix)")
            }
        }
    }

    /// Pairs of output areas whose interiors overlap (from blocks of different groups overlapping),
    /// as positions in `areas` with the shared area.
    public static func overlapsBetween(_ areas: [DissolvedArea], codeField: String) throws(PlacemapError) -> [(
        a: Int, b: Int, area: Double
    )] {
        let layer = Layer(
            name: "areas", source: "dissolved areas", crs: .britishNationalGrid,
            features: areas.map {
                Feature(properties: JSONObject([(codeField, .string($0.code))]), shape: $0.shape)
            })
        let analysed = try AnalysisLayer(layer, fields: LayerFields(code: codeField, name: nil))
        return try Overlay.pieces(analysed, analysed).flatMap { $0 }.filter { $0.a < $0.b }.map { ($0.a, $0.b, $0.area) }
    }

    static func sumValues(_ blocks: AnalysisLayer, fields: [String]) throws(PlacemapError) -> [[Double]] {
        var out: [[Double]] = []
        for field in fields {
            var column: [Double] = []
            for (i, f) in blocks.features.enumerated() {
                guard let v = f.properties[field]?.number ?? f.properties[field]?.text.flatMap(Double.init) else {
                    throw PlacemapError(
                        .badData, file: blocks.source, featureIndex: i, featureCode: blocks.codes[i], field: field,
                        message: "not a number", hint: "--sum takes numeric properties only")
                }
                column.append(v)
            }
            out.append(column)
        }
        return out
    }

    static func dissolve(_ list: [Int], blocks: AnalysisLayer, cache: GeometryCache) throws(GeometryError) -> DissolvedArea {
        let context = cache.context
        var parts: [Geometry] = []
        for i in list { parts.append(try cache.geometry(i)) }
        let collection = try Geometry.collection(parts, in: context)
        let expected = list.reduce(0) { $0 + blocks.areas[$1] }
        var method = "coverage union"
        var merged: Geometry
        if let coverage = try? collection.coverageUnion(), coverage.isValid,
            abs((try coverage.area()) - expected) <= 1e-9 * expected + 1e-3
        {
            merged = coverage
        } else {
            method = "unary union"
            merged = try collection.unaryUnion()
            if !merged.isValid { merged = try merged.makeValid() }
        }
        let shape = try merged.shape()
        let overlap = max(0, expected - (try merged.area()))
        let (gapArea, gapCount) = try gaps(in: shape, blocks: blocks, cache: cache)
        let pairs = method == "coverage union" ? [] : try overlappingPairs(list, blocks: blocks, cache: cache)
        return DissolvedArea(
            code: "", name: "", blocks: list, shape: shape, method: method,
            overlapArea: overlap < 1e-6 * expected ? 0 : overlap, gapArea: gapArea, gapCount: gapCount,
            overlappingBlocks: pairs, sums: [])
    }

    /// Pairs of blocks in `list` whose interiors overlap, with the area they share.
    static func overlappingPairs(_ list: [Int], blocks: AnalysisLayer, cache: GeometryCache) throws(GeometryError) -> [(
        a: Int, b: Int, area: Double
    )] {
        let inGroup = Set(list)
        var pairs: [(a: Int, b: Int, area: Double)] = []
        for i in list {
            guard let bounds = blocks.features[i].shape.bounds else { continue }
            for j in blocks.index.query(bounds) where j > i && inGroup.contains(j) {
                let shared = try cache.geometry(i).intersection(cache.geometry(j)).area()
                if shared > 0 { pairs.append((i, j, shared)) }
            }
        }
        return pairs
    }

    /// Holes of `shape` not filled by blocks (of any group): their count and total area.
    static func gaps(in shape: Shape, blocks: AnalysisLayer, cache: GeometryCache) throws(GeometryError) -> (Double, Int) {
        var total = 0.0
        var count = 0
        for j in 0..<shape.polygonEnds.count {
            for r in shape.polygonRange(j).dropFirst() {
                let ring = shape.ringRange(r)
                let points = ring.map { (shape.coordinates[2 * $0], shape.coordinates[2 * $0 + 1]) }
                let hole = try Geometry(.polygon([points]), in: cache.context)
                guard let bounds = hole.bounds() else { continue }
                var filled = 0.0
                for k in blocks.index.query(bounds) { filled += try hole.intersection(cache.geometry(k)).area() }
                let gap = try hole.area() - filled
                if gap > 1e-6 * (try hole.area()) {
                    total += gap
                    count += 1
                }
            }
        }
        return (total, count)
    }
}
