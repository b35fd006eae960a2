import PlaceIO

/// An ONS-style best-fit lookup: each feature of A goes to the feature of B holding most of its
/// population (or of its area, without population).
public struct BestFitLookup: Sendable {
    public struct Row: Sendable {
        public var a: Int
        /// The best B feature, or nil when A overlaps none.
        public var b: Int?
        /// The share of A's population (or area) that B holds.
        public var share: Double
    }

    public let overlap: OverlapResult
    public let rows: [Row]

    /// By population when the overlap carries population, else by area. Ties go to the lower B code.
    public init(_ overlap: OverlapResult) {
        self.overlap = overlap
        var best = [Row](repeating: Row(a: 0, b: nil, share: 0), count: overlap.a.count)
        for i in best.indices { best[i].a = i }
        let byPopulation = overlap.split != nil
        for r in overlap.rows {
            let share = byPopulation ? r.populationShareOfA ?? 0 : r.shareOfA
            let current = best[r.a]
            if current.b == nil || share > current.share {
                best[r.a] = Row(a: r.a, b: r.b, share: share)
            }
        }
        self.rows = best.sorted { overlap.a.codes[$0.a] < overlap.a.codes[$1.a] }
    }

    /// Columns named after the inputs' geographies, e.g. LAD24CD,LAD24NM,ICB24CD,ICB24NM, then
    /// population_share or area_share. When both geographies have the same name, B's get "_2".
    public var table: CSVTable {
        let a = overlap.a
        let b = overlap.b
        let shareColumn = overlap.split != nil ? "population_share" : "area_share"
        let suffix = a.fields.prefix == b.fields.prefix ? "_2" : ""
        let header = [
            a.fields.prefix + "CD", a.fields.prefix + "NM", b.fields.prefix + "CD" + suffix, b.fields.prefix + "NM" + suffix, shareColumn,
        ]
        return CSVTable(
            header: header,
            rows: rows.map { r in
                [
                    a.codes[r.a], a.names[r.a], r.b.map { b.codes[$0] } ?? "", r.b.map { b.names[$0] } ?? "",
                    JSONValue.number(Number.round(r.share, 9)).text ?? "",
                ]
            })
    }
}
