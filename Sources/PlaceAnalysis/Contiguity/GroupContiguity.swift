import PlaceIO

/// Whether the members of one group form one connected piece.
public struct GroupContiguity: Sendable {
    public var group: String
    /// Members, ascending by code.
    public var members: [Int]
    /// Connected pieces through the group's own edges (rook and queen, or rook only), largest (by area) first.
    public var pieces: [[Int]]
    /// Members outside the largest piece, ascending by code.
    public var exclaves: [Int]

    public var connected: Bool { pieces.count <= 1 }
}

extension ContiguityGraph {
    /// Each group's pieces, using only edges whose two ends are both in the group (with `rookOnly`,
    /// only those that share a boundary of positive length: members meeting at a corner are two
    /// pieces); sorted by group.
    public func groups(_ grouping: Grouping, rookOnly: Bool = false) -> [GroupContiguity] {
        GroupContiguity.groups(of: layer, grouping, links: edges.lazy.filter { !rookOnly || $0.kind == .rook }.map { ($0.a, $0.b) })
    }
}

extension GroupContiguity {
    /// Each group's pieces through those of `links` whose two ends are both in the group; sorted by group.
    static func groups<Links: Sequence<(Int, Int)>>(of layer: AnalysisLayer, _ grouping: Grouping, links: Links) -> [GroupContiguity] {
        let groupOf = grouping.groupOf
        var sets = DisjointSets(layer.count)
        for (a, b) in links where groupOf[a] != nil && groupOf[a] == groupOf[b] { sets.join(a, b) }
        var members: [String: [Int]] = [:]
        for (i, g) in groupOf.enumerated() { if let g { members[g, default: []].append(i) } }
        return members.keys.sorted().map { g in
            let pieces = Components(members: sets.groups(members[g] ?? []), layer: layer).pieces
            let sorted = (members[g] ?? []).sorted { layer.codes[$0] < layer.codes[$1] }
            let exclaves = pieces.dropFirst().flatMap { $0 }.sorted { layer.codes[$0] < layer.codes[$1] }
            return GroupContiguity(group: g, members: sorted, pieces: pieces, exclaves: exclaves)
        }
    }
}
