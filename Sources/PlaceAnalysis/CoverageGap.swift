import PlaceIO

/// Blocks with people that a lookup or table (places, systems, attributes) does not cover. Left
/// alone, they would quietly fall out of every figure: a place whose blocks have no system would
/// still look coterminous. A gap is bad data unless the user allows gaps, and then it is reported.
public struct CoverageGap: Sendable {
    /// What left the blocks out, e.g. `systems lookup` or `attributes`.
    public var role: String
    /// The file of the lookup or table.
    public var source: String
    /// Codes of the uncovered blocks with people, in block order.
    public var blocks: [String]
    public var people: Double

    /// The gap of `uncovered` (block positions) among `population`'s blocks: nil when none of them
    /// has people.
    public init?(role: String, source: String, uncovered: [Int], population: PopulationBlocks) {
        self.init(
            role: role, source: source, codes: uncovered.map { population.blocks.codes[$0] },
            people: uncovered.map { population.population[$0] })
    }

    /// The gap of the uncovered blocks `codes`, with their `people`: nil when none of them has people.
    public init?(role: String, source: String, codes: [String], people: [Double]) {
        let peopled = codes.indices.filter { people[$0] > 0 }
        guard !peopled.isEmpty else { return nil }
        self.role = role
        self.source = source
        self.blocks = peopled.map { codes[$0] }
        self.people = peopled.reduce(0) { $0 + people[$1] }
    }

    /// One line: what, how many blocks, how many people, the first codes.
    public var description: String {
        "\(role) \(source) covers no row for \(blocks.count) block\(blocks.count == 1 ? "" : "s") with people "
            + "(\(Int(people.rounded())) people; e.g. \(blocks.prefix(5).joined(separator: ", ")))"
    }

    /// The bad-data error of an unallowed gap.
    public var error: PlacemapError {
        PlacemapError(
            .badData, file: source,
            message: "\(blocks.count) block\(blocks.count == 1 ? "" : "s") with people (\(Int(people.rounded())) people) "
                + "\(blocks.count == 1 ? "has" : "have") no row in this \(role) (e.g. \(blocks.prefix(5).joined(separator: ", ")))",
            hint: "add the missing rows, or give --allow-gaps to go on with them left out and reported")
    }
}
