import PlaceIO

/// Whether a place lies in one system, several, or none.
public enum PlaceStatus: String, Sendable, CaseIterable {
    /// Wholly in one system (slivers aside).
    case coterminous
    /// Real shares in two or more systems.
    case split
    /// In no system.
    case outside
    /// Without population: a real share (above the sliver share, deeper than the tolerance) lies
    /// outside every system. With population: some of its people live in no system (a lookup's gap).
    case partlyOutside = "partly outside"
    /// Its other systems' blocks lie within the layers' misregistration of its edge, and that
    /// misregistration is too large to tell a split from an artefact.
    case undecidable
}

/// Options of a coterminosity run.
public struct CoterminosityOptions: Sendable {
    /// Without population, a place × system overlap below this share of the place's area is a sliver:
    /// reported, but it never makes a place split. With population the test is people, not area: an
    /// overlap where nobody lives is a sliver, however large (generalised boundaries that do not line
    /// up make such pieces, and no area threshold tells them from real splits).
    public var sliverShare = 0.005
    public var population: PopulationBlocks?
    public var method: PopulationMethod = .largestShare
    /// The blocks already allocated to the places and systems (with other layers, perhaps): the main
    /// job allocates them once to both place layers and the systems.
    public var allocation: BlockAllocation?
    /// How far, in metres, blocks (with population, largest share) or pieces (by area) of another
    /// system must reach into a place to make it split. Nil: the misregistration measured from the
    /// blocks' minority pieces, or from the slivers by area.
    public var tolerance: Double?
    /// Blocks with people that a lookup or table left out, allowed by the user: reported with the result.
    public var gaps: [CoverageGap] = []
    /// A tolerance above this (metres) makes border groups undecidable.
    public var decidableLimit = InteriorEvidence.defaultDecidableLimit
    public var progress: ProgressHandler?

    public init() {}
}

/// Which places (e.g. council areas) line up with which systems (e.g. ICBs).
public struct Coterminosity: Sendable {
    public struct PlaceResult: Sendable {
        public var place: Int
        public var status: PlaceStatus
        /// The system holding most of the place's population (area without population).
        public var mainSystem: Int?
        public var mainShare: Double
        /// Overlaps that count (slivers excluded), largest share first.
        public var pairs: [OverlapRow]
        public var slivers: [OverlapRow]
        /// Overlaps with people whose blocks lie within the tolerance of the place's edge (border
        /// uncertainty), and those too shallow to decide: neither makes the place split.
        public var border: [OverlapRow] = []
        public var undecidable: [OverlapRow] = []
        public var population: Double?
    }

    public struct SystemResult: Sendable {
        public var system: Int
        /// Places overlapping the system (slivers aside), coterminous ones and split ones.
        public var places: [Int]
        public var wholePlaces: [Int]
        public var sharedPlaces: [Int]
        public var population: Double?
        /// Population living in places wholly inside the system.
        public var populationInWholePlaces: Double?
        /// The attributes' stored sums over places wholly inside the system (see ``AttributeSplit``).
        public var attributesInWholePlaces: [Double]?
        /// True when every place it touches lies wholly inside it.
        public var madeOfWholePlaces: Bool { sharedPlaces.isEmpty && !wholePlaces.isEmpty }
    }

    public let overlap: OverlapResult
    public let options: CoterminosityOptions
    public let places: [PlaceResult]
    public let systems: [SystemResult]
    /// With population and the largest-share method: how deep each place's other systems reach.
    public let evidence: InteriorEvidence?
    /// By area (no population): how deep each place's pieces in other systems and outside them reach.
    public let areaEvidence: AreaEvidence?
    /// Small overlaps between places or between systems (tolerated; gross ones are refused).
    public let partitionOverlaps: [PartitionOverlap]

    public var placesLayer: AnalysisLayer { overlap.a }
    public var systemsLayer: AnalysisLayer { overlap.b }
    public var sliverCount: Int { places.reduce(0) { $0 + $1.slivers.count } }
    public var weighted: Bool { overlap.split != nil }

    public init(places: AnalysisLayer, systems: AnalysisLayer, options: CoterminosityOptions) throws(PlacemapError) {
        var o = OverlapOptions()
        o.population = options.population
        o.method = options.method
        o.allocation = options.allocation
        o.progress = options.progress
        if let population = options.population {
            let (allocation, _, _) = try PopulationWeighting.prepared(
                options.allocation, population.blocks, places, systems, method: options.method, progress: options.progress)
            o.allocation = allocation
        }
        partitionOverlaps = try PartitionCheck.check(places, role: "places") + PartitionCheck.check(systems, role: "systems")
        o.keepShapes = options.population == nil
        var overlap = try OverlapResult(a: places, b: systems, options: o)
        var areaEvidence: AreaEvidence?
        if options.population == nil {
            areaEvidence = try AreaEvidence(
                overlap: overlap, sliverShare: options.sliverShare, tolerance: options.tolerance, decidableLimit: options.decidableLimit)
            for k in overlap.rows.indices { overlap.rows[k].shape = nil }
        }
        self.areaEvidence = areaEvidence
        var evidence: InteriorEvidence?
        if let population = options.population, options.method == .largestShare, let allocation = o.allocation,
            let lp = allocation.position(of: places), let ls = allocation.position(of: systems)
        {
            evidence = try InteriorEvidence(
                allocation: allocation, places: lp, systems: ls, people: population.population, tolerance: options.tolerance,
                decidableLimit: options.decidableLimit)
        }
        self.evidence = evidence
        self.overlap = overlap
        self.options = options
        let (kinds, outsideKind) = Self.evidenceKinds(evidence, areaEvidence)
        self.places = Self.placeResults(overlap, placeCount: places.count, options: options, kinds: kinds, outsideKind: outsideKind)
        self.systems = Self.systemResults(self.places, overlap: overlap, systemCount: systems.count)
    }

