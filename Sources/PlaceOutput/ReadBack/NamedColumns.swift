import PlaceIO

/// The columns of a table written by placemap, looked up by name (extra columns are ignored); a
/// missing one is bad data naming the file and the column.
struct NamedColumns {
    let table: CSVTable
    private let index: [String: Int]

    init(_ table: CSVTable, required: [String]) throws(PlacemapError) {
        self.table = table
        var index: [String: Int] = [:]
        for (i, name) in table.header.enumerated() where index[name] == nil { index[name] = i }
        for name in required where index[name] == nil {
            throw PlacemapError(
                .badData, file: table.source, field: name, message: "has no column \(name)",
                hint: "the columns are: \(table.header.joined(separator: ", ")); write the folder again with placemap")
        }
        self.index = index
    }

    var rows: Range<Int> { table.rows.indices }

    func has(_ name: String) -> Bool { index[name] != nil }

    func text(_ row: Int, _ name: String) -> String { index[name].map { table.rows[row][$0] } ?? "" }

    /// A non-negative number (bad data naming line and column otherwise); nil when `optional` and empty.
    func number(_ row: Int, _ name: String, optional: Bool = false) throws(PlacemapError) -> Double? {
        guard let i = index[name] else { return nil }
        if optional, table.rows[row][i].isEmpty { return nil }
        return try table.count(row: row, column: i, what: "number")
    }

    func count(_ row: Int, _ name: String) throws(PlacemapError) -> Double { try number(row, name) ?? 0 }

    /// The values of `columns` (each named with `suffix`) in `row`.
    func counts(_ row: Int, _ columns: [String], suffix: String = "") throws(PlacemapError) -> [Double] {
        var out: [Double] = []
        for c in columns { out.append(try count(row, c + suffix)) }
        return out
    }
}
