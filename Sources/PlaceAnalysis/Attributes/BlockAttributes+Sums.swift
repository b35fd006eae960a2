import PlaceIO

/// Block attributes summed over whole blocks: what the diff and border uncertainty carry, where
/// every block goes wholly to one area or group.
extension BlockAttributes {
    /// A zero for each stored column.
    public var zeros: [Double] { Array(repeating: 0, count: width) }

    /// Adds block `k`'s stored columns to `sums`.
    public func add(block k: Int, to sums: inout [Double]) {
        let base = k * width
        for j in 0..<width { sums[j] += values[base + j] }
    }

    /// The stored columns of `blocks` summed.
    public func sum<S: Sequence<Int>>(of blocks: S) -> [Double] {
        var out = zeros
        for k in blocks { add(block: k, to: &out) }
        return out
    }

    /// The stored columns summed into areas: `areaOfBlock[k]` is block `k`'s area (nil: none), of `count`.
    public func sums(into areaOfBlock: [Int?], count: Int) -> [[Double]] {
        var out = [[Double]](repeating: zeros, count: count)
        for (k, a) in areaOfBlock.enumerated() { if let a { add(block: k, to: &out[a]) } }
        return out
    }

    /// Every block has a row: where a missing block would silently count as nobody (the diff), its
    /// absence is bad data naming the table, its code column and the first block without a row.
    public func requireEveryBlock(of blocks: String) throws(PlacemapError) {
        guard let first = blocksWithoutRow.first else { return }
        throw PlacemapError(
            .badData, file: source, featureCode: first, field: codeColumn,
            message: "block \(first) of \(blocks) has no row (\(blocksWithoutRow.count) blocks have none)",
            hint: "give every block a row (0 in every count where nobody lives), or use a table of the same blocks")
    }
}

extension [Double] {
    /// Element-wise sum (arrays of the same length).
    public func plus(_ other: [Double]) -> [Double] { indices.map { self[$0] + other[$0] } }
    /// Element-wise difference (arrays of the same length).
    func minus(_ other: [Double]) -> [Double] { indices.map { self[$0] - other[$0] } }
}
