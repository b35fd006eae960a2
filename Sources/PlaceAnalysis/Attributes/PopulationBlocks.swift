import Foundation
import PlaceIO

/// Small areas (e.g. LSOA 2021) with a population each: the building blocks of population weighting.
public struct PopulationBlocks: Sendable {
    public let blocks: AnalysisLayer
    /// Population of each block (0 for blocks missing from the table).
    public let population: [Double]
    /// Where the figures came from: file and column.
    public let source: String
    public let field: String
    /// Codes in the table that match no block.
    public let unmatchedCodes: [String]
    /// Blocks with no row in the table (counted as 0).
    public let blocksWithoutPopulation: [String]
    /// Variables of the blocks (age bands, scores, classes) carried with the population.
    public var attributes: BlockAttributes?
    /// Gaps the user allowed on the way (blocks with people the attributes leave out): recorded in the
    /// provenance and the summary of every weighted command.
    public var gaps: [CoverageGap] = []

    public var total: Double { population.reduce(0, +) }

    /// Joins a population table to blocks by code. `codeColumn` defaults to the blocks' code field
    /// name when the table has it; `valueColumn` to a column named like a population. `category`
    /// picks the rows of one category of a long-form table (a row per code and category: the census
    /// age bands as `code,age,count`); without it a long-form table is refused, naming its categories.
    public init(
        blocks: AnalysisLayer, table: CSVTable, codeColumn: String? = nil, valueColumn: String? = nil, category: String? = nil
    ) throws(PlacemapError) {
        let codeIndex: Int
        if let codeColumn {
            codeIndex = try table.column(codeColumn)
        } else if let i = table.header.firstIndex(of: blocks.fields.code) ?? table.firstColumn(among: [blocks.fields.code]) {
            codeIndex = i
        } else {
            throw PlacemapError(
                .usage, file: table.source, message: "no column named \(blocks.fields.code) to join to the blocks",
                hint: "name the code column with --population-lookup-code; the columns are: " + table.header.joined(separator: ", "))
        }
        let valueIndex: Int
        if let valueColumn {
            valueIndex = try table.column(valueColumn)
        } else if let i = table.firstColumn(among: PopulationColumns.names) {
            valueIndex = i
        } else {
            throw PlacemapError(
                .usage, file: table.source, message: "no population column found",
                hint: "name it with --population-field; the columns are: " + table.header.joined(separator: ", "))
        }
        let form = LongFormTable(table, code: codeIndex, value: valueIndex)
        let categoryIndex = try category.map { (name) throws(PlacemapError) in try form.column(holding: name) }
        try PartitionCheck.checkNoRepeats(blocks, role: "blocks")
        let positions = blocks.positions
        var population = Array(repeating: 0.0, count: blocks.count)
        var seen = Array(repeating: false, count: blocks.count)
        var unmatched: [String] = []
        var rowOfCode: [String: Int] = [:]
        var total = CheckedSum(column: table.header[valueIndex], source: table.source)
        for (r, row) in table.rows.enumerated() {
            if let categoryIndex, let category, row[categoryIndex].trimmedCell != category { continue }
            let code = row[codeIndex]
            let value: Double
            do throws(PlacemapError) {
                value = try table.population(row: r, column: valueIndex, code: code)
                try total.add(value, line: table.line(ofRow: r), code: code)
            } catch {
                var error = error
                error.hint = "fix the row or choose another column with --population-field"
                throw error
            }
            if let first = rowOfCode.updateValue(r, forKey: code) {
                if category == nil, let longForm = form.repeatedCategory(first: first, again: r) { throw longForm }
                throw PlacemapError(
                    .badData, file: table.source, line: table.line(ofRow: r), featureCode: code, field: table.header[codeIndex],
                    message: "code \(code) appears again (first on line \(table.line(ofRow: first)))"
                        + (category.map { " in category \($0)" } ?? ""),
                    hint: "keep one row per code")
            }
            guard let i = positions[code] else {
                unmatched.append(code)
                continue
            }
            population[i] = value
            seen[i] = true
        }
        if !table.rows.isEmpty, !seen.contains(true) {
            throw PlacemapError(
                .badData, file: table.source, field: table.header[codeIndex],
                message: "none of the \(table.rows.count) codes (e.g. \(table.rows[0][codeIndex])) matches a block of \(blocks.source)",
                hint: "join the table to blocks of the same geography and vintage (e.g. LSOA 2021 codes to LSOA 2021 boundaries)")
        }
        self.blocks = blocks
        self.population = population
        self.source = table.source
        // The provenance says which rows of a long-form table were the population.
        self.field = table.header[valueIndex] + (categoryIndex.map { " where \(table.header[$0]) is \(category ?? "")" } ?? "")
        self.unmatchedCodes = unmatched
        self.blocksWithoutPopulation = seen.indices.filter { !seen[$0] }.map { blocks.codes[$0] }
    }
}

extension PopulationBlocks {
    /// Joins an attribute table to the blocks (see ``BlockAttributes``), rates and classes weighted
    /// by this population.
    public mutating func attach(_ table: CSVTable, kind: AttributeKind? = nil, codeColumn: String? = nil) throws(PlacemapError) {
        attributes = try BlockAttributes(
            table: table, blockCodes: blocks.codes, population: population, kind: kind, codeColumn: codeColumn,
            defaultCodeColumn: blocks.fields.code)
    }
}

extension PopulationBlocks {
    /// The codes and people of a census table (`lsoa21_code`, `usual_residents`), in its order.
    public static func codesAndPeople(_ census: CSVTable) throws(PlacemapError) -> (codes: [String], people: [Double]) {
        let code = try census.column("lsoa21_code")
        let value = try census.column(
            census.firstColumn(among: PopulationColumns.names).map { census.header[$0] } ?? "usual_residents")
        var codes: [String] = []
        var people: [Double] = []
        var sum = CheckedSum(column: census.header[value], source: census.source)
        for (r, row) in census.rows.enumerated() {
            let n = try census.population(row: r, column: value, code: row[code])
            try sum.add(n, line: census.line(ofRow: r), code: row[code])
            codes.append(row[code])
            people.append(n)
        }
        return (codes, people)
    }
}

extension CSVTable {
    /// The field of row `r` in `column` as a population (a count), the error naming the block code.
    func population(row r: Int, column: Int, code: String) throws(PlacemapError) -> Double {
        do throws(PlacemapError) {
            return try count(row: r, column: column, what: "population")
        } catch {
            var error = error
            error.featureCode = code
            throw error
        }
    }
}

extension PopulationBlocks {
    /// Bad data when a block has no population row: where each block goes wholly to one area (a diff, a
    /// scenario), a missing row would silently count as nobody.
    public func requireEveryBlockPopulated() throws(PlacemapError) {
        guard let first = blocksWithoutPopulation.first else { return }
        throw PlacemapError(
            .badData, file: source, featureCode: first,
            message: "block \(first) of \(blocks.source) has no population row (\(blocksWithoutPopulation.count) blocks have none)",
            hint: "give every block a population (0 where nobody lives), or use the population of the same blocks")
    }
}
