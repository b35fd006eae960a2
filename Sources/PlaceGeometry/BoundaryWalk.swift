/// The shoelace integral along the parts of one shape's boundary (`x`) inside another (`y`), each
/// segment cut at its nodes (the crossings and touches on it) into pieces that lie wholly inside
/// `y`, outside it, or along its boundary; and which of these kinds occur.
///
/// A piece's state is decided where it starts: beyond a crossing by the side of the crossed segment
/// it runs to; at a touch by the sector test of `BoundaryCorner`; at any other vertex it carries on
/// from the piece before. A run of segments starts outside `y` (its first vertex lies beyond the
/// boxes' overlap), a ring wholly inside the overlap at a touch or with one point-in-polygon test.
struct BoundaryWalk {
    var twiceArea = 0.0
    /// Some piece lies inside `y`, outside it, or along its boundary with the interiors on opposite sides.
    var inside = false, outside = false, opposite = false

    /// A point where a piece of segment `segment` starts: its first vertex when that is a touch, a
    /// touch inside it, or a crossing (rounded, with the error of `t`). `key` orders the exact
    /// points (touches) along the segment: the coordinate on its dominant axis, negated when that
    /// decreases along it.
    struct Node {
        enum Kind { case start, touch, crossing }
        var segment: Int
        var kind: Kind
        var t: Double, err: Double, key: Double
        var x: Double, y: Double
        var after: PieceState
    }

    /// Nil when the walk cannot be trusted: a touch whose segments of `y` do not bound a valid
    /// polygon, two nodes too close to order, a crossing not between inside and outside, a walk that does not
    /// come back to its starting state. `isFirst`: `x` is the first shape of `contacts`, whose pieces
    /// along `y`'s boundary (interiors on the same side) are counted.
    init?(
        _ x: BoundaryRings, _ segments: [Int], against y: BoundaryRings, contacts: BoundaryContacts, isFirst: Bool,
        origin: (x: Double, y: Double)
    ) {
        guard let nodes = Self.nodes(x, against: y, contacts, isFirst: isFirst),
            walk(x, segments, against: y, nodes: nodes, countingAlong: isFirst, origin: origin)
        else { return nil }
    }

    /// The nodes on `x`'s segments, sorted by segment and along it; nil when two cannot be ordered
    /// for certain or a touch cannot be decided.
    static func nodes(_ x: BoundaryRings, against y: BoundaryRings, _ contacts: BoundaryContacts, isFirst: Bool) -> [Node]? {
        var nodes: [Node] = []
        nodes.reserveCapacity(contacts.crossings.count + contacts.touches.count)
        for c in contacts.crossings {
            let (s, t, err, into) =
                isFirst ? (c.first, c.tFirst, c.errFirst, c.intoSecond) : (c.second, c.tSecond, c.errSecond, c.intoFirst)
            nodes.append(Node(segment: s, kind: .crossing, t: t, err: err, key: 0, x: c.x, y: c.y, after: into ? .inside : .outside))
        }
        for (p, touch) in contacts.touches {
            let (own, other) = isFirst ? (touch.first, touch.second) : (touch.second, touch.first)
            guard let corner = BoundaryCorner(p, segments: other, of: y) else { return nil }
            for s in own {
                let e = x.next(s)
                let (x0, y0, x1, y1) = (x.xs[s], x.ys[s], x.xs[e], x.ys[e])
                // The piece ending here belongs to the segment that starts here.
                if p.x == x1 && p.y == y1 { continue }
                guard let after = corner.state(towardX: x1, y1, left: x.interiorLeft[Int(x.ringOf[s])]) else { return nil }
                let (dx, dy) = (x1 - x0, y1 - y0)
                let (t, key) = abs(dx) >= abs(dy) ? ((p.x - x0) / dx, dx > 0 ? p.x : -p.x) : ((p.y - y0) / dy, dy > 0 ? p.y : -p.y)
                let atStart = p.x == x0 && p.y == y0
                nodes.append(
                    Node(
                        segment: s, kind: atStart ? .start : .touch, t: atStart ? 0 : t, err: atStart ? 0 : 0x1p-50, key: key, x: p.x,
                        y: p.y, after: after))
            }
        }
        nodes.sort { a, b in
            if a.segment != b.segment { return a.segment < b.segment }
            return a.kind != .crossing && b.kind != .crossing ? a.key < b.key : a.t < b.t
        }
        // Touches are ordered exactly; a crossing must lie clear of its neighbours' error bounds.
        for n in nodes.indices.dropFirst() where nodes[n].segment == nodes[n - 1].segment {
            let (a, b) = (nodes[n - 1], nodes[n])
            let ordered = a.kind != .crossing && b.kind != .crossing ? a.key < b.key : b.t - a.t > a.err + b.err
            guard ordered else { return nil }
        }
        return nodes
    }

