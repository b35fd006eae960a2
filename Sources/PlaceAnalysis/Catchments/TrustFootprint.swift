import PlaceIO

/// Where each trust's patients live, by place and by system, by the proportional method: each
/// block's people go to the place (and the system) holding the largest share of its area.
public struct TrustFootprint: Sendable {
    public struct Flow: Sendable {
        public var trust: Int
        public var area: Int
        public var population: Double
        public var shareOfTrust: Double
        public var shareOfArea: Double
    }

    public let catchments: Catchments
    public let places: AnalysisLayer
    public let systems: AnalysisLayer
    /// Trust × place and trust × system flows, sorted by trust then area code.
    public let placeFlows: [Flow]
    public let systemFlows: [Flow]
    /// People per place and per system (by the same block assignment).
    public let placePopulation: [Double]
    public let systemPopulation: [Double]
    /// The system holding most of each place's people.
    public let systemOfPlace: [Int?]
    /// The system from which each trust draws most of its patients: its home system.
    public let homeSystem: [Int?]
    /// Blocks in no place or no system.
    public let blocksOutsidePlaces: Int
    public let blocksOutsideSystems: Int

    public init(_ catchments: Catchments, places: AnalysisLayer, systems: AnalysisLayer) throws(PlacemapError) {
        self.init(catchments, allocation: try Self.allocation(of: catchments.blocks, places: places, systems: systems))
    }

    /// The blocks allocated to the places (layer 0) and the systems (layer 1): all a footprint needs of
    /// the geometry (the largest pieces: no representative points, no minority depths), and nothing
    /// of the patient shares, so it can be made while they are read.
    public static func allocation(of blocks: AnalysisLayer, places: AnalysisLayer, systems: AnalysisLayer) throws(PlacemapError)
        -> BlockAllocation
    {
        try BlockAllocation(blocks: blocks, layers: [places, systems], minorityDepths: false, points: false)
    }

    /// The footprint from an ``allocation(of:places:systems:)`` of the catchments' blocks.
    public init(_ catchments: Catchments, allocation: BlockAllocation) {
        let blocks = catchments.blocks
        let (places, systems) = (allocation.layers[0], allocation.layers[1])
        let placeOfBlock = allocation.largest(0)
        let systemOfBlock = allocation.largest(1)
        func flows(_ areaOfBlock: [Int?], count: Int) -> (flows: [Flow], population: [Double]) {
            var people = [Double](repeating: 0, count: count)
            var byPair: [Pair: Double] = [:]
            for (b, area) in areaOfBlock.enumerated() {
                guard let area else { continue }
                people[area] += catchments.population[b]
                for (t, share) in catchments.sharesByBlock[b] { byPair[Pair(t, area), default: 0] += share * catchments.population[b] }
            }
            let list = byPair.map { pair, p in
                Flow(
                    trust: pair.a, area: pair.b, population: p,
                    shareOfTrust: fraction(p, of: catchments.trusts[pair.a].populationProportional),
                    shareOfArea: fraction(p, of: people[pair.b]))
            }
            return (list, people)
        }
        let (pf, pp) = flows(placeOfBlock, count: places.count)
        let (sf, sp) = flows(systemOfBlock, count: systems.count)
        self.catchments = catchments
        self.places = places
        self.systems = systems
        self.placeFlows = pf.sorted {
            (catchments.trusts[$0.trust].code, places.codes[$0.area]) < (catchments.trusts[$1.trust].code, places.codes[$1.area])
        }
        self.systemFlows = sf.sorted {
            (catchments.trusts[$0.trust].code, systems.codes[$0.area]) < (catchments.trusts[$1.trust].code, systems.codes[$1.area])
        }
        self.placePopulation = pp
        self.systemPopulation = sp
        var placeSystem = [[Double]](repeating: [Double](repeating: 0, count: systems.count), count: places.count)
        for b in 0..<blocks.count {
            if let p = placeOfBlock[b], let s = systemOfBlock[b] { placeSystem[p][s] += catchments.population[b] }
        }
        self.systemOfPlace = placeSystem.map { row in row.indices.max { (row[$0], -$0) < (row[$1], -$1) }.flatMap { row[$0] > 0 ? $0 : nil }
        }
        var home = [Int?](repeating: nil, count: catchments.trusts.count)
        var best = [Double](repeating: 0, count: catchments.trusts.count)
        for f in sf where f.population > best[f.trust] {
            best[f.trust] = f.population
            home[f.trust] = f.area
        }
        self.homeSystem = home
        self.blocksOutsidePlaces = placeOfBlock.filter { $0 == nil }.count
        self.blocksOutsideSystems = systemOfBlock.filter { $0 == nil }.count
    }

    /// Systems from which a trust draws at least `minShare` of its patients.
    public func systems(of trust: Int, minShare: Double) -> [Flow] {
        systemFlows.filter { $0.trust == trust && $0.shareOfTrust >= minShare }
    }

    /// For each place, the trust serving most of its people (proportional flow), with that share.
    public var mainTrustOfPlace: [(trust: Int, share: Double)?] {
        var best = [(trust: Int, share: Double)?](repeating: nil, count: places.count)
        for f in placeFlows where f.shareOfArea > (best[f.area]?.share ?? -1) { best[f.area] = (f.trust, f.shareOfArea) }
        return best
    }
}
