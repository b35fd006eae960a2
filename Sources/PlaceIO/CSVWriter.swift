import Foundation
import PlaceGeometry

/// Writes CSV per RFC 4180: comma separated, CRLF line ends, UTF-8 without a byte-order mark,
/// fields quoted when they hold a comma, quote, or line break, or start with U+FEFF.
public enum CSVWriter {
    /// Tables with more rows than this are encoded in runs of rows on every core.
    static let parallelRows = 8192

    /// The table as RFC 4180 bytes (UTF-8).
    public static func bytes(_ table: CSVTable) -> [UInt8] {
        var out: [UInt8] = []
        append(table.header, to: &out)
        let rows = table.rows
        guard rows.count > parallelRows else {
            out.reserveCapacity(64 * (rows.count + 1))
            for r in rows { append(r, to: &out) }
            return out
        }
        let runs = stride(from: 0, to: rows.count, by: parallelRows / 2).map { $0..<min($0 + parallelRows / 2, rows.count) }
        let encoded = Parallel.map(runs.count, state: {}) { _, k in
            var bytes: [UInt8] = []
            bytes.reserveCapacity(64 * runs[k].count)
            for r in runs[k] { append(rows[r], to: &bytes) }
            return bytes
        }
        out.reserveCapacity(out.count + encoded.reduce(0) { $0 + $1.count })
        for bytes in encoded { out += bytes }
        return out
    }

    /// One row's fields, quoted where needed, and CRLF.
    private static func append<Fields: Collection<String>>(_ fields: Fields, to out: inout [UInt8]) {
        for (k, f) in fields.enumerated() {
            if k > 0 { out.append(0x2C) }
            let utf8 = f.utf8
            // A leading U+FEFF is quoted too: unquoted at the start of a file it reads as a byte-order mark.
            if utf8.starts(with: [0xEF, 0xBB, 0xBF]) || utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
                out.append(0x22)
                for b in utf8 {
                    out.append(b)
                    if b == 0x22 { out.append(0x22) }
                }
                out.append(0x22)
            } else {
                out.append(contentsOf: utf8)
            }
        }
        out.append(0x0D)
        out.append(0x0A)
    }

    /// The table as RFC 4180 text.
    public static func text(_ table: CSVTable) -> String { String(decoding: bytes(table), as: UTF8.self) }
}
