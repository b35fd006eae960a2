import Foundation

/// A byte-level JSON scanner over a NUL-terminated UTF-8 buffer.
///
/// Hot paths (numbers, coordinate arrays) avoid `Any`, dictionaries and per-value allocation.
/// Errors carry the byte offset; `GeoJSONReader` turns it into a line and column.
struct JSONScanner {
    struct Failure: Error {
        var offset: Int
        var message: String
    }

    let bytes: UnsafeBufferPointer<UInt8>
    var pos = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    @inline(__always) var current: UInt8 { bytes[pos] }

    @inline(__always) mutating func skipSpace() {
        while true {
            let c = bytes[pos]
            if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { pos += 1 } else { return }
        }
    }

    func fail(_ message: String, at offset: Int? = nil) -> Failure { Failure(offset: offset ?? pos, message: message) }

    var atEnd: Bool { pos >= bytes.count - 1 }

    func describeCurrent() -> String {
        if atEnd { return "the end of the file" }
        let c = bytes[pos]
        return c >= 0x20 && c < 0x7F ? "'\(Character(Unicode.Scalar(c)))'" : String(format: "byte 0x%02X", c)
    }

    @inline(__always) mutating func expect(_ c: UInt8, _ what: String) throws(Failure) {
        skipSpace()
        guard bytes[pos] == c else { throw fail("expected \(what) but found \(describeCurrent())") }
        pos += 1
    }

    /// After a value inside a container: true when another element follows (a comma was eaten),
    /// false when the container closes (the closer was eaten).
    @inline(__always) mutating func next(closer: UInt8) throws(Failure) -> Bool {
        skipSpace()
        let c = bytes[pos]
        if c == 0x2C {
            pos += 1
            return true
        }
        if c == closer {
            pos += 1
            return false
        }
        throw fail("expected ',' or '\(Character(Unicode.Scalar(closer)))' but found \(describeCurrent())")
    }

    /// Consumes `open` and reports whether the container is empty (closer eaten).
    @inline(__always) mutating func open(_ open: UInt8, closer: UInt8, _ what: String) throws(Failure) -> Bool {
        try expect(open, what)
        skipSpace()
        if bytes[pos] == closer {
            pos += 1
            return true
        }
        return false
    }

    // MARK: Strings

    mutating func string() throws(Failure) -> String {
        skipSpace()
        guard bytes[pos] == 0x22 else { throw fail("expected a string but found \(describeCurrent())") }
        let start = pos
        pos += 1
        let contentStart = pos
        var plain = true
        while true {
            let c = bytes[pos]
            if c == 0x22 { break }
            if c == 0 && pos >= bytes.count - 1 { throw fail("unterminated string", at: start) }
            if c == 0x5C {
                plain = false
                // The escaped byte must lie before the terminating NUL.
                guard pos + 1 < bytes.count - 1 else { throw fail("unterminated string", at: start) }
                pos += 2
                continue
            }
            if c < 0x20 { throw fail("control character in a string (escape it as \\u00XX)") }
            pos += 1
        }
        let raw = UnsafeBufferPointer(rebasing: bytes[contentStart..<pos])
        pos += 1
        if plain {
            guard let s = String(validating: raw, as: UTF8.self) else {
                throw fail("text is not valid UTF-8", at: contentStart)
            }
            return s
        }
        return try unescape(raw, offset: contentStart)
    }

