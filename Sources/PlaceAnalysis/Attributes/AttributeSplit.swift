/// Block attributes summed into A features, B features and their overlaps with the weights that
/// share the population (filled in the same loop as ``PopulationSplit``). Sums are of the stored
/// columns; ``BlockAttributes/finish(_:)`` turns them into counts, means and shares.
public struct AttributeSplit: Sendable {
    public let attributes: BlockAttributes
    public var width: Int { attributes.width }
    /// `byA[i * width + j]`: stored column `j` summed into A feature `i`.
    public var byA: [Double]
    public var byB: [Double]
    public var byPair: [Pair: [Double]] = [:]
    /// Every block's stored columns summed.
    public let total: [Double]

    init(_ attributes: BlockAttributes, aCount: Int, bCount: Int) {
        self.attributes = attributes
        self.byA = Array(repeating: 0, count: aCount * attributes.width)
        self.byB = Array(repeating: 0, count: bCount * attributes.width)
        self.total = attributes.totals
    }

    /// The stored sums of A feature `i`.
    public func a(_ i: Int) -> ArraySlice<Double> { byA[(i * width)..<((i + 1) * width)] }
    public func b(_ i: Int) -> ArraySlice<Double> { byB[(i * width)..<((i + 1) * width)] }
    public func pair(_ p: Pair) -> [Double] { byPair[p] ?? Array(repeating: 0, count: width) }

    /// Stored sums outside every (A, B) overlap: with `total`, the reconciliation of each count.
    public var outsideEveryPiece: [Double] {
        var outside = total
        // In pair order, so that the last bits are the same from run to run.
        for pair in byPair.keys.sorted() { for j in 0..<width { outside[j] -= byPair[pair]?[j] ?? 0 } }
        return outside
    }

    mutating func add(block k: Int, weight: Double, a: Int?, b: Int?) {
        let w = width
        let base = k * w
        let values = attributes.values
        if let a { for j in 0..<w { byA[a * w + j] += weight * values[base + j] } }
        if let b { for j in 0..<w { byB[b * w + j] += weight * values[base + j] } }
        if let a, let b { addPair(block: k, weight: weight, Pair(a, b)) }
    }

    mutating func addA(block k: Int, weight: Double, _ a: Int) {
        let w = width
        for j in 0..<w { byA[a * w + j] += weight * attributes.values[k * w + j] }
    }

    mutating func addB(block k: Int, weight: Double, _ b: Int) {
        let w = width
        for j in 0..<w { byB[b * w + j] += weight * attributes.values[k * w + j] }
    }

    mutating func addPair(block k: Int, weight: Double, _ pair: Pair) {
        let w = width
        let base = k * w
        let values = attributes.values
        byPair[pair, default: Array(repeating: 0, count: w)].withUnsafeMutableBufferPointer { sums in
            for j in 0..<w { sums[j] += weight * values[base + j] }
        }
    }
}
