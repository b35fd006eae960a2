/// The data rows of a CSV table, packed: the text of every field in one byte buffer and where each
/// field ends, instead of an array of strings per row.
///
/// A million-row table of three short fields takes about 60 bytes a row this way, against about
/// 250 as `[[String]]` (an array and often a string allocation per row). A row reads as a
/// collection of strings (`rows[r][c]`), each made when asked for.
public struct CSVRows: RandomAccessCollection, Sendable, Equatable, ExpressibleByArrayLiteral {
    /// Fields per row.
    public private(set) var width: Int
    /// The UTF-8 text of all fields, one after the other.
    private var bytes: [UInt8] = []
    /// `ends[k]` is the offset in `bytes` one past field `k` (row `k / width`, column `k % width`).
    private var ends: [Int] = []

    /// Empty rows of `width` fields.
    public init(width: Int) { self.width = width }

    /// The rows of `rows`, all as wide as the first.
    public init(_ rows: [[String]]) {
        self.init(width: rows.first?.count ?? 0)
        for row in rows { append(row) }
    }

    public init(arrayLiteral rows: [String]...) { self.init(rows) }

    public var startIndex: Int { 0 }
    public var endIndex: Int { width == 0 ? 0 : ends.count / width }

    public subscript(r: Int) -> CSVRow { CSVRow(rows: self, row: r) }

    /// The text of row `r`, column `c`.
    public func field(_ r: Int, _ c: Int) -> String {
        let k = r * width + c
        let start = k == 0 ? 0 : ends[k - 1]
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<ends[k]]), as: UTF8.self) }
    }

    /// Adds a row; it must have ``width`` fields (the first row of an empty table sets it).
    public mutating func append(_ row: [String]) {
        if ends.isEmpty, width == 0 { width = row.count }
        precondition(row.count == width, "a row of \(row.count) fields in a table of \(width)")
        for field in row { appendField(field.utf8) }
    }

    /// Sets the text of row `r`, column `c` (rebuilds the buffer after it: for tables made in memory).
    public mutating func set(_ text: String, row r: Int, column c: Int) {
        var rows = map { Array($0) }
        rows[r][c] = text
        self = CSVRows(rows)
        if rows.isEmpty { width = 0 }
    }

    /// Removes the last row.
    @discardableResult public mutating func removeLast() -> [String] {
        let last = Array(self[count - 1])
        removeFields(from: (count - 1) * width)
        return last
    }

    /// Appends one field's bytes (for the reader, which has checked them).
    mutating func appendField<C: Collection>(_ field: C) where C.Element == UInt8 {
        bytes.append(contentsOf: field)
        ends.append(bytes.count)
    }

    /// The number of fields appended so far, whole rows or not (for the reader).
    var fieldCount: Int { ends.count }

    /// The text of field `k` counted over all rows (for the reader).
    func text(ofField k: Int) -> String {
        let start = k == 0 ? 0 : ends[k - 1]
        return String(decoding: bytes[start..<ends[k]], as: UTF8.self)
    }

    /// Drops the fields from index `k` on (for the reader: a blank line, or the header row).
    mutating func removeFields(from k: Int) {
        let start = k == 0 ? 0 : ends[k - 1]
        bytes.removeSubrange(start...)
        ends.removeSubrange(k...)
    }

    /// Sets the width once the header is known (for the reader).
    mutating func setWidth(_ w: Int) { width = w }

    /// Reserves room for `bytes` bytes of text in `fields` fields (for the reader: bounds it
    /// counted in the file, so that the buffers never grow by copying).
    mutating func reserve(bytes count: Int, fields: Int) {
        bytes.reserveCapacity(count)
        ends.reserveCapacity(fields)
    }

    public static func == (a: CSVRows, b: CSVRows) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0 == $1 }
    }
}

/// One row of a ``CSVRows``: a collection of its fields as strings.
public struct CSVRow: RandomAccessCollection, Sendable, Equatable, ExpressibleByArrayLiteral {
    let rows: CSVRows
    let row: Int

    init(rows: CSVRows, row: Int) {
        self.rows = rows
        self.row = row
    }

    public init(arrayLiteral fields: String...) { self.init(rows: CSVRows([fields]), row: 0) }

    public var startIndex: Int { 0 }
    public var endIndex: Int { rows.width }
    public subscript(c: Int) -> String { rows.field(row, c) }

    public static func == (a: CSVRow, b: CSVRow) -> Bool { a.elementsEqual(b) }
}
