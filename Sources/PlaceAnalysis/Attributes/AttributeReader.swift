import Foundation
import PlaceIO

/// Reads a block attribute table into stored extensive columns (see ``BlockAttributes``).
struct AttributeReader {
    let table: CSVTable
    let codeIndex: Int
    let blockCodes: [String]
    let population: [Double]?
    let positions: [String: Int]

    var variables: [BlockAttributes.Variable] = []
    var columns: [AttributeColumn] = []
    /// Stored columns, each a value per block.
    var stored: [[Double]] = []
    var unmatched: [String] = []
    var withoutRow: [String] = []
    var warnings: [String] = []

    init(table: CSVTable, codeIndex: Int, blockCodes: [String], population: [Double]?) {
        self.table = table
        self.codeIndex = codeIndex
        self.blockCodes = blockCodes
        self.population = population
        var p: [String: Int] = [:]
        for (k, c) in blockCodes.enumerated() where p[c] == nil { p[c] = k }
        self.positions = p
    }

    var width: Int { stored.count }
    var values: [Double] {
        var v = [Double](repeating: 0, count: blockCodes.count * width)
        for (j, column) in stored.enumerated() { for k in column.indices { v[k * width + j] = column[k] } }
        return v
    }

    private func line(_ r: Int) -> Int { table.line(ofRow: r) }

    private func bad(_ r: Int, _ column: Int, _ message: String, _ hint: String) -> PlacemapError {
        PlacemapError(
            .badData, file: table.source, line: line(r), featureCode: table.rows[r][codeIndex], field: table.header[column],
            message: message, hint: hint)
    }

    /// The people of each block, or an error naming the variable that needs them.
    private func people(for variable: String, _ kind: AttributeKind, column: Int) throws(PlacemapError) -> [Double] {
        guard let population else {
            throw PlacemapError(
                .badData, file: table.source, field: table.header[column],
                message:
                    "\(variable) is \(kind == .rates ? "a rate or score" : "a class"): it is averaged over people, and there is no population",
                hint: "give the blocks' population (--blocks with --population), or declare it --attributes-kind counts if it is a count")
        }
        return population
    }

    /// A count (non-negative) or a rate (any sign), read by ``DecimalNumber`` like every number.
    private func number(_ text: String, _ kind: AttributeKind) -> Double? {
        DecimalNumber.parse(text, signed: kind != .counts)
    }

    /// Whether `text` reads as a number at all (to tell a column of numbers from one of labels).
    private static func isNumber(_ text: String) -> Bool { DecimalNumber.parse(text, signed: true) != nil }

    // MARK: Long form

    /// `code,category,value` rows: every block with a row must have every category.
    mutating func readLong(others: [Int], kind declared: AttributeKind?) throws(PlacemapError) {
        let (categoryIndex, valueIndex, kind) = try longColumns(others, declared: declared)
        let (categories, byBlock, firstRow) = try collectLong(category: categoryIndex, value: valueIndex, kind: kind)
        if categories.count > BlockAttributes.maxClasses {
            throw PlacemapError(
                .badData, file: table.source, field: table.header[categoryIndex],
                message:
                    "\(categories.count) distinct categories (e.g. \(categories.prefix(3).joined(separator: ", "))): not a set of bands",
                hint: "the category column names a few bands or variables; check which column is which")
        }
        for (k, found) in byBlock.sorted(by: { $0.key < $1.key }) where found.count < categories.count {
            let missing = categories.indices.filter { found[$0] == nil }.map { categories[$0] }
            let r = firstRow[k] ?? 0
            throw PlacemapError(
                .badData, file: table.source, line: line(r), featureCode: blockCodes[k], field: table.header[categoryIndex],
                message: "block \(blockCodes[k]) has no row for \(missing.prefix(3).joined(separator: ", "))"
                    + (missing.count > 3 ? " and \(missing.count - 3) more" : "") + " (its rows start on this line)",
                hint: "every block needs a row for every category; a missing band is not 0")
        }
        withoutRow = blockCodes.indices.filter { byBlock[$0] == nil }.map { blockCodes[$0] }
        try addLong(categories, byBlock: byBlock, value: valueIndex, kind: kind, declared: declared)
        try checkNames()
    }

