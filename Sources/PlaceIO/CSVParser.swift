/// One pass over the bytes of a CSV file (RFC 4180, UTF-8, optional byte order mark), fields going
/// straight into packed rows; ``CSVTable/parse(_:source:)`` runs it.
struct CSVParser {
    let data: UnsafeBufferPointer<UInt8>
    let source: String
    private var rows = CSVRows(width: 0)
    private var header: [String]?
    private var lines: [Int] = []
    private var meter: MemoryMeter
    private var field: [UInt8] = []
    /// Index of the current record's first field in `rows`.
    private var recordStart = 0
    private var line = 1
    private var recordLine = 1
    private var fieldWasQuoted = false

    init(_ data: UnsafeBufferPointer<UInt8>, source: String) {
        self.data = data
        self.source = source
        meter = MemoryMeter(file: source, what: "rows")
    }

    /// The table: the header, the rows and the line each row starts on.
    mutating func parse() throws(PlacemapError) -> CSVTable {
        let start = data.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        guard data.count > start else {
            throw PlacemapError(.badData, file: source, message: "the file is empty", hint: "expected a header row and data rows")
        }
        reserve(from: start)
        try scan(from: start)
        guard let header else {
            throw PlacemapError(.badData, file: source, message: "the file has no header row")
        }
        var seen = Set<String>()
        for name in header where !seen.insert(name).inserted {
            throw PlacemapError(.badData, file: source, line: 1, field: name, message: "the header names this column twice")
        }
        return CSVTable(source: source, header: header, rows: rows, rowLines: lines)
    }

    /// The file bounds the text, its commas and line ends the fields: reserved once, the buffers never
    /// grow by copying (a copy is twice the memory at its peak).
    private mutating func reserve(from start: Int) {
        var separators = 1
        var lineEnds = 1
        for c in data[start...] where c == 0x2C || c == 0x0A {
            separators += 1
            if c == 0x0A { lineEnds += 1 }
        }
        rows.reserve(bytes: data.count - start, fields: separators)
        lines.reserveCapacity(lineEnds)
    }

    /// Splits the bytes into fields and records.
    private mutating func scan(from start: Int) throws(PlacemapError) {
        var i = start
        var quoted = false
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
    }

    private mutating func finishField() throws(PlacemapError) {
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

    /// Ends a record: a blank line is dropped, the first record is the header, every other one must
    /// have the header's width.
    private mutating func finishRecord() throws(PlacemapError) {
        try finishField()
        let count = rows.fieldCount - recordStart
        if count == 1, rows.text(ofField: recordStart).isEmpty {
            rows.removeFields(from: recordStart)
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
}
