/// Whole-block assignment by largest share, reconciled along boundaries that the layers draw differently.
///
/// Places and systems generalised differently from the blocks (ONS council boundaries at 500 m against
/// LSOAs at 200 m, say) put a border block's largest share on the wrong side, and a place then seems
/// to reach into a neighbouring system with real people. Each block first goes to the place and the
/// system holding most of its area. Then a block whose system is not its place's main system is moved,
/// when it can be, to a neighbouring place that it also overlaps (by at least `minShare` of its area)
/// and whose main system is the block's; failing that, to its place's main system when it overlaps that
/// system by at least `minShare`. A block wholly inside one place and one system is never moved, so
/// real splits along block lines (a district's LSOAs given to another ICB) stay.
enum BoundaryReconciliation {
    static func assign(
        inA piecesA: [[Piece]], inB piecesB: [[Piece]], people: [Double], blockAreas: [Double], aCount: Int, minShare: Double = 0.01
    ) -> (a: [Int?], b: [Int?], moved: Int) {
        var inA = piecesA.map(PopulationWeighting.largest)
        var inB = piecesB.map(PopulationWeighting.largest)
        // Each place's main system, by the people the first assignment gives it.
        var counts = [[Int: Double]](repeating: [:], count: aCount)
        for k in people.indices {
            if let a = inA[k], let b = inB[k] { counts[a][b, default: 0] += people[k] }
        }
        let main = counts.map { c in c.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key }
        var moved = 0
        for k in people.indices {
            guard let a = inA[k], let b = inB[k], let home = main[a], b != home else { continue }
            let threshold = minShare * blockAreas[k]
            let otherPlaces = piecesA[k].filter { $0.b != a && $0.area >= threshold && main[$0.b] == b }
            if let best = otherPlaces.max(by: { ($0.area, -$0.b) < ($1.area, -$1.b) }) {
                inA[k] = best.b
                moved += 1
            } else if piecesB[k].contains(where: { $0.b == home && $0.area >= threshold }) {
                inB[k] = home
                moved += 1
            }
        }
        return (inA, inB, moved)
    }
}