    /// The category and value columns of a long-form table (the value column is the numeric one) and
    /// the kind of its values (counts unless declared; classes are refused).
    private func longColumns(_ others: [Int], declared: AttributeKind?) throws(PlacemapError) -> (Int, Int, AttributeKind) {
        guard others.count == 2 else {
            throw PlacemapError(
                .usage, file: table.source,
                message: "codes repeat, so this is a long-form table, which needs exactly a category and a value column besides "
                    + "\(table.header[codeIndex]) (found \(others.map { table.header[$0] }.joined(separator: ", ")))",
                hint: "keep code,category,value (name columns may stay), or give one row per block (wide form)")
        }
        let numeric = others.map { i in table.rows.prefix(50).allSatisfy { Self.isNumber($0[i]) } }
        let (categoryIndex, valueIndex) = numeric[0] && !numeric[1] ? (others[1], others[0]) : (others[0], others[1])
        let kind = declared ?? .counts
        if kind == .classes {
            throw PlacemapError(
                .usage, file: table.source, field: table.header[valueIndex],
                message: "a long-form table holds numbers; classes come from a wide column of labels",
                hint: "use --attributes-kind counts or rates, or give one row per block with a column of classes")
        }
        return (categoryIndex, valueIndex, kind)
    }

    /// The categories in order of first appearance, each block's value per category and the first row
    /// of each block; rows of codes that match no block are kept in `unmatched`.
    private mutating func collectLong(category categoryIndex: Int, value valueIndex: Int, kind: AttributeKind) throws(PlacemapError)
        -> (categories: [String], byBlock: [Int: [Int: Double]], firstRow: [Int: Int])
    {
        var categories = AreaCodes()
        var byBlock: [Int: [Int: Double]] = [:]
        var firstRow: [Int: Int] = [:]
        var unmatched = Set<String>()
        var sums: [CheckedSum] = []
        for (r, row) in table.rows.enumerated() {
            let category = row[categoryIndex]
            guard !category.trimmedCell.isEmpty else {
                throw bad(r, categoryIndex, "empty category", "every row names its category")
            }
            guard let value = number(row[valueIndex], kind) else {
                let what = row[valueIndex].trimmedCell.isEmpty ? "an empty value" : "\"\(DecimalNumber.shown(row[valueIndex]))\""
                throw bad(
                    r, valueIndex, "\(what) is not \(kind == .counts ? "a count (a non-negative number)" : "a number")",
                    "fix the row; a missing figure is not 0")
            }
            let (c, new) = categories.number(category)
            if new { sums.append(CheckedSum(column: table.header[valueIndex] + " (" + category + ")", source: table.source)) }
            try sums[c].add(value, line: line(r), code: row[codeIndex])
            guard let k = positions[row[codeIndex]] else {
                if unmatched.insert(row[codeIndex]).inserted { self.unmatched.append(row[codeIndex]) }
                continue
            }
            if firstRow[k] == nil { firstRow[k] = r }
            if byBlock[k, default: [:]].updateValue(value, forKey: c) != nil {
                throw bad(r, categoryIndex, "\(category) appears again for \(row[codeIndex])", "keep one row per block and category")
            }
        }
        return (categories.codes, byBlock, firstRow)
    }

    /// One column per category: counts summed, rates averaged over the people of the blocks giving them.
    private mutating func addLong(
        _ categories: [String], byBlock: [Int: [Int: Double]], value valueIndex: Int, kind: AttributeKind, declared: AttributeKind?
    ) throws(PlacemapError) {
        let valueName = table.header[valueIndex].lowercased()
        let prefix = PopulationColumns.names.contains(valueName) ? "population" : BlockAttributes.slug(valueName)
        let source = declared == nil ? "inferred: a long-form table of numbers is counts" : "declared"
        for (c, category) in categories.enumerated() {
            let band = BlockAttributes.slug(category)
            if kind == .counts {
                let name = band.hasPrefix(prefix) ? band : prefix + "_" + band
                var column = [Double](repeating: 0, count: blockCodes.count)
                for (k, found) in byBlock { column[k] = found[c] ?? 0 }
                add(name: name, kind: .counts, variable: category, source: source, column: column)
            } else {
                let people = try people(for: category, .rates, column: valueIndex)
                var weighted = [Double](repeating: 0, count: blockCodes.count)
                var covered = [Double](repeating: 0, count: blockCodes.count)
                for (k, found) in byBlock {
                    if let v = found[c] {
                        weighted[k] = v * people[k]
                        covered[k] = people[k]
                    }
                }
                addMean(name: band + "_population_weighted_mean", variable: category, source: source, weighted: weighted, covered: covered)
            }
        }
    }

