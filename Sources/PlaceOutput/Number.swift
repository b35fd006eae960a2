import Foundation

/// Number formatting for tables and the terminal.
public enum Number {
    /// `v` rounded to `places` decimals (so that tables print no float noise).
    public static func round(_ v: Double, _ places: Int) -> Double {
        let scale = pow(10.0, Double(places))
        let r = (v * scale).rounded() / scale
        return abs(r) < 1e15 ? r : v
    }

    /// A number for the terminal: one decimal when large or whole, else six significant digits.
    public static func short(_ v: Double) -> String {
        if abs(v) >= 1000 || v.rounded() == v { return String(format: "%.1f", v) }
        return String(format: "%.6g", v)
    }
}
