import PlaceGeometry

/// JSON text output helpers.
public enum JSONText {
    /// Shortest text that reads back to the same double.
    public static func shortest(_ v: Double) -> String {
        if v.rounded() == v, abs(v) < 1e15 { return String(Int64(v)) }
        return String(v)
    }

    /// `v` rounded to `decimals` places, trailing zeros trimmed.
    public static func append(fixed v: Double, decimals: Int, to s: inout String) {
        let scale = pow10(decimals)
        let scaled = (abs(v) * scale).rounded()
        guard scaled < 9e15 else {
            s += shortest(v)
            return
        }
        var units = Int64(scaled)
        if units == 0 {
            s += "0"
            return
        }
        if v < 0 { s += "-" }
        let divisor = Int64(scale)
        s += String(units / divisor)
        units %= divisor
        guard units > 0 else { return }
        var digits = String(units)
        digits = String(repeating: "0", count: decimals - digits.count) + digits
        while digits.last == "0" { digits.removeLast() }
        s += "." + digits
    }

    private static func pow10(_ n: Int) -> Double {
        var r = 1.0
        for _ in 0..<n { r *= 10 }
        return r
    }

    public static func append(string: String, to s: inout String) {
        s += "\""
        for u in string.unicodeScalars {
            switch u {
            case "\"": s += "\\\""
            case "\\": s += "\\\\"
            case "\n": s += "\\n"
            case "\r": s += "\\r"
            case "\t": s += "\\t"
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    s += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    s.unicodeScalars.append(u)
                }
            }
        }
        s += "\""
    }

    public static func append(_ value: JSONValue, to s: inout String) {
        switch value {
        case .null: s += "null"
        case .bool(let b): s += b ? "true" : "false"
        case .number(let n): s += n.isFinite ? shortest(n) : "null"
        case .string(let t): append(string: t, to: &s)
        case .array(let items):
            s += "["
            for (i, item) in items.enumerated() {
                if i > 0 { s += ", " }
                append(item, to: &s)
            }
            s += "]"
        case .object(let o):
            s += "{ "
            for (i, (k, v)) in o.members.enumerated() {
                if i > 0 { s += ", " }
                append(string: k, to: &s)
                s += ": "
                append(v, to: &s)
            }
            s += o.count == 0 ? "}" : " }"
        }
    }

    /// A whole value as text.
    public static func text(_ value: JSONValue) -> String {
        var s = ""
        append(value, to: &s)
        return s
    }
}
