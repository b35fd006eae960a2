import PlaceGeometry
import PlaceIO

/// The part of block `block` that lies in both area `a` of one layer and area `b` of another.
public struct PairPiece: Sendable {
    public var block: Int
    public var a: Int
    public var b: Int
    /// Square metres.
    public var area: Double
}

/// A piece of a block outside the area holding most of the block: the evidence of how far two
/// layers' boundaries disagree.
public struct MinorityPiece: Sendable {
    public var block: Int
    /// The area (of the layer) the piece lies in.
    public var area: Int
    /// The piece's share of the block's area.
    public var share: Double
    /// How far the piece reaches into its area: the largest distance from its vertices, edge midpoints
    /// and a point inside it to the area's boundary, in metres.
    public var depth: Double
}

/// Population blocks intersected once with the areas of one or more layers: the one pass behind
/// population weighting (overlap, lookup, coterminosity, catchments) and the interior evidence.
///
/// Each block is built as a GEOS geometry once and tested against the candidate areas of every
/// layer from their STR indexes. Where the block's and an area's boundaries meet only in identical
/// segments and common vertices (areas built from the blocks, a clean coverage), their coordinates
/// decide (`BoundaryRelation`): the area takes the block whole or none of it. Otherwise the area
/// shared comes from the edges (`IntersectionArea`: crossings, touches, shared stretches). For the
/// few pairs that leaves open, GEOS decides: an area that contains the block properly (not even
/// touching its boundary) takes it whole without an intersection, one that does not meet the block
/// is skipped, and only the others (straight away when the boundaries certainly cross) are
/// intersected. The weighting method (area,
/// largest share, representative point) is chosen afterwards from the same pieces.
public struct BlockAllocation: Sendable {
    public let blocks: AnalysisLayer
    public let layers: [AnalysisLayer]
    /// `pieces[l][k]`: the areas of layer `l` sharing area with block `k` (`Piece.a` = k,
    /// `Piece.b` = the area), ascending by area.
    public let pieces: [[[Piece]]]
    /// `pointAreas[l][k]`: the area of layer `l` holding block `k`'s representative point (the
    /// lowest when the point lies on a shared boundary), or nil; nil when made without `points`.
    public let pointAreas: [[Int?]]?
    /// `minority[l]`: every piece of a block that is not its largest one in layer `l`.
    public let minority: [[MinorityPiece]]
    /// For each requested pair of layers (by position), each block's pieces in both.
    public let pairPieces: [Pair: [PairPiece]]
    /// How many block–area candidate pairs were settled from coordinates and how many took GEOS.
    public let settlement: PairSettlement

    /// Intersects every block with the areas of `layers`. `pairs` (positions in `layers`) asks for
    /// the three-way pieces block ∩ area of one ∩ area of the other (needed by the area method).
    /// `minorityDepths: false` leaves the minority pieces' depths at 0 (to measure what they cost);
    /// `areasFromEdges: false` makes GEOS settle every pair that `BoundaryRelation` leaves open
    /// (to check and measure `IntersectionArea`). `points: false` leaves out the representative
    /// points (``pointAreas``), which only the centroid method needs: a block settled from its
    /// coordinates alone is then never built in GEOS.
    public init(
        blocks: AnalysisLayer, layers: [AnalysisLayer], pairs: [Pair] = [], minorityDepths: Bool = true,
        areasFromEdges: Bool = true, points: Bool = true, progress: ProgressHandler? = nil
    ) throws(PlacemapError) {
        let counter = ProgressCounter(total: blocks.count, handler: progress)
        let rings = layers.map { $0.boundaryRings() }
        let perBlock = try ParallelGEOS.map(blocks.count, state: { context in layers.map { AreaCache($0, context: context) } }) {
            (caches, k) throws(PlacemapError) -> BlockResult in
            defer { counter.step() }
            do {
                return try Self.allocate(
                    k, blocks, layers, rings: rings, caches: caches, pairs: pairs, depths: minorityDepths, edges: areasFromEdges,
                    points: points)
            } catch {
                throw PlacemapError(
                    .badData, file: blocks.source, featureIndex: k, featureCode: blocks.codes[k],
                    message: "GEOS could not overlay this block with the areas: \(error)",
                    hint: "repair the layers (placemap validate FILE --fix OUT) and try again")
            }
        }
        var pieces = [[[Piece]]](repeating: [], count: layers.count)
        var pointAreas = [[Int?]](repeating: [], count: layers.count)
        var minority = [[MinorityPiece]](repeating: [], count: layers.count)
        for l in layers.indices {
            pieces[l].reserveCapacity(blocks.count)
            pointAreas[l].reserveCapacity(blocks.count)
        }
        var pairPieces = [Pair: [PairPiece]]()
        for p in pairs { pairPieces[p] = [] }
        var settlement = PairSettlement()
        for r in perBlock {
            settlement = settlement + r.settlement
            for l in layers.indices {
                pieces[l].append(r.pieces[l])
                pointAreas[l].append(r.points[l])
                minority[l] += r.minority[l]
            }
            for (n, p) in pairs.enumerated() { pairPieces[p, default: []] += r.pairPieces[n] }
        }
        self.blocks = blocks
        self.layers = layers
        self.pieces = pieces
        self.pointAreas = points ? pointAreas : nil
        self.minority = minority
        self.pairPieces = pairPieces
        self.settlement = settlement
    }

