import PlaceAnalysis

extension OverlapResult {
    /// What the overlap found, for the terminal: pairs, slivers, population and joins, repairs, features
    /// whose validity was not checked.
    public var summary: String {
        let r = self
        var s = "overlap: \(r.rows.count) pairs from \(r.a.count) × \(r.b.count) features"
        s += "; slivers set aside (both shares < \(r.options.minShare)): \(r.slivers.count) pairs, \(Number.short(r.slivers.area)) m²"
        if let split = r.split {
            s +=
                "\npopulation (\(split.method.rawValue)): \(Number.short(split.total)) in blocks, \(Number.short(split.outsideEveryPiece)) outside every piece"
            if let a = split.attributes, !a.attributes.countColumns.isEmpty {
                s += "\n" + a.attributes.reconciliation(a, method: split.method)
            }
        }
        for gap in r.options.population?.gaps ?? [] { s += "\ngap (allowed): \(gap.description)" }
        for l in [r.a, r.b] where !l.repairs.isEmpty { s += "\n\(l.source): \(l.repairs.count) invalid geometries repaired" }
        for l in [r.a, r.b] {
            for u in l.unchecked { s += "\n\(l.source): feature \(u.index)\(u.code.map { " (\($0))" } ?? ""): \(u.reason)" }
        }
        return s
    }
}