    /// The kind of evidence of each (place, system) pair, and of each place's part outside every system.
    static func evidenceKinds(_ evidence: InteriorEvidence?, _ areaEvidence: AreaEvidence?)
        -> (pairs: [Pair: EvidenceKind], outside: [Int: EvidenceKind])
    {
        var kinds = [Pair: EvidenceKind]()
        for g in evidence?.groups ?? [] { kinds[Pair(g.place, g.system)] = g.kind }
        var outsideKind = [Int: EvidenceKind]()
        for piece in areaEvidence?.pieces ?? [] {
            if let system = piece.system { kinds[Pair(piece.place, system)] = piece.kind } else { outsideKind[piece.place] = piece.kind }
        }
        return (kinds, outsideKind)
    }

    /// Each place's status, its systems, slivers and border pieces.
    static func placeResults(
        _ overlap: OverlapResult, placeCount: Int, options: CoterminosityOptions, kinds: [Pair: EvidenceKind],
        outsideKind: [Int: EvidenceKind]
    ) -> [PlaceResult] {
        let weighted = overlap.split != nil
        var byPlace = [[OverlapRow]](repeating: [], count: placeCount)
        for r in overlap.rows { byPlace[r.a].append(r) }
        func share(_ r: OverlapRow) -> Double { weighted ? r.populationShareOfA ?? 0 : r.shareOfA }
        var results: [PlaceResult] = []
        for p in 0..<placeCount {
            let isSliver = { (r: OverlapRow) in weighted ? (r.population ?? 0) <= 0 : r.shareOfA < options.sliverShare }
            let counted = byPlace[p].filter { !isSliver($0) }.sorted { (share($0), -$0.b) > (share($1), -$1.b) }
            // Off the main system, only interior evidence counts.
            let kind = { (r: OverlapRow) in r.b == counted.first?.b ? EvidenceKind.interior : kinds[Pair(r.a, r.b)] ?? .interior }
            let kept = counted.filter { kind($0) == .interior }
            let undecidable = counted.filter { kind($0) == .undecidable }
            var status: PlaceStatus =
                kept.isEmpty ? .outside : kept.count == 1 ? (undecidable.isEmpty ? .coterminous : .undecidable) : .split
            let outsideShare = 1 - byPlace[p].reduce(0) { $0 + $1.shareOfA }
            // By area, a part outside every system counts only if it reaches deeper than the tolerance:
            // coastlines drawn differently are not outside.
            if !weighted, status == .coterminous, outsideShare >= options.sliverShare, outsideKind[p] ?? .interior == .interior {
                status = .partlyOutside
            }
            // With population and gaps allowed, people of the place in no system (blocks a systems
            // lookup left out) make it partly outside, never coterminous.
            if weighted, !options.gaps.isEmpty, status == .coterminous, let people = overlap.split?.byA[p],
                people - byPlace[p].reduce(0, { $0 + ($1.population ?? 0) }) > 0.5
            {
                status = .partlyOutside
            }
            results.append(
                PlaceResult(
                    place: p, status: status, mainSystem: kept.first?.b, mainShare: kept.first.map(share) ?? 0,
                    pairs: kept, slivers: byPlace[p].filter(isSliver), border: counted.filter { kind($0) == .border },
                    undecidable: undecidable, population: overlap.split?.byA[p]))
        }
        return results
    }

    /// Each system's places, whole and shared, with the people (and attributes) of its whole places.
    static func systemResults(_ results: [PlaceResult], overlap: OverlapResult, systemCount: Int) -> [SystemResult] {
        let weighted = overlap.split != nil
        var bySystem = (0..<systemCount).map {
            SystemResult(
                system: $0, places: [], wholePlaces: [], sharedPlaces: [], population: overlap.split?.byB[$0],
                populationInWholePlaces: weighted ? 0 : nil,
                attributesInWholePlaces: overlap.split?.attributes.map { Array(repeating: 0, count: $0.width) })
        }
        for place in results {
            for r in place.pairs {
                bySystem[r.b].places.append(place.place)
                if place.status == .coterminous {
                    bySystem[r.b].wholePlaces.append(place.place)
                    if weighted {
                        bySystem[r.b].populationInWholePlaces = (bySystem[r.b].populationInWholePlaces ?? 0) + (place.population ?? 0)
                    }
                    if let attributes = overlap.split?.attributes {
                        let sums = attributes.a(place.place)
                        for j in 0..<attributes.width { bySystem[r.b].attributesInWholePlaces?[j] += sums[sums.startIndex + j] }
                    }
                } else {
                    bySystem[r.b].sharedPlaces.append(place.place)
                }
            }
        }
        return bySystem
    }

    /// Places with each status.
    public func count(_ status: PlaceStatus) -> Int { places.filter { $0.status == status }.count }
}