    /// The position of `layer` among the allocated layers (matched by source and codes).
    public func position(of layer: AnalysisLayer) -> Int? {
        layers.firstIndex { $0.source == layer.source && $0.codes == layer.codes }
    }

    /// For each block, the area of layer `l` holding most of its area (lowest index on a tie).
    public func largest(_ l: Int) -> [Int?] { pieces[l].map(PopulationWeighting.largest) }

    private struct BlockResult: Sendable {
        var pieces: [[Piece]]
        var points: [Int?]
        var minority: [[MinorityPiece]]
        var pairPieces: [[PairPiece]]
        var settlement = PairSettlement()
    }

    /// A piece's geometry: the whole block, one made by GEOS, or one not made yet (its area came
    /// from the edges) with the area it lies in.
    private enum PieceGeometry {
        case whole
        case made(Geometry)
        case pending(Int)
    }

    private static func allocate(
        _ k: Int, _ blocks: AnalysisLayer, _ layers: [AnalysisLayer], rings: [[BoundaryRings?]], caches: [AreaCache], pairs: [Pair],
        depths: Bool, edges: Bool, points: Bool
    ) throws(GeometryError) -> BlockResult {
        var result = BlockResult(
            pieces: Array(repeating: [], count: layers.count), points: Array(repeating: nil, count: layers.count),
            minority: Array(repeating: [], count: layers.count), pairPieces: Array(repeating: [], count: pairs.count))
        let shape = blocks.features[k].shape
        guard let bounds = shape.bounds, let context = caches.first?.context else { return result }
        let block = BlockInPass(index: k, shape: shape, context: context, rings: BoundaryRings(shape), area: blocks.areas[k])
        let point = points ? try block.geometry().representativePoint() : nil
        // The pieces' geometries, for minority depths and three-way pieces (made when first needed).
        var shapes = [[PieceGeometry]](repeating: [], count: layers.count)
        for (l, layer) in layers.enumerated() {
            let cache = caches[l]
            let candidates = layer.index.query(bounds)
            var found: [Piece] = []
            for j in candidates {
                guard let (piece, made) = try piece(of: block, in: j, rings[l][j], cache, edges: edges, settlement: &result.settlement)
                else { continue }
                found.append(piece)
                shapes[l].append(made)
            }
            if let point {
                for j in candidates where try cache.prepared(j).intersects(x: point.x, y: point.y) {
                    result.points[l] = j
                    break
                }
            }
            if found.count > 1, let main = PopulationWeighting.largest(found) {
                for (n, p) in found.enumerated() where p.b != main {
                    let depth =
                        depths
                        ? try InteriorEvidence.depth(
                            of: block.wholeOrPiece(shapes[l][n], cache), into: cache.boundary(p.b))
                        : 0
                    result.minority[l].append(MinorityPiece(block: k, area: p.b, share: fraction(p.area, of: block.area), depth: depth))
                }
            }
            result.pieces[l] = found
        }
        for (n, pair) in pairs.enumerated() {
            result.pairPieces[n] = try threeWayPieces(of: block, pair, pieces: result.pieces, shapes: &shapes, caches: caches)
        }
        return result
    }

    /// The block being allocated, as rings and (made when first needed) as GEOS.
    private final class BlockInPass {
        let index: Int
        let shape: Shape
        let context: GEOSContext
        let rings: BoundaryRings?
        let area: Double
        private var made: Geometry?

        init(index: Int, shape: Shape, context: GEOSContext, rings: BoundaryRings?, area: Double) {
            (self.index, self.shape, self.context, self.rings, self.area) = (index, shape, context, rings, area)
        }

        /// The block in GEOS.
        func geometry() throws(GeometryError) -> Geometry {
            if let made { return made }
            let g = try Geometry(shape, in: context)
            made = g
            return g
        }

        /// A piece's geometry, the block's own for a whole piece.
        func wholeOrPiece(_ piece: PieceGeometry, _ cache: AreaCache) throws(GeometryError) -> Geometry {
            if let g = try geometry(of: piece, cache) { return g }
            return try geometry()
        }