    // MARK: Wide form

    /// One row per block, one column per variable.
    mutating func readWide(others: [Int], kind declared: AttributeKind?) throws(PlacemapError) {
        let rowOfBlock = joinWideRows()
        let kinds = try wideKinds(others, declared: declared)
        let classColumns = kinds.filter { $0.1 == .classes }.count
        for (i, kind, source) in kinds {
            let name = BlockAttributes.slug(table.header[i])
            switch kind {
            case .counts: try addWideCounts(i, name: name, source: source, rowOfBlock: rowOfBlock)
            case .rates: try addWideRates(i, name: name, source: source, rowOfBlock: rowOfBlock)
            case .classes:
                try addWideClasses(
                    i, prefix: "share_" + (classColumns > 1 ? name + "_" : ""), source: source, rowOfBlock: rowOfBlock)
            }
        }
        try checkNames()
    }

    /// The row of each block (nil where it has none); rows matching no block are kept in `unmatched`.
    private mutating func joinWideRows() -> [Int?] {
        var rowOfBlock = [Int?](repeating: nil, count: blockCodes.count)
        var unmatched: [String] = []
        for (r, row) in table.rows.enumerated() {
            guard let k = positions[row[codeIndex]] else {
                unmatched.append(row[codeIndex])
                continue
            }
            rowOfBlock[k] = r
        }
        self.unmatched = unmatched
        withoutRow = blockCodes.indices.filter { rowOfBlock[$0] == nil }.map { blockCodes[$0] }
        return rowOfBlock
    }

    /// Each variable column with its kind (declared, or inferred from its values and name) and where
    /// the kind came from.
    private func wideKinds(_ others: [Int], declared: AttributeKind?) throws(PlacemapError) -> [(Int, AttributeKind, String)] {
        var kinds: [(Int, AttributeKind, String)] = []
        for i in others {
            let texts = table.rows.map { $0[i].trimmedCell }.filter { !$0.isEmpty }
            let numbers = texts.filter(Self.isNumber).count
            let name = table.header[i]
            if let declared {
                kinds.append((i, declared, "declared"))
            } else if numbers < texts.count && numbers * 10 >= texts.count * 9 {
                let r = table.rows.firstIndex { row in
                    let t = row[i].trimmedCell
                    return !t.isEmpty && !Self.isNumber(t)
                }
                throw bad(
                    r ?? 0, i,
                    "\"\(DecimalNumber.shown(table.rows[r ?? 0][i]))\" is not a number (a finite decimal), in a column of numbers",
                    "fix the row (a missing figure is not 0), or declare --attributes-kind classes if the column holds labels")
            } else if numbers < texts.count || texts.isEmpty {
                kinds.append((i, .classes, "inferred: a column of labels is classes"))
            } else if PopulationColumns.countPrefixes.contains(where: {
                name.lowercased().hasPrefix($0)
            }) {
                kinds.append((i, .counts, "inferred: a numeric column named like a count is counts"))
            } else {
                throw PlacemapError(
                    .usage, file: table.source, field: name,
                    message: "a numeric column whose kind cannot be told: counts (summed) or rates (averaged over people)?",
                    hint: "declare it with --attributes-kind counts or --attributes-kind rates")
            }
        }
        return kinds
    }

