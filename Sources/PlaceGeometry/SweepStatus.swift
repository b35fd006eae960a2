/// The segments a plane sweep currently crosses, in order from bottom to top: a treap over segment
/// numbers in flat buffers (owned here, freed in `deinit`), split and merged by predicates that the
/// caller evaluates at the sweep position (so the order needs no stored keys). Each operation costs
/// O(log n) expected.
final class SweepStatus {
    static let empty: Int32 = -1

    var root: Int32 = SweepStatus.empty
    private let left: UnsafeMutableBufferPointer<Int32>
    private let right: UnsafeMutableBufferPointer<Int32>
    private let priority: UnsafeMutableBufferPointer<UInt32>

    /// Room for segments 0..<count; the priorities come from a fixed-seed generator, so runs repeat.
    init(count: Int) {
        left = .allocate(capacity: count)
        left.initialize(repeating: Self.empty)
        right = .allocate(capacity: count)
        right.initialize(repeating: Self.empty)
        priority = .allocate(capacity: count)
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for i in 0..<count {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            priority[i] = UInt32(truncatingIfNeeded: state >> 33)
        }
    }

    deinit {
        left.deallocate()
        right.deallocate()
        priority.deallocate()
    }

    /// Segment s as a tree of its own.
    func node(_ s: Int) -> Int32 {
        left[s] = Self.empty
        right[s] = Self.empty
        return Int32(s)
    }

    /// Splits `tree` into the segments for which `goesLeft` holds (a prefix of the order) and the rest.
    func split<E: Error>(_ tree: Int32, _ goesLeft: (Int) throws(E) -> Bool) throws(E) -> (Int32, Int32) {
        guard tree != Self.empty else { return (Self.empty, Self.empty) }
        let t = Int(tree)
        if try goesLeft(t) {
            let (a, b) = try split(right[t], goesLeft)
            right[t] = a
            return (tree, b)
        } else {
            let (a, b) = try split(left[t], goesLeft)
            left[t] = b
            return (a, tree)
        }
    }

    /// Joins two trees, every segment of `a` below every segment of `b`.
    func merge(_ a: Int32, _ b: Int32) -> Int32 {
        if a == Self.empty { return b }
        if b == Self.empty { return a }
        if priority[Int(a)] > priority[Int(b)] {
            right[Int(a)] = merge(right[Int(a)], b)
            return a
        } else {
            left[Int(b)] = merge(a, left[Int(b)])
            return b
        }
    }

    /// The lowest segment of `tree`.
    func first(_ tree: Int32) -> Int? {
        guard tree != Self.empty else { return nil }
        var t = tree
        while left[Int(t)] != Self.empty { t = left[Int(t)] }
        return Int(t)
    }

    /// The highest segment of `tree`.
    func last(_ tree: Int32) -> Int? {
        guard tree != Self.empty else { return nil }
        var t = tree
        while right[Int(t)] != Self.empty { t = right[Int(t)] }
        return Int(t)
    }

    /// The segments of `tree`, bottom to top.
    func elements(_ tree: Int32) -> [Int] {
        guard tree != Self.empty else { return [] }
        return elements(left[Int(tree)]) + [Int(tree)] + elements(right[Int(tree)])
    }
}
