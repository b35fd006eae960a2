import PlaceIO

/// What a scenario does, worked out on the blocks: coterminosity of each tier's places with the
/// systems before and after, the diff of the systems, and each new system's people, whole places and
/// pieces. Every figure is a sum over whole blocks, so it equals the one computed from the lookups
/// and the population through the scenario.
public struct ScenarioAnalysis: Sendable {
    /// One tier of places (districts, or upper-tier councils) against the systems.
    public struct Tier: Sendable {
        /// Today's places against the systems before and after.
        public let today: FootprintCoterminosity
        /// The places after the scenario against the systems before and after.
        public let after: FootprintCoterminosity
        /// The split places' blocks off their main system after the scenario (coterminosity's border.csv).
        public let border: FootprintBorder

        /// Places split between systems (people in two or more): today's places today, the new places after.
        public var splitBefore: Int { today.count(.split, after: false) }
        public var splitAfter: Int { after.count(.split, after: true) }
        /// People living in those places.
        public var peopleInSplitBefore: Double { today.rows.filter { $0.before.status == .split }.reduce(0) { $0 + $1.population } }
        public var peopleInSplitAfter: Double { after.rows.filter { $0.after.status == .split }.reduce(0) { $0 + $1.population } }
        /// Systems made of whole places, before and after.
        public var wholeSystemsBefore: Int { today.oldSystems.filter(\.madeOfWholePlaces).count }
        public var wholeSystemsAfter: Int { after.newSystems.filter(\.madeOfWholePlaces).count }
    }

    /// A system of one footprint: its people and how it sits.
    public struct System: Sendable {
        public var system: Int
        public var code: String
        public var name: String
        public var blocks: Int
        public var population: Double
        /// Residents aged 65 and over (nil without an attribute column `population_aged_65_and_over`).
        public var older: Double?
        /// Every place (lower tier) with people in it has all its people in it.
        public var wholePlaces: Bool
        public var nWholePlaces: Int
        public var nSharedPlaces: Int
        /// Connected pieces of its blocks (rook adjacency).
        public var pieces: Int
        public var onePiece: Bool { pieces <= 1 }
    }

    public let application: ScenarioApplication
    public let diff: FootprintDiff
    public let lower: Tier
    public let upper: Tier?
    /// The pieces of the systems after the scenario (rook adjacency of their blocks).
    public let contiguity: RookPieces
    /// The systems with blocks before and after, in code order.
    public let systemsBefore: [System]
    public let systemsAfter: [System]

    /// The attribute column of residents aged 65 and over, when the population carries it.
    public static let olderColumn = "population_aged_65_and_over"

    /// The systems' pieces before and after come from one pass over the blocks' segments (`RookPieces`).
    public init(_ application: ScenarioApplication, population: PopulationBlocks) throws(PlacemapError) {
        self.application = application
        let diff = try FootprintDiff(old: application.systems, new: application.newSystems, population: population)
        self.diff = diff
        func tier(_ today: Footprint, _ after: Footprint) throws(PlacemapError) -> Tier {
            let afterTier = try FootprintCoterminosity(places: after, diff: diff)
            return Tier(
                today: try FootprintCoterminosity(places: today, diff: diff), after: afterTier,
                border: try FootprintBorder(afterTier, blocks: population.blocks))
        }
        lower = try tier(application.places, application.newPlaces)
        upper = try application.upperTier.map { u throws(PlacemapError) in try tier(u, application.newUpperTier ?? u) }
        // One piece means joined through shared boundaries (rook), as in the explorer page: a system whose
        // parts meet only at a corner is two pieces (its dissolved footprint is two polygons).
        let pieces = try RookPieces.of(population.blocks, groupings: [application.systems.grouping(), application.newSystems.grouping()])
        let before = pieces[0]
        contiguity = pieces[1]
        let people = population.population
        let older = population.attributes.flatMap { a in
            a.columns.first { $0.name == Self.olderColumn && $0.kind == .counts }.map { c in
                a.blockCount > 0 ? (0..<a.blockCount).map { a.values[$0 * a.width + c.position] } : []
            }
        }
        func systems(_ f: Footprint, _ c: [FootprintCoterminosity.System], _ report: RookPieces) -> [System] {
            var pop = [Double](repeating: 0, count: f.count)
            var old: [Double]? = older.map { _ in [Double](repeating: 0, count: f.count) }
            var blocks = [Int](repeating: 0, count: f.count)
            for (k, s) in f.areaOfBlock.enumerated() {
                guard let s else { continue }
                pop[s] += people[k]
                blocks[s] += 1
                if let older { old?[s] += older[k] }
            }
            var pieces: [String: Int] = [:]
            for g in report.groups { pieces[g.group] = g.pieces.count }
            return f.codes.indices.filter { blocks[$0] > 0 }.sorted { f.codes[$0] < f.codes[$1] }.map { s in
                System(
                    system: s, code: f.codes[s], name: f.names[s], blocks: blocks[s], population: pop[s], older: old?[s],
                    wholePlaces: c[s].madeOfWholePlaces, nWholePlaces: c[s].wholePlaces.count, nSharedPlaces: c[s].sharedPlaces.count,
                    pieces: pieces[f.codes[s]] ?? 0)
            }
        }
        systemsBefore = systems(application.systems, lower.today.oldSystems, before)
        systemsAfter = systems(application.newSystems, lower.after.newSystems, contiguity)
    }

    /// Systems with fewer people than `limit` (1,000,000: the size asked of ICBs from 2026).
    public static let populationFloor = 1_000_000.0
}
