import PlaceGeometry
import PlaceIO

/// How a group of blocks of a second system inside a place is read.
public enum EvidenceKind: String, Sendable {
    /// The blocks reach deeper into the place than the layers' misregistration: a real split.
    case interior
    /// The blocks lie within the misregistration of the place's edge: no evidence of a split.
    case border
    /// The misregistration is too large for blocks this deep to tell a split from an artefact.
    case undecidable
}

/// The blocks of one place that lie in a system other than the place's main one (each block going
/// to the place and the system holding most of its area).
public struct EvidenceGroup: Sendable {
    public var place: Int
    public var system: Int
    /// Block positions, ascending.
    public var blocks: [Int]
    public var population: Double
    /// How far the blocks reach into the place: the largest distance from a point of their part in
    /// the place to the place's boundary, in metres.
    public var depth: Double
    public var kind: EvidenceKind
    /// A neighbouring place of that system the blocks also overlap (where they probably belong).
    public var neighbour: Int?
}

/// Whether a place's blocks of other systems are evidence of a split: they must reach deeper into the
/// place than the boundaries of the two layers disagree.
///
/// The disagreement (misregistration) is measured from the blocks' own minority pieces: a block
/// assigned to the area holding most of it leaves pieces in neighbouring areas, and how far those
/// reach into their areas is how far the layers' boundaries are apart. It is 0 for layers built
/// from the blocks.
public struct InteriorEvidence: Sendable {
    /// The deepest minority piece of a block in the places layer and in the systems layer, in metres.
    public let placesMisregistration: Double
    public let systemsMisregistration: Double
    /// The tolerance used: given, or the larger measured misregistration.
    public let tolerance: Double
    public let toleranceMeasured: Bool
    /// Border groups become `undecidable` when the tolerance exceeds this (metres).
    public let decidableLimit: Double
    /// Groups of every place, by place then system code.
    public let groups: [EvidenceGroup]
    /// For each block, the place and system holding most of its area.
    public let placeOfBlock: [Int?]
    public let systemOfBlock: [Int?]

    /// By default a tolerance above 1.5 km makes border groups undecidable: in England the shallowest
    /// real split along LSOA lines reaches about 3 km into its council, the artefacts of 500 m
    /// generalisation about 0.5 km.
    public static let defaultDecidableLimit = 1_500.0

    public var undecidable: Bool { groups.contains { $0.kind == .undecidable } }

    /// Builds the groups from an allocation of `blocks` to `places` (position `lp`) and `systems` (`ls`).
    public init(
        allocation: BlockAllocation, places lp: Int, systems ls: Int, people: [Double], tolerance: Double? = nil,
        decidableLimit: Double = InteriorEvidence.defaultDecidableLimit
    ) throws(PlacemapError) {
        let places = allocation.layers[lp]
        let systems = allocation.layers[ls]
        let inPlace = allocation.largest(lp)
        let inSystem = allocation.largest(ls)
        var counts = [[Int: Double]](repeating: [:], count: places.count)
        var members = [Pair: [Int]]()
        for k in people.indices {
            guard let p = inPlace[k], let s = inSystem[k] else { continue }
            counts[p][s, default: 0] += people[k]
            members[Pair(p, s), default: []].append(k)
        }
        let main = counts.map { c in c.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key }
        // Every group off its place's main system, with people in it.
        var candidates: [(pair: Pair, blocks: [Int], people: Double)] = []
        for (pair, blocks) in members where main[pair.a] != pair.b {
            let total = blocks.reduce(0) { $0 + people[$1] }
            if total > 0 { candidates.append((pair, blocks, total)) }
        }
        let pRanks = places.codeRanks
        let sRanks = systems.codeRanks
        candidates.sort { (pRanks[$0.pair.a], sRanks[$0.pair.b]) < (pRanks[$1.pair.a], sRanks[$1.pair.b]) }
        let depths = try Self.depths(of: candidates.map { ($0.pair.a, $0.blocks) }, blocks: allocation.blocks, places: places)
        let measuredPlaces = allocation.minority[lp].reduce(0) { max($0, $1.depth) }
        let measuredSystems = allocation.minority[ls].reduce(0) { max($0, $1.depth) }
        let used = tolerance ?? max(measuredPlaces, measuredSystems)
        self.groups = candidates.enumerated().map { n, c in
            let kind: EvidenceKind = depths[n] > used ? .interior : used > decidableLimit ? .undecidable : .border
            // Where the blocks probably belong: a place of this system they also overlap, the most.
            var neighbour: (place: Int, area: Double)?
            for k in c.blocks {
                for piece in allocation.pieces[lp][k] where piece.b != c.pair.a && main[piece.b] == c.pair.b {
                    if piece.area > neighbour?.area ?? 0 { neighbour = (piece.b, piece.area) }
                }
            }
            return EvidenceGroup(
                place: c.pair.a, system: c.pair.b, blocks: c.blocks.sorted(), population: c.people, depth: depths[n], kind: kind,
                neighbour: neighbour?.place)
        }
        self.placesMisregistration = measuredPlaces
        self.systemsMisregistration = measuredSystems
        self.tolerance = used
        self.toleranceMeasured = tolerance == nil
        self.decidableLimit = decidableLimit
        self.placeOfBlock = inPlace
        self.systemOfBlock = inSystem
    }