    /// Walks `x`'s listed segments run by run; false when the walk cannot be trusted.
    private mutating func walk(
        _ x: BoundaryRings, _ segments: [Int], against y: BoundaryRings, nodes: [Node], countingAlong: Bool,
        origin: (x: Double, y: Double)
    ) -> Bool {
        // Nodes of each listed segment: nodes[first[k]..<first[k + 1]] for segments[k].
        var first = [Int](repeating: 0, count: segments.count + 1)
        var c = 0
        for (k, s) in segments.enumerated() {
            first[k] = c
            while c < nodes.count, nodes[c].segment == s { c += 1 }
        }
        first[segments.count] = c
        guard c == nodes.count else { return false }
        // Rings with no segment in the box lie beyond the other shape's box: outside it.
        var listed = [Int](repeating: 0, count: x.ringBounds.count)
        for s in segments { listed[Int(x.ringOf[s])] += 1 }
        for r in listed.indices where listed[r] < x.ringStarts[r + 1] - x.ringStarts[r] { outside = true }
        let walk = Walk(x: x, segments: segments, nodes: nodes, first: first, listed: listed, origin: origin)
        var visited = [Bool](repeating: false, count: segments.count)
        for start in segments.indices where !visited[start] {
            guard let state = walk.startState(at: start, against: y) else { continue }
            guard run(walk, from: start, state, visited: &visited, countingAlong: countingAlong) else { return false }
        }
        return visited.allSatisfy { $0 }
    }

    /// One boundary's listed segments with their nodes: what a run needs to know.
    private struct Walk {
        let x: BoundaryRings
        let segments: [Int]
        let nodes: [Node]
        /// Nodes of each listed segment: nodes[first[k]..<first[k + 1]] for segments[k].
        let first: [Int]
        /// Listed segments of each ring.
        let listed: [Int]
        let origin: (x: Double, y: Double)

        /// Position of segment `s` in `segments`, if listed.
        func position(_ s: Int) -> Int? {
            var (lo, hi) = (0, segments.count)
            while lo < hi {
                let mid = (lo + hi) / 2
                if segments[mid] < s { lo = mid + 1 } else { hi = mid }
            }
            return lo < segments.count && segments[lo] == s ? lo : nil
        }

        /// Whether the ring of listed segment `k` lies wholly in the box.
        func isWhole(_ k: Int) -> Bool {
            let r = Int(x.ringOf[segments[k]])
            return listed[r] == x.ringStarts[r + 1] - x.ringStarts[r]
        }

        /// Whether listed segment `k` starts at a touch (whose node sets the state after it).
        func startsAtTouch(_ k: Int) -> Bool { first[k] < first[k + 1] && nodes[first[k]].kind == .start }

        /// The state at the start of a run beginning at listed segment `k`, or nil when no run starts
        /// there. A run starts where the previous segment is not listed (its start lies outside the box,
        /// so outside y), or at the first vertex of a ring lying wholly in the box: a touch, or a point
        /// off y's boundary (nil too when that point lies too close to y's boundary to tell).
        func startState(at k: Int, against y: BoundaryRings) -> PieceState? {
            let s0 = segments[k]
            guard isWhole(k) else { return position(x.previous(s0)) == nil ? .outside : nil }
            guard s0 == x.ringStarts[Int(x.ringOf[s0])] else { return nil }
            if startsAtTouch(k) { return .outside }
            return y.contains(x: x.xs[s0], y: x.ys[s0]).map { $0 ? .inside : .outside }
        }
    }

    /// Adds the run from listed segment `start` on, from `state`, marking its segments visited; false
    /// when a crossing does not lead between inside and outside or the run ends in the wrong state.
    private mutating func run(
        _ w: Walk, from start: Int, _ initial: PieceState, visited: inout [Bool], countingAlong: Bool
    ) -> Bool {
        let x = w.x
        let s0 = w.segments[start]
        let r = Int(x.ringOf[s0])
        let ringStart = x.ringStarts[r]
        let whole = w.isWhole(start)
        let atTouch = w.startsAtTouch(start)
        var state = initial
        let sign = x.interiorLeft[r] ? 1.0 : -1.0
        var k = start
        var (px, py) = (x.xs[s0] - w.origin.x, x.ys[s0] - w.origin.y)
        while true {
            visited[k] = true
            for n in w.first[k]..<w.first[k + 1] {
                let node = w.nodes[n]
                if node.kind == .start {
                    state = node.after
                    continue
                }
                let (qx, qy) = (node.x - w.origin.x, node.y - w.origin.y)
                add(state, px, py, qx, qy, sign: sign, countingAlong: countingAlong)
                // A crossing leads from inside to outside or back.
                if node.kind == .crossing, state != (node.after == .inside ? .outside : .inside) { return false }
                state = node.after
                (px, py) = (qx, qy)
            }
            let e = x.next(w.segments[k])
            let (qx, qy) = (x.xs[e] - w.origin.x, x.ys[e] - w.origin.y)
            add(state, px, py, qx, qy, sign: sign, countingAlong: countingAlong)
            (px, py) = (qx, qy)
            if e == ringStart && whole { break }
            guard let following = (k + 1 < w.segments.count && w.segments[k + 1] == e) ? k + 1 : w.position(e) else { break }
            if visited[following] { break }
            k = following
        }
        // Back at the start of a whole ring (unless a touch decides there), or at a vertex beyond the
        // box: the state must agree.
        return whole ? atTouch || state == initial : state == .outside
    }

    /// Adds the piece from p to q (relative to the origin) in `state`.
    @inline(__always)
    private mutating func add(
        _ state: PieceState, _ px: Double, _ py: Double, _ qx: Double, _ qy: Double, sign: Double, countingAlong: Bool
    ) {
        switch state {
        case .inside:
            twiceArea += sign * (px * qy - qx * py)
            inside = true
        case .onSame:
            if countingAlong { twiceArea += sign * (px * qy - qx * py) }
        case .outside:
            outside = true
        case .onOpposite:
            opposite = true
        }
    }
}
