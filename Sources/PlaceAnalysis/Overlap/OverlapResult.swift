import PlaceGeometry
import PlaceIO

/// One overlap between a feature of A and a feature of B.
public struct OverlapRow: Sendable {
    public var a: Int
    public var b: Int
    public var area: Double
    public var shareOfA: Double
    public var shareOfB: Double
    public var population: Double?
    public var populationShareOfA: Double?
    public var populationShareOfB: Double?
    public var shape: Shape?
}

/// Options of an overlap run.
public struct OverlapOptions: Sendable {
    /// Pieces below this share of both their A and their B feature (and holding no population when
    /// population is given) are slivers, set aside and counted.
    public var minShare: Double = 0
    public var keepShapes = false
    public var population: PopulationBlocks?
    public var method: PopulationMethod = .centroid
    /// The blocks already allocated to A and B (with other layers, perhaps): saves a pass.
    public var allocation: BlockAllocation?
    public var progress: ProgressHandler?

    public init() {}
}

/// The overlaps of two layers with their shares, population and provenance.
public struct OverlapResult: Sendable {
    public let a: AnalysisLayer
    public let b: AnalysisLayer
    /// Sorted by A code, then B code.
    public var rows: [OverlapRow]
    public var slivers: (count: Int, area: Double)
    public var split: PopulationSplit?
    public let options: OverlapOptions
    /// How many candidate pairs of the overlay were settled from coordinates and how many by GEOS.
    public let settlement: PairSettlement

    /// Overlays A and B, weighting by population when `options.population` is set.
    public init(a: AnalysisLayer, b: AnalysisLayer, options: OverlapOptions) throws(PlacemapError) {
        self.a = a
        self.b = b
        self.options = options
        let overlay = try PhaseClock.time("overlay") { () throws(PlacemapError) in
            try Overlay.settled(a, b, keepShapes: options.keepShapes, progress: options.progress)
        }
        self.settlement = overlay.settlement
        let pieces = overlay.pieces.flatMap { $0 }
        var split: PopulationSplit?
        if let population = options.population {
            split = try PhaseClock.time("population split") { () throws(PlacemapError) in
                try PopulationWeighting.split(population, a: a, b: b, method: options.method, allocation: options.allocation)
            }
        }
        var rows: [OverlapRow] = []
        var seen = Set<Pair>()
        for p in pieces {
            seen.insert(Pair(p.a, p.b))
            rows.append(
                OverlapRow(
                    a: p.a, b: p.b, area: p.area, shareOfA: fraction(p.area, of: a.areas[p.a]),
                    shareOfB: fraction(p.area, of: b.areas[p.b]), shape: options.keepShapes ? p.shape : nil))
        }
        // Population can land on a pair with no area in common (a block's point or largest share
        // falling across misaligned boundaries): keep it, with area 0, so that totals add up.
        if let split {
            for (pair, people) in split.byPair where !seen.contains(pair) && people > 0 {
                rows.append(OverlapRow(a: pair.a, b: pair.b, area: 0, shareOfA: 0, shareOfB: 0))
            }
            for k in rows.indices {
                let people = split.byPair[Pair(rows[k].a, rows[k].b)] ?? 0
                rows[k].population = people
                rows[k].populationShareOfA = fraction(people, of: split.byA[rows[k].a])
                rows[k].populationShareOfB = fraction(people, of: split.byB[rows[k].b])
            }
        }
        var sliverCount = 0
        var sliverArea = 0.0
        rows.removeAll { row in
            let sliver = row.shareOfA < options.minShare && row.shareOfB < options.minShare && (row.population ?? 0) == 0
            if sliver {
                sliverCount += 1
                sliverArea += row.area
            }
            return sliver
        }
        let rankA = a.codeRanks
        let rankB = b.codeRanks
        rows.sort { (rankA[$0.a], rankB[$0.b]) < (rankA[$1.a], rankB[$1.b]) }
        self.rows = rows
        self.slivers = (sliverCount, sliverArea)
        self.split = split
    }
}
