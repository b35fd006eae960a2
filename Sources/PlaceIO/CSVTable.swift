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
        var start = 0
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        guard data.count > start else {
            throw PlacemapError(.badData, file: source, message: "the file is empty", hint: "expected a header row and data rows")
        }
        // Fields go straight into packed rows; the header is the first record, taken out of them.
        // The file bounds the text, its commas and line ends the fields: reserved once, the
        // buffers never grow by copying (a copy is twice the memory at its peak).
        var rows = CSVRows(width: 0)
        var separators = 1
        var lineEnds = 1
        for c in data[start...] where c == 0x2C || c == 0x0A {
            separators += 1
            if c == 0x0A { lineEnds += 1 }
        }
        rows.reserve(bytes: data.count - start, fields: separators)
        var header: [String]?
        var lines: [Int] = []
        lines.reserveCapacity(lineEnds)
        var meter = MemoryMeter(file: source, what: "rows")
        var field: [UInt8] = []
        var recordStart = 0  // index of the record's first field in `rows`
        var line = 1
        var recordLine = 1
        var i = start
        var quoted = false
        var fieldWasQuoted = false

        func finishField() throws(PlacemapError) {
            // Fields split at ASCII bytes, so a field is valid UTF-8 when its bytes are.
            if field.contains(where: { $0 >= 0x80 }), String(validating: field, as: UTF8.self) == nil {
                throw PlacemapError(
                    .badData, file: source, line: recordLine, message: "text is not valid UTF-8",
                    hint: "save the file as UTF-8 (e.g. iconv -f latin1 -t utf-8)")
            }
            rows.appendField(field)
            field.removeAll(keepingCapacity: true)
            fieldWasQuoted = false
        }
        func finishRecord() throws(PlacemapError) {
            try finishField()
            let count = rows.fieldCount - recordStart
            if count == 1, rows.text(ofField: recordStart).isEmpty {
                rows.removeFields(from: recordStart)  // a blank line
            } else if let header {
                if count != header.count {
                    throw PlacemapError(
                        .badData, file: source, line: recordLine,
                        message: "row has \(count) fields but the header has \(header.count)",
                        hint: "quote fields that contain commas, or fix the row")
                }
                lines.append(recordLine)
                recordStart = rows.fieldCount
                try meter.add(64, index: lines.count)
            } else {
                header = (0..<count).map { rows.text(ofField: $0) }
                rows.removeFields(from: 0)
                rows.setWidth(count)
            }
            recordLine = line
        }

        while i < data.count {
            let c = data[i]
            if quoted {
                if c == 0x22 {
                    if i + 1 < data.count, data[i + 1] == 0x22 {
                        field.append(0x22)
                        i += 2
                        continue
                    }
                    quoted = false
                } else {
                    if c == 0x0A { line += 1 }
                    field.append(c)
                }
                i += 1
                continue
            }
            switch c {
            case 0x22:
                guard field.isEmpty, !fieldWasQuoted else {
                    throw PlacemapError(
                        .badData, file: source, line: line, message: "a quote inside an unquoted field",
                        hint: "RFC 4180: quote the whole field and double the quotes inside it")
                }
                quoted = true
                fieldWasQuoted = true
            case 0x2C: try finishField()
            case 0x0D where i + 1 < data.count && data[i + 1] == 0x0A: break
            case 0x0A:
                line += 1
                try finishRecord()
            default:
                if fieldWasQuoted {
                    throw PlacemapError(
                        .badData, file: source, line: line, message: "text after a closing quote",
                        hint: "RFC 4180: quote the whole field and double the quotes inside it")
                }
                field.append(c)
            }
            i += 1
        }
        if quoted {
            throw PlacemapError(
                .badData, file: source, line: recordLine, message: "a quoted field is never closed",
                hint: "close the quote or remove it")
        }
        if !field.isEmpty || rows.fieldCount > recordStart { try finishRecord() }
        guard let header else {
            throw PlacemapError(.badData, file: source, message: "the file has no header row")
        }
        var seen = Set<String>()
        for name in header where !seen.insert(name).inserted {
            throw PlacemapError(.badData, file: source, line: 1, field: name, message: "the header names this column twice")
        }
        return CSVTable(source: source, header: header, rows: rows, rowLines: lines)
    }
}
