import PlaceAnalysis
import PlaceOutput

/// A feature problem as one line: index, code, reason and where.
func describe(_ p: FeatureProblem) -> String {
    var s = "feature \(p.index)"
    if let code = p.code { s += " (\(code))" }
    s += ": \(p.reason)"
    if let l = p.location { s += " at \(Number.short(l.x)), \(Number.short(l.y))" }
    return s
}
