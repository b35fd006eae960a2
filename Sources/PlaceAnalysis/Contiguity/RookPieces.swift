import PlaceGeometry
import PlaceIO

/// The pieces of the groups of a layer under rook adjacency (members joined through a boundary of
/// positive length they share; members meeting only at a corner are separate pieces), for several
/// groupings at once, without building the whole contiguity graph.
///
/// Two valid polygons whose rings hold the same segment (the same two end points, either way round)
/// share a line of positive length: rook neighbours. Hashing every segment finds all such pairs in
/// one pass, which is every rook pair of a coverage whose neighbours share vertices (LSOAs, areas
/// built from them). What the hash can miss (a vertex of one lying on the other's edge, overlapping
/// features, layers that do not share vertices) can only join pieces, never split them: so in each
/// group still in several pieces, every pair of members in different pieces whose boxes meet is
/// tested exactly with GEOS (as `ContiguityGraph` does: their intersection has a positive area or a
/// positive length), and the rook pairs join. The result equals
/// `ContiguityGraph.groups(_:rookOnly: true)` for a tolerance of 0; only the cost differs.
public struct RookPieces: Sendable {
    public let layer: AnalysisLayer
    public let grouping: Grouping
    /// Each group's pieces, sorted by group (as `ContiguityGraph.groups`).
    public let groups: [GroupContiguity]
    /// Pairs of features found sharing a segment (in the whole layer).
    public let sharedSegmentPairs: Int
    /// Pairs of members of one group tested with GEOS, and those of them that are rook neighbours.
    public let testedPairs: Int
    public let testedRookPairs: Int

    /// The method in words, for provenance.
    public static let method = """
        rook: members of a group are joined when they share a boundary of positive length (or their interiors \
        overlap); members meeting only at points are not joined. Pairs sharing a segment (the same two vertices) \
        are found by hashing the segments; in each group left in several pieces, pairs of members in different \
        pieces whose boxes meet are tested with GEOS (intersection of positive area or length); tolerance 0
        """

    /// The pieces of each grouping's groups, in the order of `groupings`.
    public static func of(_ layer: AnalysisLayer, groupings: [Grouping]) throws(PlacemapError) -> [RookPieces] {
        let shared = sharedSegmentPairs(layer)
        var perGrouping: [(groupOf: [String?], candidates: [Pair])] = []
        var wanted = Set<Pair>()
        for grouping in groupings {
            let groupOf = grouping.groupOf
            var sets = DisjointSets(layer.count)
            for p in shared where groupOf[p.a] != nil && groupOf[p.a] == groupOf[p.b] { sets.join(p.a, p.b) }
            let candidates = crossPieceCandidates(layer, groupOf: groupOf, sets: &sets)
            perGrouping.append((groupOf, candidates))
            wanted.formUnion(candidates)
        }
        let tested = Array(wanted).sorted { ($0.a, $0.b) < ($1.a, $1.b) }
        let rook = try rookPairs(tested, layer)
        return zip(groupings, perGrouping).map { grouping, g in
            let links =
                shared.filter { g.groupOf[$0.a] != nil && g.groupOf[$0.a] == g.groupOf[$0.b] }
                + g.candidates.filter { rook.contains($0) }
            return RookPieces(
                layer: layer, grouping: grouping, groups: GroupContiguity.groups(of: layer, grouping, links: links.map { ($0.a, $0.b) }),
                sharedSegmentPairs: shared.count, testedPairs: g.candidates.count,
                testedRookPairs: g.candidates.count { rook.contains($0) })
        }
    }

    /// A segment by its two end points' bit patterns, the smaller point first.
    struct SegmentKey: Hashable {
        var x0: UInt64, y0: UInt64, x1: UInt64, y1: UInt64

        init(_ ax: Double, _ ay: Double, _ bx: Double, _ by: Double) {
            // +0 and -0 are one coordinate.
            let (ax, ay, bx, by) = (ax + 0, ay + 0, bx + 0, by + 0)
            if (ax, ay) < (bx, by) {
                (x0, y0, x1, y1) = (ax.bitPattern, ay.bitPattern, bx.bitPattern, by.bitPattern)
            } else {
                (x0, y0, x1, y1) = (bx.bitPattern, by.bitPattern, ax.bitPattern, ay.bitPattern)
            }
        }
    }

    /// Pairs of polygonal features (a < b by position) whose rings hold an identical segment of positive length.
    static func sharedSegmentPairs(_ layer: AnalysisLayer) -> [Pair] {
        var first: [SegmentKey: Int] = [:]
        first.reserveCapacity(layer.features.reduce(0) { $0 + $1.shape.pointCount })
        var pairs = Set<Pair>()
        for (f, feature) in layer.features.enumerated() {
            let shape = feature.shape
            guard shape.isPolygonal else { continue }
            let c = shape.coordinates
            for ring in shape.ringEnds.indices {
                let range = shape.ringRange(ring)
                for p in range {
                    let q = p + 1 == range.upperBound ? range.lowerBound : p + 1
                    let (ax, ay, bx, by) = (c[2 * p], c[2 * p + 1], c[2 * q], c[2 * q + 1])
                    if ax == bx, ay == by { continue }
                    let key = SegmentKey(ax, ay, bx, by)
                    if let other = first[key] {
                        if other != f { pairs.insert(Pair(min(other, f), max(other, f))) }
                    } else {
                        first[key] = f
                    }
                }
            }
        }
        return pairs.sorted { ($0.a, $0.b) < ($1.a, $1.b) }
    }

    /// In groups left in several pieces by `sets`: pairs of members (a < b) in different pieces whose boxes meet.
    static func crossPieceCandidates(_ layer: AnalysisLayer, groupOf: [String?], sets: inout DisjointSets) -> [Pair] {
        var root: [String: Int] = [:]
        var split = Set<String>()
        for (i, g) in groupOf.enumerated() {
            guard let g else { continue }
            let r = sets.root(i)
            if let known = root[g] {
                if known != r { split.insert(g) }
            } else {
                root[g] = r
            }
        }
        var out: [Pair] = []
        for (i, g) in groupOf.enumerated() {
            guard let g, split.contains(g), let box = layer.features[i].shape.bounds else { continue }
            for j in layer.index.query(box) where j > i && groupOf[j] == g && sets.root(i) != sets.root(j) {
                out.append(Pair(i, j))
            }
        }
        return out
    }

    /// The pairs among `pairs` that are rook neighbours, tested with GEOS on every core.
    static func rookPairs(_ pairs: [Pair], _ layer: AnalysisLayer) throws(PlacemapError) -> Set<Pair> {
        let isRook = try ParallelGEOS.map(pairs.count, state: { GeometryCache(layer, context: $0) }) {
            (cache, k) throws(PlacemapError) -> Bool in
            let (a, b) = (pairs[k].a, pairs[k].b)
            do {
                let (ga, gb) = (try cache.geometry(a), try cache.geometry(b))
                guard try ga.intersects(gb) else { return false }
                return try Contiguity.contact(ga, gb)?.kind == .rook
            } catch {
                throw PlacemapError(
                    .badData, file: layer.source, featureIndex: a, featureCode: layer.codes[a],
                    message: "GEOS could not compare this feature with \(layer.codes[b]): \(error)",
                    hint: "repair the layer (placemap validate FILE --fix OUT) and try again")
            }
        }
        return Set(zip(pairs, isRook).filter(\.1).map(\.0))
    }
}
