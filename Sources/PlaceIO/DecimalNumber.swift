/// The one reader of numbers in every table placemap reads (population, attributes, lookups, patient
/// shares, scenarios, its own outputs read back): a finite decimal number, written as digits with an
/// optional fraction and exponent (`1520`, `0.25`, `1e3`), spaces or tabs around it allowed, and a
/// leading `-` only where negative values mean something. Hexadecimal (`0x10`), `NaN`, infinities,
/// thousands separators, a leading `+` and embedded NULs (`10<NUL>0`) are refused: Swift's `Double(_:)`
/// reads the first two as numbers and stops at the NUL.
public enum DecimalNumber {
    /// `text` as a finite decimal number, or nil; negative only when `signed`.
    public static func parse(_ text: String, signed: Bool = false) -> Double? {
        var bytes = Array(text.utf8)[...]
        while let b = bytes.first, b == 0x20 || b == 0x09 { bytes.removeFirst() }
        while let b = bytes.last, b == 0x20 || b == 0x09 { bytes.removeLast() }
        var i = bytes.startIndex
        let end = bytes.endIndex
        if signed, i < end, bytes[i] == 0x2D { i += 1 }
        func digits() -> Int {
            let from = i
            while i < end, bytes[i] >= 0x30, bytes[i] <= 0x39 { i += 1 }
            return i - from
        }
        guard digits() > 0 else { return nil }
        if i < end, bytes[i] == 0x2E {
            i += 1
            guard digits() > 0 else { return nil }
        }
        if i < end, bytes[i] == 0x65 || bytes[i] == 0x45 {
            i += 1
            if i < end, bytes[i] == 0x2B || bytes[i] == 0x2D { i += 1 }
            guard digits() > 0 else { return nil }
        }
        guard i == end, let value = Double(String(decoding: bytes, as: UTF8.self)), value.isFinite else { return nil }
        return value
    }

    /// `text` as a finite, non-negative decimal number, or nil.
    public static func count(_ text: String) -> Double? { parse(text) }

    /// `text` for a message: control characters (a NUL, a tab) written as `\u{0}`.
    public static func shown(_ text: String) -> String {
        text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "\\u{\(String($0.value, radix: 16))}" : String($0) }.joined()
    }
}

/// A running total of a table's column that refuses to overflow: figures that each fit in a Double
/// can add up to infinity (two rows of `1e308`), which would write `inf` and `nan` into every table.
public struct CheckedSum: Sendable {
    public private(set) var total = 0.0
    public let column: String
    public let source: String

    public init(column: String, source: String) {
        self.column = column
        self.source = source
    }

    /// Adds `value` (its magnitude, so that positive and negative figures cannot hide an overflow
    /// between them), or throws a bad-data error naming the file, line and column.
    public mutating func add(_ value: Double, line: Int, code: String? = nil) throws(PlacemapError) {
        total += abs(value)
        guard total.isFinite else {
            throw PlacemapError(
                .badData, file: source, line: line, featureCode: code, field: column,
                message: "the values of this column add up to more than a Double can hold (\(value) on this line)",
                hint: "the column does not hold counts or rates of people; fix the figures or choose another column")
        }
    }
}

extension CSVTable {
    /// The field of row `r` in column `column` as a count: a finite, non-negative decimal number (see
    /// ``DecimalNumber``), or a bad-data error naming the file line and column.
    public func count(row r: Int, column: Int, what: String = "count") throws(PlacemapError) -> Double {
        try number(row: r, column: column, what: what, signed: false)
    }

    /// The field of row `r` in column `column` as a finite decimal number (negative when `signed`), or a
    /// bad-data error naming the file line and column.
    public func number(row r: Int, column: Int, what: String = "number", signed: Bool = true) throws(PlacemapError) -> Double {
        let text = rows[r][column]
        guard let value = DecimalNumber.parse(text, signed: signed) else {
            let example =
                signed ? "a finite decimal number such as 1520, -3 or 0.25" : "a finite, non-negative decimal number such as 1520 or 0.25"
            throw PlacemapError(
                .badData, file: source, line: line(ofRow: r), field: header[column],
                message: "\"\(DecimalNumber.shown(text))\" is not a \(what) (\(example))",
                hint: "fix the row or choose another column")
        }
        return value
    }

    /// `text` as a finite, non-negative decimal number, or nil.
    public static func decimalCount(_ text: String) -> Double? { DecimalNumber.count(text) }
}
