/// A packed R-tree over bounding boxes, built once by Sort-Tile-Recursive and then read-only.
///
/// Items are integer indices into the caller's array. Being a plain value, one index can be
/// queried from many tasks at once (unlike a GEOS STR-tree, which belongs to one context).
public struct SpatialIndex: Sendable {
    private struct Node: Sendable {
        var bounds: Bounds
        /// Children: node indices (internal level) or item indices (leaf level).
        var children: Range<Int>
    }

    private let nodeCapacity: Int
    /// Levels from the leaves up; `levels[0]` nodes point into `items`.
    private var levels: [[Node]] = []
    private var items: [Int] = []
    private var itemBounds: [Bounds] = []

    /// Indexes `bounds[i]` as item `i`; nil entries (empty geometries) are left out.
    public init(_ bounds: [Bounds?], nodeCapacity: Int = 10) {
        self.nodeCapacity = max(2, nodeCapacity)
        self.itemBounds = bounds.map { $0 ?? Bounds(minX: .nan, minY: .nan, maxX: .nan, maxY: .nan) }
        var entries: [(index: Int, bounds: Bounds)] = bounds.enumerated().compactMap { i, b in b.map { (i, $0) } }
        guard !entries.isEmpty else { return }
        entries = Self.strOrder(entries, capacity: self.nodeCapacity)
        items = entries.map(\.index)
        var level = stride(from: 0, to: entries.count, by: self.nodeCapacity).map { start -> Node in
            let end = min(start + self.nodeCapacity, entries.count)
            var b = entries[start].bounds
            for e in entries[(start + 1)..<end] { b.include(e.bounds) }
            return Node(bounds: b, children: start..<end)
        }
        levels.append(level)
        while level.count > 1 {
            let ordered = Self.strOrder(level.enumerated().map { ($0.offset, $0.element.bounds) }, capacity: self.nodeCapacity)
            // Reorder the lower level so that each parent's children are contiguous.
            let lower = ordered.map { level[$0.index] }
            levels[levels.count - 1] = lower
            level = stride(from: 0, to: lower.count, by: self.nodeCapacity).map { start -> Node in
                let end = min(start + self.nodeCapacity, lower.count)
                var b = lower[start].bounds
                for n in lower[(start + 1)..<end] { b.include(n.bounds) }
                return Node(bounds: b, children: start..<end)
            }
            levels.append(level)
        }
    }

    /// Sort-Tile-Recursive order: slices by x centre, each slice sorted by y centre.
    private static func strOrder(_ entries: [(index: Int, bounds: Bounds)], capacity: Int) -> [(index: Int, bounds: Bounds)] {
        func cx(_ b: Bounds) -> Double { (b.minX + b.maxX) / 2 }
        func cy(_ b: Bounds) -> Double { (b.minY + b.maxY) / 2 }
        let byX = entries.sorted { (cx($0.bounds), $0.index) < (cx($1.bounds), $1.index) }
        let leafCount = (entries.count + capacity - 1) / capacity
        let sliceCount = max(1, Int(Double(leafCount).squareRoot().rounded(.up)))
        let sliceSize = (entries.count + sliceCount - 1) / sliceCount
        var out: [(index: Int, bounds: Bounds)] = []
        out.reserveCapacity(entries.count)
        for start in stride(from: 0, to: byX.count, by: sliceSize) {
            let slice = byX[start..<min(start + sliceSize, byX.count)]
            out += slice.sorted { (cy($0.bounds), $0.index) < (cy($1.bounds), $1.index) }
        }
        return out
    }

    /// Indices of items whose boxes intersect `query`, in ascending order.
    public func query(_ query: Bounds) -> [Int] {
        guard let top = levels.last else { return [] }
        var found: [Int] = []
        var stack: [(level: Int, node: Int)] = top.indices.map { (levels.count - 1, $0) }
        while let (l, n) = stack.popLast() {
            let node = levels[l][n]
            guard node.bounds.intersects(query) else { continue }
            if l == 0 {
                for i in node.children where itemBounds[items[i]].intersects(query) { found.append(items[i]) }
            } else {
                for c in node.children { stack.append((l - 1, c)) }
            }
        }
        return found.sorted()
    }

    public var count: Int { items.count }
}
