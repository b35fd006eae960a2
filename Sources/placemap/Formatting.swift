import Foundation
import PlaceAnalysis

/// A feature problem as one line: index, code, reason and where.
func describe(_ p: FeatureProblem) -> String {
    var s = "feature \(p.index)"
    if let code = p.code { s += " (\(code))" }
    s += ": \(p.reason)"
    if let l = p.location { s += " at \(fmt(l.x)), \(fmt(l.y))" }
    return s
}

/// A number for the terminal: one decimal when large or whole, else six significant digits.
func fmt(_ v: Double) -> String {
    if abs(v) >= 1000 || v.rounded() == v { return String(format: "%.1f", v) }
    return String(format: "%.6g", v)
}
