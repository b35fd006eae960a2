import Foundation

/// Writes CSV per RFC 4180: comma separated, CRLF line ends, UTF-8 without a byte-order mark,
/// fields quoted when they hold a comma, quote, or line break, or start with U+FEFF.
public enum CSVWriter {
    /// The table as RFC 4180 bytes (UTF-8).
    public static func bytes(_ table: CSVTable) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(64 * (table.rows.count + 1))
        func row<Fields: Collection<String>>(_ fields: Fields) {
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
        row(table.header)
        for r in table.rows { row(r) }
        return out
    }

    /// The table as RFC 4180 text.
    public static func text(_ table: CSVTable) -> String { String(decoding: bytes(table), as: UTF8.self) }
}
