import PlaceGeometry
import PlaceIO

/// Acute trust catchment populations by the OHID proportional-flow method and by first past the post.
public struct Catchments: Sendable {
    public struct Trust: Sendable {
        public var code: String
        /// Σ over areas of share × area population (OHID proportional flow).
        public var populationProportional: Double
        /// Population of the areas where this trust has the largest share.
        public var populationFirstPastThePost: Double
        /// Areas (block positions) where this trust has the largest share.
        public var firstAreas: [Int]
        /// The blocks' attributes by each method (stored sums, see ``BlockAttributes/finish(_:)``).
        public var attributesProportional: [Double] = []
        public var attributesFirstPastThePost: [Double] = []
    }

    public let blocks: AnalysisLayer
    /// Population of each block.
    public let population: [Double]
    public let shares: PatientShares
    /// Sorted by trust code.
    public let trusts: [Trust]
    /// For each block, its trusts and shares.
    public let sharesByBlock: [[(trust: Int, share: Double)]]

    public var total: Double { population.reduce(0, +) }
    /// People not attributed to any trust by the proportional method (shares summing below 1).
    public var unattributed: Double { total - trusts.reduce(0) { $0 + $1.populationProportional } }

    /// Attributes of the blocks (e.g. age bands), carried by both methods with the population.
    public let attributes: BlockAttributes?

    /// `population` maps block codes to people; blocks missing from it count 0. `attributes` (over
    /// the blocks, in their order) are shared with the same weights.
    public init(blocks: AnalysisLayer, population: [String: Double], shares: PatientShares, attributes: BlockAttributes? = nil) {
        let positions = blocks.positions
        let trustCodes = Array(Set(shares.entries.map(\.trust))).sorted()
        let trustIndex = Dictionary(uniqueKeysWithValues: trustCodes.enumerated().map { ($1, $0) })
        var byBlock = [[(trust: Int, share: Double)]](repeating: [], count: blocks.count)
        for e in shares.entries {
            guard let b = positions[e.area], let t = trustIndex[e.trust] else { continue }
            byBlock[b].append((t, e.share))
        }
        let people = blocks.codes.map { population[$0] ?? 0 }
        let width = attributes?.width ?? 0
        let zeros = [Double](repeating: 0, count: width)
        var trusts = trustCodes.map {
            Trust(
                code: $0, populationProportional: 0, populationFirstPastThePost: 0, firstAreas: [], attributesProportional: zeros,
                attributesFirstPastThePost: zeros)
        }
        for (b, list) in byBlock.enumerated() {
            let values = attributes?.row(b) ?? []
            for (t, share) in list {
                trusts[t].populationProportional += share * people[b]
                for (j, v) in values.enumerated() { trusts[t].attributesProportional[j] += share * v }
            }
            // Largest share first; a tie goes to the lower trust code.
            if let first = list.min(by: { ($1.share, $0.trust) < ($0.share, $1.trust) }) {
                trusts[first.trust].populationFirstPastThePost += people[b]
                trusts[first.trust].firstAreas.append(b)
                for (j, v) in values.enumerated() { trusts[first.trust].attributesFirstPastThePost[j] += v }
            }
        }
        self.blocks = blocks
        self.population = people
        self.shares = shares
        self.trusts = trusts
        self.sharesByBlock = byBlock
        self.attributes = attributes
    }

    /// Blocks where trust `t` takes at least `minShare` of patients.
    public func areas(of t: Int, atLeast minShare: Double) -> [Int] {
        sharesByBlock.indices.filter { b in sharesByBlock[b].contains { $0.trust == t && $0.share >= minShare } }
    }

    /// First-past-the-post catchments: for each trust, the blocks where it is first, dissolved.
    public func firstPastThePostPolygons() throws(PlacemapError) -> [DissolvedArea] {
        var groups = [(code: String, name: String)?](repeating: nil, count: blocks.count)
        for trust in trusts { for b in trust.firstAreas { groups[b] = (trust.code, "") } }
        return try Dissolve.run(blocks, grouping: Grouping(source: shares.source, field: "trust_code", groups: groups))
    }

    /// For each trust, the blocks where it takes at least `minShare` of patients, dissolved. These
    /// catchments may overlap each other, so each trust is dissolved on its own.
    public func polygons(atLeast minShare: Double) throws(PlacemapError) -> [DissolvedArea] {
        var result: [DissolvedArea] = []
        for t in trusts.indices {
            let list = areas(of: t, atLeast: minShare)
            guard !list.isEmpty else { continue }
            var groups = [(code: String, name: String)?](repeating: nil, count: blocks.count)
            for b in list { groups[b] = (trusts[t].code, "") }
            result += try Dissolve.run(blocks, grouping: Grouping(source: shares.source, field: "trust_code", groups: groups))
        }
        return result
    }
}