        /// A piece's geometry: nil for the whole block, made by GEOS when pending.
        func geometry(of piece: PieceGeometry, _ cache: AreaCache) throws(GeometryError) -> Geometry? {
            switch piece {
            case .whole: return nil
            case .made(let made): return made
            case .pending(let j): return try geometry().intersection(cache.geometry(j))
            }
        }
    }

    /// The block's piece in area `j` of a layer, or nil when they share no area. A pair whose
    /// boundaries meet only in shared segments and corners is decided from coordinates
    /// (`BoundaryRelation`); one crossing, touching or sharing stretches takes its area from the edges
    /// (`IntersectionArea`); GEOS decides the rest (an area containing the block properly takes it whole).
    private static func piece(
        of block: BlockInPass, in j: Int, _ areaRings: BoundaryRings?, _ cache: AreaCache, edges: Bool,
        settlement: inout PairSettlement
    ) throws(GeometryError) -> (Piece, PieceGeometry)? {
        let whole = (Piece(a: block.index, b: j, area: block.area), PieceGeometry.whole)
        var crossing = false
        if let blockRings = block.rings, let areaRings {
            switch BoundaryRelation.of(blockRings, areaRings) {
            case .within:
                settlement.coordinates += 1
                return whole
            case .apart:
                settlement.coordinates += 1
                return nil
            case .crossing: crossing = true
            case .contains, nil: break
            }
            // A block within the area, touching or not, is whole.
            if edges, let r = IntersectionArea.of(blockRings, areaRings) {
                settlement.coordinates += 1
                if r.firstWithin { return whole }
                return r.area > 0 ? (Piece(a: block.index, b: j, area: r.area), .pending(j)) : nil
            }
        }
        settlement.geos += 1
        if !crossing {
            let area = try cache.prepared(j)
            if try area.containsProperly(block.geometry()) { return whole }
            guard try area.intersects(block.geometry()) else { return nil }
        }
        let overlap = try block.geometry().intersection(cache.geometry(j))
        let size = try overlap.area()
        return size > 0 ? (Piece(a: block.index, b: j, area: size), .made(overlap)) : nil
    }

    /// The block's three-way pieces in both layers of `pair`: a whole piece on either side gives the
    /// other's area; two partial pieces are intersected, each made by GEOS once (a piece partial in both
    /// layers meets every piece of the other layer's).
    private static func threeWayPieces(
        of block: BlockInPass, _ pair: Pair, pieces: [[Piece]], shapes: inout [[PieceGeometry]], caches: [AreaCache]
    ) throws(GeometryError) -> [PairPiece] {
        func made(_ l: Int, _ x: Int) throws(GeometryError) -> Geometry? {
            let g = try block.geometry(of: shapes[l][x], caches[l])
            if case .pending = shapes[l][x], let g { shapes[l][x] = .made(g) }
            return g
        }
        var out: [PairPiece] = []
        for (x, p) in pieces[pair.a].enumerated() {
            for (y, q) in pieces[pair.b].enumerated() {
                let area: Double
                switch (shapes[pair.a][x], shapes[pair.b][y]) {
                case (.whole, _): area = q.area
                case (_, .whole): area = p.area
                case (_, _):
                    guard let g = try made(pair.a, x), let h = try made(pair.b, y) else { continue }
                    area = try g.intersection(h).area()
                }
                if area > 0 { out.append(PairPiece(block: block.index, a: p.b, b: q.b, area: area)) }
            }
        }
        return out
    }
}

/// GEOS geometries of a layer's areas, their prepared forms and prepared boundaries, built lazily
/// inside one context (one per worker).
final class AreaCache {
    let context: GEOSContext
    private let features: [Feature]
    private var geometries: [Geometry?]
    private var preparedAreas: [PreparedGeometry?]
    private var boundaries: [PreparedGeometry?]

    init(_ layer: AnalysisLayer, context: GEOSContext) {
        self.context = context
        self.features = layer.features
        self.geometries = Array(repeating: nil, count: layer.count)
        self.preparedAreas = Array(repeating: nil, count: layer.count)
        self.boundaries = Array(repeating: nil, count: layer.count)
    }

    func geometry(_ i: Int) throws(GeometryError) -> Geometry {
        if let g = geometries[i] { return g }
        let g = try Geometry(features[i].shape, in: context)
        geometries[i] = g
        return g
    }

    func prepared(_ i: Int) throws(GeometryError) -> PreparedGeometry {
        if let p = preparedAreas[i] { return p }
        let p = try PreparedGeometry(geometry(i))
        preparedAreas[i] = p
        return p
    }

    /// The area's rings, prepared for distance queries.
    func boundary(_ i: Int) throws(GeometryError) -> PreparedGeometry {
        if let b = boundaries[i] { return b }
        let b = try PreparedGeometry(geometry(i).boundary())
        boundaries[i] = b
        return b
    }
}
