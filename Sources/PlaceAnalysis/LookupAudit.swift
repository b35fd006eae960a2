import PlaceIO

/// A published block lookup (block code → area code) checked against the geometry: the rows the
/// geometry contradicts beyond the layers' misregistration, and the border rows it cannot resolve.
public struct LookupAudit: Sendable {
    public enum Verdict: String, Sendable {
        /// Most of the block lies in another area, deeper into it than the tolerance.
        case contradicted
        /// Most of the block lies in another area, but no deeper than the tolerance: unresolvable here.
        case border
    }

    public struct Row: Sendable {
        public var block: Int
        /// The area the lookup names (nil: its code is not in the areas layer).
        public var named: Int?
        public var namedCode: String
        /// The area holding most of the block, if any.
        public var largest: Int?
        /// Shares of the block's area in the named area and in the largest.
        public var namedShare: Double
        public var largestShare: Double
        /// How far the block's part in the largest area reaches into it, in metres.
        public var depth: Double
        public var verdict: Verdict
    }

    public let blocks: AnalysisLayer
    public let areas: AnalysisLayer
    public let lookup: Grouping
    /// The tolerance used: given, or the deepest minority piece of a block in the areas (metres).
    public let tolerance: Double
    public let toleranceMeasured: Bool
    /// Blocks the lookup names an area for.
    public let checked: Int
    /// Rows where the geometry disagrees, by block code: contradicted and border.
    public let rows: [Row]

    public var contradicted: [Row] { rows.filter { $0.verdict == .contradicted } }
    public var border: [Row] { rows.filter { $0.verdict == .border } }

    /// Checks `lookup` (a grouping of the blocks by area code) against the geometry of `areas`.
    public init(
        blocks: AnalysisLayer, areas: AnalysisLayer, lookup: Grouping, tolerance: Double? = nil, allocation shared: BlockAllocation? = nil
    ) throws(PlacemapError) {
        let allocation: BlockAllocation
        if let given = shared, given.position(of: areas) != nil {
            allocation = given
        } else {
            allocation = try BlockAllocation(blocks: blocks, layers: [areas])
        }
        let l = allocation.position(of: areas) ?? 0
        let positions = areas.positions
        let largest = allocation.largest(l)
        var found: [(row: Row, pieceIn: Int)] = []
        var checked = 0
        for k in 0..<blocks.count {
            guard let group = lookup.groups[k] else { continue }
            checked += 1
            let named = positions[group.code]
            guard named == nil || largest[k] != named else { continue }
            let share = { (area: Int?) in
                area.flatMap { a in allocation.pieces[l][k].first { $0.b == a } }.map { fraction($0.area, of: blocks.areas[k]) } ?? 0
            }
            found.append(
                (
                    Row(
                        block: k, named: named, namedCode: group.code, largest: largest[k], namedShare: share(named),
                        largestShare: share(largest[k]), depth: 0, verdict: .border), largest[k] ?? -1
                ))
        }
        let measured = allocation.minority[l].reduce(0) { max($0, $1.depth) }
        let used = tolerance ?? measured
        let measurable = found.filter { $0.pieceIn >= 0 }
        let depths = try InteriorEvidence.depths(of: measurable.map { ($0.pieceIn, [$0.row.block]) }, blocks: blocks, places: areas)
        var rows: [Row] = []
        var next = 0
        for f in found {
            var row = f.row
            if f.pieceIn >= 0 {
                row.depth = depths[next]
                next += 1
            }
            // Contradicted: most of the block is elsewhere, deeper than the layers disagree, and the
            // named area holds less than half of it.
            row.verdict = row.depth > used && row.namedShare < 0.5 ? .contradicted : .border
            rows.append(row)
        }
        let codes = blocks.codes
        self.rows = rows.sorted { codes[$0.block] < codes[$1.block] }
        self.blocks = blocks
        self.areas = areas
        self.lookup = lookup
        self.tolerance = used
        self.toleranceMeasured = tolerance == nil
        self.checked = checked
    }
}
