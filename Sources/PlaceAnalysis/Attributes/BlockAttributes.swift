import Foundation
import PlaceIO

/// How a block attribute is carried from blocks to the areas they are weighted into.
public enum AttributeKind: String, Sendable, CaseIterable {
    /// Extensive (residents, residents by age band): shared like population, and summed.
    case counts
    /// Intensive (a score, a rate per 1,000): a population-weighted mean, never a sum.
    case rates
    /// Categorical (rural-urban class): the share of people in each class.
    case classes

    public var explanation: String {
        switch self {
        case .counts: return "shared between areas with the same weights as population, and summed"
        case .rates: return "population-weighted mean over the blocks (or parts of blocks) in the area; blocks without a value left out"
        case .classes: return "share of the area's people living in blocks of each class; blocks without a class left out"
        }
    }
}

/// One column of attribute results (e.g. `population_aged_65_and_over`, `share_rural`).
public struct AttributeColumn: Sendable, Equatable {
    /// The output column name, ONS style.
    public var name: String
    public var kind: AttributeKind
    /// The table column (wide form) or category (long form) it comes from.
    public var variable: String
    /// The class it counts (classes only).
    public var label: String?
    /// Position of its stored column.
    public var position: Int
    /// Position of the stored column holding the people it is averaged over (rates and classes).
    public var denominator: Int?
}

/// Variables of small-area blocks (counts, rates, classes) read from a table, held as extensive
/// quantities so that one weighted sum carries all three kinds: a count as itself, a rate as
/// people × rate, a class as the people in it, each rate and class variable with a stored column of
/// the people it is averaged over. ``finish(_:)`` turns sums back into counts, means and shares.
public struct BlockAttributes: Sendable {
    /// A variable read from the table: its kind, and whether the kind was declared or inferred (and how).
    public struct Variable: Sendable {
        public var name: String
        public var kind: AttributeKind
        public var kindSource: String
    }

    public let source: String
    /// "long" (`code,category,value`) or "wide" (one column per variable).
    public let layout: String
    public let codeColumn: String
    public let variables: [Variable]
    /// The result columns, in output order.
    public let columns: [AttributeColumn]
    /// Stored columns per block (result columns and denominators).
    public let width: Int
    /// `values[k * width + j]`: stored column `j` of block `k`.
    public let values: [Double]
    public let blockCount: Int
    /// Codes in the table that match no block.
    public let unmatchedCodes: [String]
    /// Blocks with no row in the table: 0 for counts, left out of means and shares.
    public let blocksWithoutRow: [String]
    /// Problems that do not stop the run (empty rates or classes), each naming file, line and column.
    public let warnings: [String]

    /// The most classes a class column may have before it is taken for a code or free text.
    public static let maxClasses = 100

    /// Attributes built from stored columns directly (e.g. converted to another block geography).
    public init(
        source: String, layout: String, codeColumn: String, variables: [Variable], columns: [AttributeColumn], width: Int,
        values: [Double], blockCount: Int, unmatchedCodes: [String] = [], blocksWithoutRow: [String] = [], warnings: [String] = []
    ) {
        self.source = source
        self.layout = layout
        self.codeColumn = codeColumn
        self.variables = variables
        self.columns = columns
        self.width = width
        self.values = values
        self.blockCount = blockCount
        self.unmatchedCodes = unmatchedCodes
        self.blocksWithoutRow = blocksWithoutRow
        self.warnings = warnings
    }

    /// The stored columns of block `k`.
    public func row(_ k: Int) -> ArraySlice<Double> { values[(k * width)..<((k + 1) * width)] }

    /// The sum of every block's stored columns.
    public var totals: [Double] {
        var t = [Double](repeating: 0, count: width)
        for k in 0..<blockCount { for j in 0..<width { t[j] += values[k * width + j] } }
        return t
    }

    /// Result values from summed stored columns: counts as they are, rates divided by the people
    /// they cover, classes as shares of them; nil where nobody is covered.
    public func finish<C: Collection>(_ sums: C) -> [Double?] where C.Element == Double, C.Index == Int {
        let start = sums.startIndex
        return columns.map { c in
            guard let d = c.denominator else { return sums[start + c.position] }
            let people = sums[start + d]
            return people > 0 ? sums[start + c.position] / people : nil
        }
    }

    /// The positions in `columns` of the counts.
    public var countColumns: [Int] { columns.indices.filter { columns[$0].kind == .counts } }
}

extension BlockAttributes {
    /// Reads a table of block attributes in long form (`code,category,value`: one row per block and
    /// category, recognised by codes that repeat) or wide form (one row per block, one column per
    /// variable; columns named `name`, `*_name`, `*NM` are ignored). `blockCodes` are the blocks' codes in
    /// order, `population` their people (needed by rates and classes). Without `kind`, a long-form
    /// table is counts, a wide column of labels is classes, a wide numeric column named like a count
    /// (`population…`, `usual_residents…`, `count…`, `number…`) is counts, and any other numeric
    /// column must be declared.
    public init(
        table: CSVTable, blockCodes: [String], population: [Double]?, kind: AttributeKind? = nil, codeColumn: String? = nil,
        defaultCodeColumn: String? = nil
    ) throws(PlacemapError) {
        let codeIndex = try Self.codeIndex(table, codeColumn, defaultCodeColumn)
        let others = table.header.indices.filter { i in
            let h = table.header[i]
            return i != codeIndex && h.lowercased() != "name" && !h.lowercased().hasSuffix("_name") && !h.hasSuffix("NM")
        }
        guard !others.isEmpty else {
            throw PlacemapError(
                .usage, file: table.source, message: "no attribute columns besides the code column \(table.header[codeIndex])",
                hint: "give a table with one column per variable, or code,category,value rows")
        }
        var seen = Set<String>()
        var repeats = false
        for row in table.rows where !seen.insert(row[codeIndex]).inserted {
            repeats = true
            break
        }
        var reader = AttributeReader(
            table: table, codeIndex: codeIndex, blockCodes: blockCodes, population: population)
        if repeats {
            try reader.readLong(others: others, kind: kind)
        } else {
            try reader.readWide(others: others, kind: kind)
        }
        self.init(
            source: table.source, layout: repeats ? "long" : "wide", codeColumn: table.header[codeIndex], variables: reader.variables,
            columns: reader.columns, width: reader.width, values: reader.values, blockCount: blockCodes.count,
            unmatchedCodes: reader.unmatched, blocksWithoutRow: reader.withoutRow, warnings: reader.warnings)
    }

    private static func codeIndex(_ table: CSVTable, _ named: String?, _ preferred: String?) throws(PlacemapError) -> Int {
        if let named { return try table.column(named) }
        if let preferred, let i = table.firstColumn(among: [preferred]) { return i }
        if let i = table.header.firstIndex(where: { $0.lowercased().hasSuffix("_code") || $0.hasSuffix("CD") || $0.lowercased() == "code" })
        {
            return i
        }
        throw PlacemapError(
            .usage, file: table.source, message: "no column of block codes",
            hint: "name it with --attributes-lookup-code; the columns are: " + table.header.joined(separator: ", "))
    }

    /// An ONS-style column name fragment: "Aged 65 years and over" → "aged_65_and_over".
    public static func slug(_ text: String) -> String {
        let words = text.lowercased().split { !($0.isLetter || $0.isNumber) }.filter { $0 != "years" && $0 != "year" }
        return words.joined(separator: "_")
    }
}