    /// The group of a (place, system) pair, if the pair is off the place's main system.
    public func group(place: Int, system: Int) -> EvidenceGroup? {
        groups.first { $0.place == place && $0.system == system }
    }

    /// For each group, the deepest reach of its blocks' parts inside its place.
    static func depths(of groups: [(place: Int, blocks: [Int])], blocks: AnalysisLayer, places: AnalysisLayer) throws(PlacemapError)
        -> [Double]
    {
        let items = groups.enumerated().flatMap { n, g in g.blocks.map { (group: n, place: g.place, block: $0) } }
        let each = try ParallelGEOS.map(items.count, state: { AreaCache(places, context: $0) }) {
            (cache, i) throws(PlacemapError) -> Double in
            let item = items[i]
            do {
                let block = try Geometry(blocks.features[item.block].shape, in: cache.context)
                let area = try cache.prepared(item.place)
                let part = try area.containsProperly(block) ? block : try block.intersection(cache.geometry(item.place))
                return try depth(of: part, into: cache.boundary(item.place))
            } catch {
                throw PlacemapError(
                    .badData, file: blocks.source, featureIndex: item.block, featureCode: blocks.codes[item.block],
                    message: "GEOS could not measure how deep this block lies in \(places.codes[item.place]): \(error)",
                    hint: "repair the layers (placemap validate FILE --fix OUT) and try again")
            }
        }
        var out = [Double](repeating: 0, count: groups.count)
        for (i, item) in items.enumerated() { out[item.group] = max(out[item.group], each[i]) }
        return out
    }

    /// How far `piece` reaches from `boundary`: the largest distance from its vertices, the midpoints of
    /// its edges and a point inside it.
    static func depth(of piece: Geometry, into boundary: PreparedGeometry) throws(GeometryError) -> Double {
        guard !piece.isEmpty else { return 0 }
        let shape = try piece.shape()
        let c = shape.coordinates
        var deepest = 0.0
        for ring in shape.ringEnds.indices {
            let range = shape.ringRange(ring)
            for i in range {
                deepest = max(deepest, try boundary.distance(x: c[2 * i], y: c[2 * i + 1]))
                if i + 1 < range.upperBound {
                    deepest = max(deepest, try boundary.distance(x: (c[2 * i] + c[2 * i + 2]) / 2, y: (c[2 * i + 1] + c[2 * i + 3]) / 2))
                }
            }
        }
        let inside = try piece.representativePoint()
        return max(deepest, try boundary.distance(x: inside.x, y: inside.y))
    }
}
