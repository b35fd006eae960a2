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
        case .centroid:
            return "each block's population goes wholly to the area containing its representative point (ONS best-fit style); a block "
                + "whose point falls in no area goes to the area holding the largest share of it (counted as point_fallbacks)"
        case .area:
            return "each block's population is shared by area between the areas it overlaps (area-weighted interpolation within blocks)"
        case .largestShare:
            return "each block's population goes wholly to the area holding the largest share of the block's area; no block is moved "
                + "afterwards (coterminosity reads blocks near a differently drawn edge as border uncertainty, not as a split)"
        }
    }
}

/// Population assigned to A features, B features and their overlaps.
public struct PopulationSplit: Sendable {
    public var method: PopulationMethod
    public var byPair: [Pair: Double] = [:]
    public var byA: [Double]
    public var byB: [Double]
    /// Blocks whose representative point fell in no area, placed by largest share instead (centroid only).
    public var pointFallbacks = 0
    /// Population of all blocks.
    public var total: Double
    /// The blocks' attributes, shared with the same weights (when the blocks carry any).
    public var attributes: AttributeSplit?

    /// People in no (A, B) overlap.
    /// (Summed in pair order: a dictionary's order changes from run to run, and so would the last bits.)
    public var outsideEveryPiece: Double { total - byPair.keys.sorted().reduce(0) { $0 + (byPair[$1] ?? 0) } }
    /// People in no A feature.
    public var outsideA: Double { total - byA.reduce(0, +) }
}

public enum PopulationWeighting {
    /// Shares the blocks' population between A, B and their overlaps, from one allocation of the
    /// blocks to both layers: `allocation` when it holds both (a shared pass, as the main job makes
    /// for several place layers against one system layer), else one made here.
    public static func split(
        _ population: PopulationBlocks, a: AnalysisLayer, b: AnalysisLayer, method: PopulationMethod,
        allocation: BlockAllocation? = nil, progress: ProgressHandler? = nil
    ) throws(PlacemapError) -> PopulationSplit {
        // The split needs no minority depths: a pass made here leaves them out.
        let (allocation, la, lb) = try prepared(
            allocation, population.blocks, a, b, method: method, minorityDepths: false, progress: progress)
        var split = PopulationSplit(
            method: method, byA: Array(repeating: 0, count: a.count),
            byB: Array(repeating: 0, count: b.count), total: population.total)
        split.attributes = population.attributes.map { AttributeSplit($0, aCount: a.count, bCount: b.count) }
        let blocks = population.blocks
        let people = population.population
        switch method {
        case .centroid:
            // A block whose point falls in no area (a coastline drawn differently) goes to the area
            // holding most of it instead, and is counted.
            // `prepared` gives an allocation with points for this method.
            var inA = allocation.pointAreas?[la] ?? Array(repeating: nil, count: blocks.count)
            var inB = allocation.pointAreas?[lb] ?? Array(repeating: nil, count: blocks.count)
            for k in 0..<blocks.count {
                var fellBack = false
                if inA[k] == nil, let best = largest(allocation.pieces[la][k]) {
                    inA[k] = best
                    fellBack = true
                }
                if inB[k] == nil, let best = largest(allocation.pieces[lb][k]) {
                    inB[k] = best
                    fellBack = true
                }
                if fellBack { split.pointFallbacks += 1 }
                split.add(people[k], block: k, a: inA[k], b: inB[k])
            }
        case .largestShare:
            let inA = allocation.largest(la)
            let inB = allocation.largest(lb)
            for k in 0..<blocks.count { split.add(people[k], block: k, a: inA[k], b: inB[k]) }
        case .area:
            for (k, blockPieces) in allocation.pieces[la].enumerated() {
                for p in blockPieces {
                    let w = fraction(p.area, of: blocks.areas[k])
                    split.byA[p.b] += people[k] * w
                    split.attributes?.addA(block: k, weight: w, p.b)
                }
            }
            for (k, blockPieces) in allocation.pieces[lb].enumerated() {
                for p in blockPieces {
                    let w = fraction(p.area, of: blocks.areas[k])
                    split.byB[p.b] += people[k] * w
                    split.attributes?.addB(block: k, weight: w, p.b)
                }
            }
            for p in allocation.pairPieces[Pair(la, lb)] ?? [] {
                let w = fraction(p.area, of: blocks.areas[p.block])
                split.byPair[Pair(p.a, p.b), default: 0] += people[p.block] * w
                split.attributes?.addPair(block: p.block, weight: w, Pair(p.a, p.b))
            }
        }
        return split
    }

    /// `allocation` with the positions of `a` and `b` in it, or a new allocation of the blocks to both
    /// when it does not hold them (or lacks the three-way pieces the area method needs, or the points
    /// the centroid method needs); a new allocation has only what `method` needs, and with
    /// `minorityDepths: false` a new allocation does not measure the minority pieces' depths.
    static func prepared(
        _ allocation: BlockAllocation?, _ blocks: AnalysisLayer, _ a: AnalysisLayer, _ b: AnalysisLayer, method: PopulationMethod,
        minorityDepths: Bool = true, progress: ProgressHandler?
    ) throws(PlacemapError) -> (BlockAllocation, Int, Int) {
        if let allocation, allocation.blocks.source == blocks.source, allocation.blocks.count == blocks.count,
            let la = allocation.position(of: a), let lb = allocation.position(of: b),
            method != .area || allocation.pairPieces[Pair(la, lb)] != nil, method != .centroid || allocation.pointAreas != nil
        {
            return (allocation, la, lb)
        }
        let made = try BlockAllocation(
            blocks: blocks, layers: [a, b], pairs: method == .area ? [Pair(0, 1)] : [], minorityDepths: minorityDepths,
            points: method == .centroid, progress: progress)
        return (made, 0, 1)
    }

    /// The feature holding most of each block's area (lowest index on a tie), if any.
    static func largest(_ pieces: [Piece]) -> Int? {
        var best: Piece?
        for p in pieces where p.area > (best?.area ?? -1) { best = p }
        return best?.b
    }

}

extension PopulationSplit {
    /// Block `block` (with `people`) wholly to A feature `a` and B feature `b`, its attributes with it.
    mutating func add(_ people: Double, block: Int, a: Int?, b: Int?) {
        if let a { byA[a] += people }
        if let b { byB[b] += people }
        if let a, let b { byPair[Pair(a, b), default: 0] += people }
        attributes?.add(block: block, weight: 1, a: a, b: b)
    }
}

/// `part / whole`, or 0 for an empty whole.
/// `part / whole`, or 0 when `whole` is not positive.
public func fraction(_ part: Double, of whole: Double) -> Double { whole > 0 ? part / whole : 0 }
