import Foundation

/// A CSV table per RFC 4180: a header row and data rows of text fields.
public struct CSVTable: Sendable {
    public var source: String
    public var header: [String]
    /// The data rows, packed (``CSVRows``); `rows[r][c]` is the text of row `r`, column `c`.
    public var rows: CSVRows
    /// The file line (from 1) on which each data row starts; empty for a table made in memory.
    public var rowLines: [Int]

    public init(source: String = "", header: [String], rows: [[String]] = [], rowLines: [Int] = []) {
        self.init(source: source, header: header, rows: rows.isEmpty ? CSVRows(width: header.count) : CSVRows(rows), rowLines: rowLines)
    }

    public init(source: String = "", header: [String], rows: CSVRows, rowLines: [Int] = []) {
        self.source = source
        self.header = header
        self.rows = rows
        self.rowLines = rowLines
    }

    /// The file line on which data row `r` (from 0) starts: the recorded line, or `r + 2` (after
    /// the header) for a table made in memory.
    public func line(ofRow r: Int) -> Int { r < rowLines.count ? rowLines[r] : r + 2 }

    /// The column index of `name`, or a usage error naming the columns there are.
    public func column(_ name: String) throws(PlacemapError) -> Int {
        guard let i = header.firstIndex(of: name) else {
            throw PlacemapError(
                .usage, file: source, field: name, message: "no such column",
                hint: "the columns are: " + header.joined(separator: ", "))
        }
        return i
    }

    /// The first column among `candidates` (case-insensitive), if any.
    public func firstColumn(among candidates: [String]) -> Int? {
        let lower = header.map { $0.lowercased() }
        for c in candidates { if let i = lower.firstIndex(of: c.lowercased()) { return i } }
        return nil
    }
}

/// Reads CSV files: UTF-8 (a byte-order mark tolerated), quoted fields with commas, quotes and
/// newlines, CRLF or LF line ends, a header row, and the same number of fields on every row.
public enum CSVReader {
    public static func read(path: String) throws(PlacemapError) -> CSVTable {
        // The file is mapped while read; the table's text takes as much again and its field ends
        // 8 bytes a field (a file of short fields: about 3 bytes a byte of file in all).
        try MemoryBudget.check(reading: path, bytesPerFileByte: 3, kind: "CSV")
        let data = try FileData.mapped(path)
        let table = data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Result<CSVTable, PlacemapError> in
            do throws(PlacemapError) {
                return .success(try parse(raw.assumingMemoryBound(to: UInt8.self), source: path))
            } catch {
                return .failure(error)
            }
        }
        return try table.get()
    }

    public static func parse(_ data: [UInt8], source: String) throws(PlacemapError) -> CSVTable {
        try data.withUnsafeBufferPointer { (buffer) throws(PlacemapError) -> CSVTable in try parse(buffer, source: source) }
    }

    static func parse(_ data: UnsafeBufferPointer<UInt8>, source: String) throws(PlacemapError) -> CSVTable {
        var parser = CSVParser(data, source: source)
        return try parser.parse()
    }
}
