import PlaceAnalysis

/// Population rows and blocks that did not join, one warning each; none when all joined. They are about
/// the answer, not progress, so the CLI shows them even with --quiet.
public func joinWarnings(_ p: PopulationBlocks?) -> [String] {
    guard let p else { return [] }
    var lines: [String] = []
    if !p.unmatchedCodes.isEmpty {
        lines.append(
            "\(p.source): \(p.unmatchedCodes.count) codes match no block (e.g. \(p.unmatchedCodes.prefix(5).joined(separator: ", ")))")
    }
    if !p.blocksWithoutPopulation.isEmpty {
        lines.append(
            "\(p.blocks.source): \(p.blocksWithoutPopulation.count) blocks have no population row, counted as 0 "
                + "(e.g. \(p.blocksWithoutPopulation.prefix(5).joined(separator: ", ")))")
    }
    if let a = p.attributes { lines += attributeJoinWarnings(a) }
    return lines
}

/// Attribute rows and blocks that did not join, and the table's warnings.
public func attributeJoinWarnings(_ a: BlockAttributes) -> [String] {
    var lines: [String] = []
    if !a.unmatchedCodes.isEmpty {
        lines.append(
            "\(a.source): \(a.unmatchedCodes.count) codes match no block (e.g. \(a.unmatchedCodes.prefix(5).joined(separator: ", ")))")
    }
    if !a.blocksWithoutRow.isEmpty {
        lines.append(
            "\(a.source): \(a.blocksWithoutRow.count) blocks have no row: 0 in counts, left out of means and shares "
                + "(e.g. \(a.blocksWithoutRow.prefix(5).joined(separator: ", ")))")
    }
    return lines + a.warnings
}