    /// A count column: summed over blocks.
    private mutating func addWideCounts(_ i: Int, name: String, source: String, rowOfBlock: [Int?]) throws(PlacemapError) {
        var column = [Double](repeating: 0, count: blockCodes.count)
        var sum = CheckedSum(column: table.header[i], source: table.source)
        for (k, r) in rowOfBlock.enumerated() {
            guard let r else { continue }
            guard let v = number(table.rows[r][i], .counts) else {
                let text = table.rows[r][i]
                throw bad(
                    r, i,
                    text.trimmedCell.isEmpty
                        ? "no value: a missing count is not 0"
                        : "\"\(DecimalNumber.shown(text))\" is not a count (a finite, non-negative decimal number)",
                    "fix the row, or declare the kind with --attributes-kind")
            }
            try sum.add(v, line: line(r), code: table.rows[r][codeIndex])
            column[k] = v
        }
        add(name: name, kind: .counts, variable: table.header[i], source: source, column: column)
    }

    /// A rate column: averaged over the people of the blocks that give it.
    private mutating func addWideRates(_ i: Int, name: String, source: String, rowOfBlock: [Int?]) throws(PlacemapError) {
        let people = try people(for: table.header[i], .rates, column: i)
        var weighted = [Double](repeating: 0, count: blockCodes.count)
        var covered = [Double](repeating: 0, count: blockCodes.count)
        let (cells, empty) = filledCells(i, rowOfBlock: rowOfBlock)
        var sum = CheckedSum(column: table.header[i], source: table.source)
        for (k, r, text) in cells {
            guard let v = number(text, .rates) else {
                throw bad(r, i, "\"\(DecimalNumber.shown(text))\" is not a number (a finite decimal)", "fix the row")
            }
            weighted[k] = v * people[k]
            try sum.add(weighted[k], line: line(r), code: table.rows[r][codeIndex])
            covered[k] = people[k]
        }
        warnEmpty(empty, column: i)
        addMean(
            name: name + "_population_weighted_mean", variable: table.header[i], source: source, weighted: weighted,
            covered: covered)
    }

    /// A column of labels: one share column per label, of the people of the blocks carrying it.
    private mutating func addWideClasses(_ i: Int, prefix: String, source: String, rowOfBlock: [Int?]) throws(PlacemapError) {
        let people = try people(for: table.header[i], .classes, column: i)
        var numbering = AreaCodes()
        var classOfBlock = [Int?](repeating: nil, count: blockCodes.count)
        let (cells, empty) = filledCells(i, rowOfBlock: rowOfBlock)
        for (k, _, text) in cells { classOfBlock[k] = numbering.number(text).number }
        let labels = numbering.codes
        let distinct = Set(table.rows.map { $0[i].trimmedCell }.filter { !$0.isEmpty })
        if distinct.count > BlockAttributes.maxClasses {
            throw PlacemapError(
                .badData, file: table.source, field: table.header[i],
                message:
                    "\(distinct.count) distinct values (e.g. \(distinct.sorted().prefix(3).joined(separator: ", "))): a code or free text, not classes",
                hint: "drop the column from the table, or declare --attributes-kind if it holds numbers")
        }
        warnEmpty(empty, column: i)
        let order = labels.indices.sorted { labels[$0] < labels[$1] }
        let denominator = stored.count + labels.count
        for c in order {
            var column = [Double](repeating: 0, count: blockCodes.count)
            for k in classOfBlock.indices where classOfBlock[k] == c { column[k] = people[k] }
            let label = BlockAttributes.slug(labels[c])
            columns.append(
                AttributeColumn(
                    name: prefix + label, kind: .classes, variable: table.header[i],
                    label: labels[c], position: stored.count, denominator: denominator))
            stored.append(column)
        }
        stored.append(classOfBlock.indices.map { classOfBlock[$0] == nil ? 0 : people[$0] })
        variables.append(.init(name: table.header[i], kind: .classes, kindSource: source))
    }

    /// The non-empty cells of column `i` in the blocks' rows (block, row, trimmed text), in block order,
    /// and the rows where it is empty.
    private func filledCells(_ i: Int, rowOfBlock: [Int?]) -> (cells: [(block: Int, row: Int, text: String)], empty: [Int]) {
        var cells: [(block: Int, row: Int, text: String)] = []
        var empty: [Int] = []
        for (k, r) in rowOfBlock.enumerated() {
            guard let r else { continue }
            let text = table.rows[r][i].trimmedCell
            if text.isEmpty { empty.append(r) } else { cells.append((k, r, text)) }
        }
        return (cells, empty)
    }