    private func unescape(_ raw: UnsafeBufferPointer<UInt8>, offset: Int) throws(Failure) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var i = 0
        func hex4(_ at: Int) throws(Failure) -> UInt32 {
            guard at + 4 <= raw.count else { throw fail("bad \\u escape", at: offset + at) }
            var v: UInt32 = 0
            for k in 0..<4 {
                let c = raw[at + k]
                let d: UInt32
                switch c {
                case 0x30...0x39: d = UInt32(c - 0x30)
                case 0x41...0x46: d = UInt32(c - 0x41 + 10)
                case 0x61...0x66: d = UInt32(c - 0x61 + 10)
                default: throw fail("bad \\u escape", at: offset + at)
                }
                v = v * 16 + d
            }
            return v
        }
        while i < raw.count {
            let c = raw[i]
            guard c == 0x5C else {
                out.append(c)
                i += 1
                continue
            }
            guard i + 1 < raw.count else { throw fail("bad escape", at: offset + i) }
            let e = raw[i + 1]
            i += 2
            switch e {
            case 0x22, 0x5C, 0x2F: out.append(e)
            case 0x62: out.append(0x08)
            case 0x66: out.append(0x0C)
            case 0x6E: out.append(0x0A)
            case 0x72: out.append(0x0D)
            case 0x74: out.append(0x09)
            case 0x75:
                var scalar = try hex4(i)
                i += 4
                if (0xD800..<0xDC00).contains(scalar), i + 6 <= raw.count, raw[i] == 0x5C, raw[i + 1] == 0x75 {
                    let low = try hex4(i + 2)
                    if (0xDC00..<0xE000).contains(low) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        i += 6
                    }
                }
                guard let u = Unicode.Scalar(scalar) else { throw fail("\\u escape is not a Unicode scalar", at: offset + i) }
                out.append(contentsOf: Array(String(Character(u)).utf8))
            default:
                throw fail("bad escape '\\\(Character(Unicode.Scalar(e)))'", at: offset + i - 2)
            }
        }
        guard let s = String(validating: out, as: UTF8.self) else { throw fail("text is not valid UTF-8", at: offset) }
        return s
    }

    // MARK: Numbers

    private static let exactPowers: [Double] = (0...22).map { pow(10.0, Double($0)) }

    /// Parses a JSON number. Decimals of up to 15 significant digits take Clinger's exact fast path
    /// (an integer mantissa divided or multiplied by an exact power of ten); others go to strtod.
    @inline(__always) mutating func number() throws(Failure) -> Double {
        skipSpace()
        let start = pos
        var negative = false
        if bytes[pos] == 0x2D {
            negative = true
            pos += 1
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var scale = 0
        var sawDigit = false
        while case let c = bytes[pos], c >= 0x30 && c <= 0x39 {
            if digits < 19 {
                mantissa = mantissa &* 10 &+ UInt64(c - 0x30)
                if mantissa > 0 { digits += 1 }
            } else {
                scale += 1
            }
            sawDigit = true
            pos += 1
        }
        if bytes[pos] == 0x2E {
            pos += 1
            var fractionDigit = false
            while case let c = bytes[pos], c >= 0x30 && c <= 0x39 {
                if digits < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(c - 0x30)
                    if mantissa > 0 { digits += 1 }
                    scale -= 1
                }
                fractionDigit = true
                pos += 1
            }
            guard fractionDigit else { throw fail("a number needs digits after its decimal point", at: start) }
        }
        guard sawDigit else {
            if bytes[pos] == 0x4E || bytes[pos] == 0x49 || bytes[pos] == 0x6E {
                throw fail("NaN and Infinity are not JSON numbers", at: start)
            }
            throw fail("expected a number but found \(describeCurrent())", at: start)
        }
        var exponent = 0
        if bytes[pos] == 0x65 || bytes[pos] == 0x45 {
            pos += 1
            var expNegative = false
            if bytes[pos] == 0x2D {
                expNegative = true
                pos += 1
            } else if bytes[pos] == 0x2B {
                pos += 1
            }
            var expDigits = false
            while case let c = bytes[pos], c >= 0x30 && c <= 0x39 {
                if exponent < 100_000 { exponent = exponent * 10 + Int(c - 0x30) }
                expDigits = true
                pos += 1
            }
            guard expDigits else { throw fail("a number's exponent needs digits", at: start) }
            if expNegative { exponent = -exponent }
        }
        let power = scale + exponent
        if digits <= 15, power >= -22, power <= 22 {
            let m = Double(mantissa)
            let v = power < 0 ? m / Self.exactPowers[-power] : m * Self.exactPowers[power]
            return negative ? -v : v
        }
        return slowNumber(from: start)
    }

    private func slowNumber(from start: Int) -> Double {
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<pos]), as: UTF8.self)
        return strtod(text, nil)
    }

    // MARK: Generic values

    mutating func literal(_ word: StaticString) throws(Failure) {
        let start = pos
        for k in 0..<word.utf8CodeUnitCount {
            guard bytes[pos] == word.utf8Start[k] else { throw fail("expected a JSON value but found \(describeCurrent())", at: start) }
            pos += 1
        }
    }

    mutating func value(depth: Int = 0) throws(Failure) -> JSONValue {
        guard depth < 512 else { throw fail("JSON nested too deeply") }
        skipSpace()
        switch bytes[pos] {
        case 0x22: return .string(try string())
        case 0x7B: return .object(try object(depth: depth))
        case 0x5B:
            var items: [JSONValue] = []
            if try open(0x5B, closer: 0x5D, "'['") { return .array(items) }
            repeat { items.append(try value(depth: depth + 1)) } while try next(closer: 0x5D)
            return .array(items)
        case 0x74:
            try literal("true")
            return .bool(true)
        case 0x66:
            try literal("false")
            return .bool(false)
        case 0x6E:
            try literal("null")
            return .null
        default:
            let n = try number()
            return .number(n)
        }
    }

    mutating func object(depth: Int = 0) throws(Failure) -> JSONObject {
        var members = JSONObject()
        if try open(0x7B, closer: 0x7D, "'{'") { return members }
        repeat {
            let keyStart = pos
            let key = try string()
            try expect(0x3A, "':'")
            let v = try value(depth: depth + 1)
            if members[key] != nil { throw fail("member \"\(key)\" appears twice in one object", at: keyStart) }
            members.appendUnchecked(key, v)
        } while try next(closer: 0x7D)
        return members
    }

    /// Skips any value without building it.
    mutating func skipValue() throws(Failure) {
        _ = try value()
    }

    /// The start offsets of the elements of the array whose '[' is at `open`, and the offset just
    /// past its ']', found by a structural scan (strings and nesting only, no values parsed); nil when
    /// the array is not well formed, so that a full parse can say what is wrong.
    func arrayElements(openingAt open: Int) -> (starts: [Int], end: Int)? {
        var starts: [Int] = []
        var depth = 0
        var p = open + 1
        var expectElement = true
        let count = bytes.count - 1
        while p < count {
            let c = bytes[p]
            switch c {
            case 0x22:
                if depth == 0 && expectElement {
                    starts.append(p)
                    expectElement = false
                }
                p += 1
                while p < count && bytes[p] != 0x22 { p += bytes[p] == 0x5C ? 2 : 1 }
                // An escape just before the end steps past it: the array is not well formed.
                guard p < count else { return nil }
            case 0x7B, 0x5B:
                if depth == 0 && expectElement {
                    starts.append(p)
                    expectElement = false
                }
                depth += 1
            case 0x7D, 0x5D:
                if depth == 0 { return c == 0x5D ? (starts, p + 1) : nil }
                depth -= 1
            case 0x2C:
                if depth == 0 { expectElement = true }
            case 0x20, 0x0A, 0x0D, 0x09:
                break
            default:
                if depth == 0 && expectElement {
                    starts.append(p)
                    expectElement = false
                }
            }
            p += 1
        }
        return nil
    }

    /// Line and column (both from 1) of a byte offset.
    func lineAndColumn(of offset: Int) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        for i in 0..<min(offset, bytes.count) where bytes[i] == 0x0A {
            line += 1
            lineStart = i + 1
        }
        return (line, offset - lineStart + 1)
    }
}
