import PlaceIO

/// A table that may be in long form: a row per code and category (`code,age_band,count`, as census
/// tables are often published) rather than a row per code. Recognised by a code that repeats with
/// another value in some other column, so a population table given in this form is named for what it
/// is, with the option that picks one category (`--population-category`), instead of a repeated code.
struct LongFormTable {
    let table: CSVTable
    let codeIndex: Int
    let valueIndex: Int

    init(_ table: CSVTable, code: Int, value: Int) {
        self.table = table
        self.codeIndex = code
        self.valueIndex = value
    }

    /// The columns that may hold categories: all but the code and the value.
    private var others: [Int] { table.header.indices.filter { $0 != codeIndex && $0 != valueIndex } }

    /// The usage error (exit 64) for rows `first` and `again` of the same code that differ in a column
    /// besides the value: the table is in long form. Nil when they differ only in the value (a repeat).
    func repeatedCategory(first: Int, again: Int) -> PlacemapError? {
        let rows = table.rows
        guard let column = others.first(where: { rows[first][$0].trimmedCell != rows[again][$0].trimmedCell }) else { return nil }
        let name = table.header[column]
        return PlacemapError(
            .usage, file: table.source, line: table.line(ofRow: again), featureCode: rows[again][codeIndex], field: name,
            message:
                "code \(rows[again][codeIndex]) appears again (first on line \(table.line(ofRow: first))) with another \(name) "
                + "(\"\(rows[first][column].trimmedCell)\", then \"\(rows[again][column].trimmedCell)\"): this is a long-form table, "
                + "a row per code and \(name), not one population per code",
            hint: "pick the rows of one \(name) as the population with --population-category NAME (\(listed(column))), "
                + "or give a table with one row per code")
    }

    /// The column (besides the code and the value) holding `category` on some row; a usage error
    /// listing the categories there are when none does.
    func column(holding category: String) throws(PlacemapError) -> Int {
        let rows = table.rows
        for r in rows.indices {
            if let c = others.first(where: { rows[r][$0].trimmedCell == category }) { return c }
        }
        let long = longFormColumn()
        throw PlacemapError(
            .usage, file: table.source, message: "no row has the category \"\(category)\" (--population-category)",
            hint: long.map { "the categories of \(table.header[$0]) are: \(listed($0))" }
                ?? "this table has one row per code: leave --population-category out")
    }

    /// The column that tells apart the rows of the first code that repeats, if any.
    private func longFormColumn() -> Int? {
        var firstRow: [String: Int] = [:]
        for (r, row) in table.rows.enumerated() {
            guard let first = firstRow.updateValue(r, forKey: row[codeIndex]) else { continue }
            return others.first { table.rows[first][$0].trimmedCell != row[$0].trimmedCell }
        }
        return nil
    }

    /// The distinct values of `column`, in the order they first appear, the first eight of them.
    private func listed(_ column: Int) -> String {
        var seen = Set<String>()
        var values: [String] = []
        for row in table.rows where seen.insert(row[column].trimmedCell).inserted {
            values.append("\"\(row[column].trimmedCell)\"")
            if values.count > 8 { break }
        }
        return values.prefix(8).joined(separator: ", ") + (values.count > 8 ? ", …" : "")
    }
}