    private mutating func warnEmpty(_ rows: [Int], column: Int) {
        guard let first = rows.first else { return }
        warnings.append(
            "\(table.source):\(line(first)): field \"\(table.header[column])\": \(rows.count) block\(rows.count == 1 ? "" : "s") "
                + "without a value, left out of the mean or shares (first \(table.rows[first][codeIndex]))")
    }

    private mutating func add(name: String, kind: AttributeKind, variable: String, source: String, column: [Double]) {
        columns.append(AttributeColumn(name: name, kind: kind, variable: variable, label: nil, position: stored.count, denominator: nil))
        stored.append(column)
        variables.append(.init(name: variable, kind: kind, kindSource: source))
    }

    private mutating func addMean(name: String, variable: String, source: String, weighted: [Double], covered: [Double]) {
        columns.append(
            AttributeColumn(name: name, kind: .rates, variable: variable, label: nil, position: stored.count, denominator: stored.count + 1)
        )
        stored.append(weighted)
        stored.append(covered)
        variables.append(.init(name: variable, kind: .rates, kindSource: source))
    }

    /// Column names placemap's own tables use: an attribute named like one of them (or whose derived
    /// columns would be, e.g. `population` → `population_in_whole_places`) would give a table two
    /// columns of one name, and `report` could not read it back.
    static let reservedNames: Set<String> = [
        "a_code", "a_name", "area_m2", "area_share_of_place", "area_share_of_system", "b_code", "b_name", "block_code", "block_name",
        "blocks", "change", "code", "component", "component_size", "connected", "depth_m", "evidence", "exclaves", "fate", "footprint",
        "group", "home_system_code", "home_system_name", "kind", "main_share", "main_system_code", "main_system_name",
        "main_trust_code", "main_trust_name", "main_trust_share", "made_of_whole_places", "n_blocks", "n_members", "n_pieces",
        "n_places", "n_shared_places", "n_systems", "n_whole_places", "name", "new_blocks", "new_code", "new_name", "new_population",
        "old_blocks", "old_code", "old_name", "old_population", "people_gained", "people_kept", "people_lost", "place_code",
        "place_name", "population", "population_first_past_the_post", "population_in_whole_places", "population_proportional",
        "population_share_of_a", "population_share_of_b", "population_share_of_place", "population_share_of_system",
        "probable_place_code", "probable_place_name", "share_in_whole_places", "share_of_a", "share_of_b", "share_of_trust",
        "shared_places", "sliver", "status", "status_after", "status_before", "system_code", "system_name", "systems_after",
        "systems_before", "tolerance_m", "trust_code", "trust_name", "verdict",
    ]

    /// Whether `name`, or a column derived from it, is one of placemap's own column names.
    static func collides(_ name: String) -> Bool {
        let derived = [name, name + "_in_whole_places", name + "_share_in_whole_places", name + "_gained", name + "_kept", name + "_lost"]
        return derived.contains { reservedNames.contains($0) }
    }

    /// Renames attribute columns named like placemap's own columns (`population` → `attribute_population`),
    /// saying so, then refuses two variables that give one name.
    private mutating func checkNames() throws(PlacemapError) {
        for k in columns.indices where Self.collides(columns[k].name) {
            let renamed = "attribute_" + columns[k].name
            warnings.append(
                "\(table.source): field \"\(columns[k].variable)\": its column \(columns[k].name) is named like one of placemap's own, "
                    + "so it is written as \(renamed)")
            columns[k].name = renamed
        }
        var seen = Set<String>()
        for c in columns where !seen.insert(c.name).inserted {
            throw PlacemapError(
                .usage, file: table.source, field: c.variable, message: "two variables give the same column name \(c.name)",
                hint: "rename one of the columns")
        }
    }
}

extension String {
    /// The text without leading and trailing white space; cheap for the usual cell that has none.
    var trimmedCell: String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last,
            CharacterSet.whitespaces.contains(first) || CharacterSet.whitespaces.contains(last)
        else { return self }
        return trimmingCharacters(in: .whitespaces)
    }
}
