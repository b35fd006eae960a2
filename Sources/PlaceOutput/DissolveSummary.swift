import PlaceAnalysis

extension DissolveResult {
    /// What the dissolve built, for the terminal: areas and how, overlaps, gaps, unjoined codes, population.
    public func summary(output: String) -> String {
        let o = self
        let unary = o.areas.filter { $0.method != "coverage union" }
        var lines = ["dissolve: \(o.areas.count) areas from \(o.blocks.count) blocks → \(output)"]
        lines.append("  coverage union: \(o.areas.count - unary.count); unary union (blocks not a clean coverage): \(unary.count)")
        let pairs = o.areas.flatMap(\.overlappingBlocks)
        if !pairs.isEmpty {
            lines.append("  overlapping block pairs: \(pairs.count), \(Number.short(pairs.reduce(0) { $0 + $1.area })) m²")
        }
        if !o.areaOverlaps.isEmpty {
            lines.append(
                "  output areas overlapping each other: \(o.areaOverlaps.count) pairs, \(Number.short(o.areaOverlaps.reduce(0) { $0 + $1.area })) m²"
            )
        }
        let gaps = o.areas.reduce(0) { $0 + $1.gapCount }
        if gaps > 0 {
            lines.append("  gaps between blocks (holes no block fills): \(gaps), \(Number.short(o.areas.reduce(0) { $0 + $1.gapArea })) m²")
        }
        if !o.blocksWithoutGroup.isEmpty {
            lines.append(
                "  blocks missing from the lookup: \(o.blocksWithoutGroup.count) (e.g. \(o.blocksWithoutGroup.prefix(5).joined(separator: ", ")))"
            )
        }
        if !o.grouping.unmatchedCodes.isEmpty {
            lines.append(
                "  lookup rows with no block: \(o.grouping.unmatchedCodes.count) (e.g. \(o.grouping.unmatchedCodes.prefix(5).joined(separator: ", ")))"
            )
        }
        for gap in o.population?.gaps ?? [] { lines.append("  gap (allowed): \(gap.description)") }
        if let p = o.population {
            lines.append(
                "  population: \(Number.short(p.total)) in blocks, \(Number.short(o.areas.reduce(0) { $0 + ($1.sums.last ?? 0) })) in areas"
            )
        }
        return lines.joined(separator: "\n")
    }
}
