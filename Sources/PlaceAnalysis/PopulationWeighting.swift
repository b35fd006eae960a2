import PlaceGeometry
import PlaceIO

/// How a block's population is shared between the areas it touches.
public enum PopulationMethod: String, Sendable, CaseIterable {
    /// ONS best-fit: the whole block goes to the area holding its representative point
    /// (a point on its surface; the population-weighted centroid is not in the bundled data).
    case centroid
    /// Area-weighted within each block: each area gets the population share of the block's area it holds.
    case area
    /// The whole block goes to the area holding the largest share of its area: robust where the block
    /// layer and the areas come from differently generalised boundaries.
    case largestShare = "largest-share"

    public var explanation: String {
        switch self {
        case .centroid: return "each block's population goes wholly to the area containing its representative point (ONS best-fit style)"
        case .area:
            return "each block's population is shared by area between the areas it overlaps (area-weighted interpolation within blocks)"
        case .largestShare:
            return "each block's population goes wholly to the area holding the largest share of the block's area; a border block "
                + "whose system is not its place's main system goes to a neighbouring place (or system) it also overlaps by at least 1 % "
                + "when that makes the two agree, so differently generalised boundaries do not move people across"
        }
    }
}

/// A key for an (A feature, B feature) pair.
public struct Pair: Hashable, Sendable {
    public var a: Int
    public var b: Int
    public init(_ a: Int, _ b: Int) {
        self.a = a
        self.b = b
    }
}

/// Population assigned to A features, B features and their overlaps.
public struct PopulationSplit: Sendable {
    public var method: PopulationMethod
    public var byPair: [Pair: Double] = [:]
    public var byA: [Double]
    public var byB: [Double]
    /// Population of all blocks.
    public var total: Double
    /// Border blocks moved to the side their other layer agrees with (largest-share only).
    public var reconciledBlocks = 0

    /// People in no (A, B) overlap.
    public var outsideEveryPiece: Double { total - byPair.values.reduce(0, +) }
    /// People in no A feature.
    public var outsideA: Double { total - byA.reduce(0, +) }
}

public enum PopulationWeighting {
    /// Shares the blocks' population between A, B and their overlaps. `pieces` are the A×B pieces
    /// with shapes (needed by the area method only).
    public static func split(
        _ population: PopulationBlocks, a: AnalysisLayer, b: AnalysisLayer, pieces: [Piece],
        method: PopulationMethod, progress: ProgressHandler? = nil
    ) throws(InputError) -> PopulationSplit {
        var split = PopulationSplit(
            method: method, byA: Array(repeating: 0, count: a.count),
            byB: Array(repeating: 0, count: b.count), total: population.total)
        let blocks = population.blocks
        let people = population.population
        switch method {
        case .centroid:
            let inA = try pointAssignments(blocks, to: a)
            let inB = try pointAssignments(blocks, to: b)
            for k in 0..<blocks.count { split.add(people[k], a: inA[k], b: inB[k]) }
        case .largestShare:
            let assigned = BoundaryReconciliation.assign(
                inA: try Overlay.pieces(blocks, a, skipByCoverage: true, progress: progress),
                inB: try Overlay.pieces(blocks, b, skipByCoverage: true), people: people, blockAreas: blocks.areas, aCount: a.count)
            for k in 0..<blocks.count { split.add(people[k], a: assigned.a[k], b: assigned.b[k]) }
            split.reconciledBlocks = assigned.moved
        case .area:
            for (k, blockPieces) in try Overlay.pieces(blocks, a, skipByCoverage: true, progress: progress).enumerated() {
                for p in blockPieces { split.byA[p.b] += people[k] * fraction(p.area, of: blocks.areas[k]) }
            }
            for (k, blockPieces) in try Overlay.pieces(blocks, b, skipByCoverage: true).enumerated() {
                for p in blockPieces { split.byB[p.b] += people[k] * fraction(p.area, of: blocks.areas[k]) }
            }
            let pieceLayer = try AnalysisLayer(piecesLayer(pieces), fields: LayerFields(code: "piece", name: nil))
            for (k, blockPieces) in try Overlay.pieces(blocks, pieceLayer).enumerated() {
                for p in blockPieces {
                    let piece = pieces[p.b]
                    split.byPair[Pair(piece.a, piece.b), default: 0] += people[k] * fraction(p.area, of: blocks.areas[k])
                }
            }
        }
        return split
    }

    /// The feature holding most of each block's area (lowest index on a tie), if any.
    static func largest(_ pieces: [Piece]) -> Int? {
        var best: Piece?
        for p in pieces where p.area > (best?.area ?? -1) { best = p }
        return best?.b
    }

    /// For each block, the feature of `layer` containing its representative point (lowest index when
    /// the point lies on a shared boundary).
    static func pointAssignments(_ blocks: AnalysisLayer, to layer: AnalysisLayer) throws(InputError) -> [Int?] {
        try ParallelGEOS.map(blocks.count, state: { GeometryCache(layer, context: $0) }) { (cache, k) throws(InputError) -> Int? in
            do {
                let point = try Geometry(blocks.features[k].shape, in: cache.context).representativePoint()
                let box = Bounds(minX: point.x, minY: point.y, maxX: point.x, maxY: point.y)
                for i in layer.index.query(box) where try cache.preparedGeometry(i).intersects(x: point.x, y: point.y) {
                    return i
                }
                return nil
            } catch {
                throw InputError(
                    .badData, file: blocks.source, featureIndex: k, featureCode: blocks.codes[k],
                    message: "GEOS failed placing this block: \(error)", hint: "repair the block layer")
            }
        }
    }

    /// The pieces as a layer whose code is the piece's position.
    static func piecesLayer(_ pieces: [Piece]) -> Layer {
        Layer(
            name: "pieces", source: "overlap pieces", crs: .britishNationalGrid,
            features: pieces.enumerated().map { i, p in
                Feature(properties: JSONObject([("piece", .string(String(i)))]), shape: p.shape ?? Shape(kind: .polygon, coordinates: []))
            })
    }
}

extension PopulationSplit {
    mutating func add(_ people: Double, a: Int?, b: Int?) {
        if let a { byA[a] += people }
        if let b { byB[b] += people }
        if let a, let b { byPair[Pair(a, b), default: 0] += people }
    }
}

/// `part / whole`, or 0 for an empty whole.
/// `part / whole`, or 0 when `whole` is not positive.
public func fraction(_ part: Double, of whole: Double) -> Double { whole > 0 ? part / whole : 0 }
