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
    /// A best share below `minShare` leaves the row without B.
    public init(_ overlap: OverlapResult, minShare: Double = 0) {
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
        for i in best.indices where best[i].share < minShare { best[i].b = nil }
        self.rows = best.sorted { overlap.a.codes[$0.a] < overlap.a.codes[$1.a] }
    }
}
