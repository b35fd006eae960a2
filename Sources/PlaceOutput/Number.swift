import Foundation

/// Number formatting for tables.
public enum Number {
    /// `v` rounded to `places` decimals (so that tables print no float noise).
    public static func round(_ v: Double, _ places: Int) -> Double {
        let scale = pow(10.0, Double(places))
        let r = (v * scale).rounded() / scale
        return abs(r) < 1e15 ? r : v
    }
}
