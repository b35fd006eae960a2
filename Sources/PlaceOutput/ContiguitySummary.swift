import PlaceAnalysis

extension ContiguityReport {
    /// The graph for the terminal: edges, components, islands, repairs, and each group connected or not.
    public var summary: String {
        let r = self
        let g = r.graph
        let l = g.layer
        let named = { (i: Int) in "\(l.codes[i]) \(l.names[i])".trimmingCharacters(in: .whitespaces) }
        var lines = [
            "contiguity: \(l.source), \(l.count) features (\(l.fields.code)), EPSG:27700, tolerance \(Number.short(g.tolerance)) m"
        ]
        var edges = "  edges:      \(g.count(.rook)) rook, \(g.count(.queen)) queen; "
        edges += "\(g.overlappingPairs.count) overlapping pairs (counted as rook)"
        if g.tolerance > 0 {
            edges += "; within the tolerance: \(g.toleranceOnlyPairs.count) pairs joined, \(g.rookByTolerance.count) queen pairs made rook"
        }
        lines.append(edges)
        lines.append("  components: \(r.components.count) (rook and queen), \(r.rookComponents.count) (rook only)")
        lines.append("  islands:    \(g.islands.count)")
        lines += g.islands.map { "    " + named($0) }
        if !l.repairs.isEmpty { lines.append("  repaired:   \(l.repairs.count) invalid geometries made valid first") }
        guard let grouping = r.grouping else { return lines.joined(separator: "\n") }
        let split = r.groups.filter { !$0.connected }
        lines.append(
            "  groups:     \(r.groups.count) by \(grouping.field) (\(grouping.source)); "
                + "\(r.groups.count - split.count) connected, \(split.count) not")
        for s in split {
            lines.append(
                "    \(s.group): \(s.members.count) members in \(s.pieces.count) pieces; \(s.exclaves.count) exclaves: "
                    + shortList(s.exclaves.map(named), more: " (groups.csv lists all)"))
        }
        let ungrouped = grouping.ungrouped
        if !ungrouped.isEmpty {
            lines.append("  not joined: \(ungrouped.count) features have no group: " + shortList(ungrouped.map(named)))
        }
        let unmatched = grouping.unmatchedCodes
        if !unmatched.isEmpty {
            lines.append("  not joined: \(unmatched.count) lookup codes match no feature: " + shortList(unmatched))
        }
        return lines.joined(separator: "\n")
    }

    /// The first ten items, then an ellipsis.
    private func shortList(_ items: [String], more: String = "") -> String {
        items.prefix(10).joined(separator: ", ") + (items.count > 10 ? ", …" + more : "")
    }
}
