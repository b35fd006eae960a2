import PlaceGeometry
import PlaceIO

/// Coterminosity's border evidence (`border.csv`) for places and systems made of whole blocks: in each
/// place split between systems, each group of its blocks in a system other than its main one (the one
/// with most people), with its people and how far it reaches into the place.
///
/// Whole blocks leave the two sides nothing to disagree on (misregistration 0, tolerance 0), so every
/// group is `interior` evidence, a real split, as `coterminosity` reports places and systems built from
/// the same blocks; the depth is measured as there, from the group's blocks to the boundary of the
/// place dissolved from its blocks (GEOS coverage union).
public struct FootprintBorder: Sendable {
    /// By place code, then system code; `place` indexes the coterminosity's places, `system` its new systems.
    public let groups: [EvidenceGroup]

    /// The groups of `coterminosity`'s places against its new systems (after), on `blocks` (the blocks
    /// of the footprints, in the same order).
    public init(_ coterminosity: FootprintCoterminosity, blocks: AnalysisLayer) throws(PlacemapError) {
        let places = coterminosity.places
        let systems = coterminosity.diff.new
        let people = coterminosity.diff.population.population
        var main: [Int: Int] = [:]
        for r in coterminosity.rows where r.after.status == .split { main[r.place] = r.after.systems.first?.system }
        var members: [Pair: [Int]] = [:]
        for k in people.indices {
            guard let p = places.areaOfBlock[k], let m = main[p], let s = systems.areaOfBlock[k], s != m else { continue }
            members[Pair(p, s), default: []].append(k)
        }
        let keyed = members.map { (pair: $0.key, blocks: $0.value.sorted { blocks.codes[$0] < blocks.codes[$1] }) }
            .filter { $0.blocks.contains { people[$0] > 0 } }
            .sorted { (places.codes[$0.pair.a], systems.codes[$0.pair.b]) < (places.codes[$1.pair.a], systems.codes[$1.pair.b]) }
        let depths = try Self.depths(keyed.map { ($0.pair.a, $0.blocks) }, places: places, blocks: blocks)
        groups = zip(keyed, depths).map { g, depth in
            EvidenceGroup(
                place: g.pair.a, system: g.pair.b, blocks: g.blocks, population: g.blocks.reduce(0) { $0 + people[$1] }, depth: depth,
                kind: .interior, neighbour: nil)
        }
    }

    /// For each group, the deepest reach of its blocks into its place (dissolved once per place, on every core).
    static func depths(_ groups: [(place: Int, blocks: [Int])], places: Footprint, blocks: AnalysisLayer) throws(PlacemapError) -> [Double]
    {
        let split = Array(Set(groups.map(\.place))).sorted()
        var ofPlace = [Int: [Int]]()
        for (k, p) in places.areaOfBlock.enumerated() { if let p { ofPlace[p, default: []].append(k) } }
        let placeBlocks = ofPlace
        let byPlace = try ParallelGEOS.map(split.count, state: { GeometryCache(blocks, context: $0) }) {
            (cache, n) throws(PlacemapError) -> [Int: Double] in
            let place = split[n]
            do {
                let area = try Dissolve.dissolve(placeBlocks[place] ?? [], blocks: blocks, cache: cache)
                let boundary = try PreparedGeometry(Geometry(area.shape, in: cache.context).boundary())
                var out: [Int: Double] = [:]
                for (g, group) in groups.enumerated() where group.place == place {
                    var deepest = 0.0
                    for k in group.blocks { deepest = max(deepest, try InteriorEvidence.depth(of: cache.geometry(k), into: boundary)) }
                    out[g] = deepest
                }
                return out
            } catch {
                throw PlacemapError(
                    .badData, file: blocks.source, featureCode: places.codes[place],
                    message: "GEOS could not measure how deep the blocks of other systems lie in \(places.codes[place]): \(error)",
                    hint: "repair the blocks (placemap validate FILE --fix OUT) and try again")
            }
        }
        var out = [Double](repeating: 0, count: groups.count)
        for depths in byPlace { for (g, d) in depths { out[g] = d } }
        return out
    }
}
