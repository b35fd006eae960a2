import PlaceGeometry

/// The boundaries of a set of polygon layers cut into shared arcs, so that a border two features have
/// in common (or a feature and an outline drawn over it) is stored, and later simplified, once.
///
/// Arcs are cut at junctions: vertices where the rings passing through them do not all have the same
/// two neighbours (where three or more features meet, or where one layer's boundary leaves another's).
/// This finds the shared borders when neighbours share their vertices exactly, as layers built from the
/// same small areas do (`placemap dissolve`); borders that only nearly coincide stay separate arcs.
/// GEOS 3.11 has no coverage simplifier, and noding the boundaries with GEOS would not tell which
/// polygon each noded line belongs to, so the cutting is done here on exact coordinates.
public struct ArcTopology: Sendable {
    /// One reference to an arc in a ring: the arc's index, and whether the ring runs it backwards.
    public struct ArcRef: Sendable, Equatable {
        public var arc: Int
        public var reversed: Bool
    }

    /// Each arc's points, interleaved x, y in metres; an arc's first and last points are junctions (or the
    /// same point, for a ring with no junction).
    public private(set) var arcs: [[Double]] = []
    /// For each shape: its polygons, each a list of rings (exterior first), each a list of arc references.
    public private(set) var shapes: [[[[ArcRef]]]] = []

    private struct Point: Hashable {
        var x: Double
        var y: Double
        static func < (a: Point, b: Point) -> Bool { a.x < b.x || (a.x == b.x && a.y < b.y) }
    }

    /// Builds the arcs of every polygonal shape given (points are ignored, giving an empty entry).
    public init(_ input: [Shape]) {
        // Pass 1: the neighbours of each vertex in the first ring seen through it; junctions.
        var neighbours: [Point: (Point, Point)] = [:]
        var junctions = Set<Point>()
        var rings: [[Point]] = []
        for shape in input where shape.isPolygonal {
            for r in 0..<shape.ringEnds.count {
                let ring = Self.points(shape, ring: r)
                rings.append(ring)
                let n = ring.count
                guard n >= 3 else { continue }
                for i in 0..<n {
                    let p = ring[i]
                    let a = ring[(i + n - 1) % n]
                    let b = ring[(i + 1) % n]
                    let pair = a < b ? (a, b) : (b, a)
                    if let seen = neighbours[p] {
                        if seen != pair { junctions.insert(p) }
                    } else {
                        neighbours[p] = pair
                    }
                }
            }
        }
        // Pass 2: cut each ring at its junctions; one arc for each distinct piece.
        var index: [[Double]: Int] = [:]
        var ringIndex = 0
        for shape in input {
            var polygons: [[[ArcRef]]] = []
            if shape.isPolygonal {
                for j in 0..<shape.polygonEnds.count {
                    var out: [[ArcRef]] = []
                    for _ in shape.polygonRange(j) {
                        let refs = cut(rings[ringIndex], junctions: junctions, index: &index)
                        ringIndex += 1
                        if !refs.isEmpty { out.append(refs) }
                    }
                    if !out.isEmpty { polygons.append(out) }
                }
            }
            shapes.append(polygons)
        }
    }

    /// The ring's distinct points, without the closing repeat and without consecutive duplicates.
    private static func points(_ shape: Shape, ring r: Int) -> [Point] {
        var out: [Point] = []
        for i in shape.ringRange(r) {
            let p = Point(x: shape.coordinates[2 * i], y: shape.coordinates[2 * i + 1])
            if out.last != p { out.append(p) }
        }
        if out.count > 1, out.first == out.last { out.removeLast() }
        return out
    }

    private mutating func cut(_ ring: [Point], junctions: Set<Point>, index: inout [[Double]: Int]) -> [ArcRef] {
        guard ring.count >= 3 else { return [] }
        let n = ring.count
        guard let start = ring.indices.first(where: { junctions.contains(ring[$0]) }) else {
            // No junction: the ring is one closed arc, started at its smallest point in a fixed direction.
            guard let low = ring.indices.min(by: { ring[$0] < ring[$1] }) else { return [] }
            let forward = ring[(low + 1) % n] < ring[(low + n - 1) % n]
            var pts: [Point] = []
            for k in 0...n { pts.append(ring[forward ? (low + k) % n : (low - k % n + n) % n]) }
            let (arc, _) = intern(pts, index: &index)
            // The arc runs the canonical way; say whether this ring runs it backwards.
            return [ArcRef(arc: arc, reversed: !forward)]
        }
        var refs: [ArcRef] = []
        var piece = [ring[start]]
        for k in 1...n {
            let p = ring[(start + k) % n]
            piece.append(p)
            if junctions.contains(p) {
                let (arc, reversed) = intern(piece, index: &index)
                refs.append(ArcRef(arc: arc, reversed: reversed))
                piece = [p]
            }
        }
        return refs
    }

    /// The arc with these points (either way round), added when new.
    private mutating func intern(_ pts: [Point], index: inout [[Double]: Int]) -> (Int, Bool) {
        var reversed = false
        if let first = pts.first, let last = pts.last {
            if last < first {
                reversed = true
            } else if first == last, pts.count > 2, pts[pts.count - 2] < pts[1] {
                reversed = true
            }
        }
        let canonical = reversed ? Array(pts.reversed()) : pts
        var flat: [Double] = []
        flat.reserveCapacity(canonical.count * 2)
        for p in canonical { flat += [p.x, p.y] }
        if let known = index[flat] { return (known, reversed) }
        index[flat] = arcs.count
        arcs.append(flat)
        return (arcs.count - 1, reversed)
    }

    /// The arcs simplified with Douglas–Peucker at `tolerance` metres, endpoints kept; `only` limits the
    /// work to the arcs of those shapes (the others are left empty).
    public func simplifiedArcs(tolerance: Double, only: [Int]? = nil) -> [[Double]] {
        guard let only else { return arcs.map { Simplification.douglasPeucker($0, tolerance: tolerance) } }
        var out = [[Double]](repeating: [], count: arcs.count)
        for s in only {
            for polygon in shapes[s] {
                for ring in polygon {
                    for ref in ring where out[ref.arc].isEmpty {
                        out[ref.arc] = Simplification.douglasPeucker(arcs[ref.arc], tolerance: tolerance)
                    }
                }
            }
        }
        return out
    }

    /// Shape `s` rebuilt from `arcs` (e.g. simplified ones): polygons, each a list of closed rings of
    /// interleaved x, y.
    public func rings(of s: Int, arcs: [[Double]]) -> [[[Double]]] {
        shapes[s].map { polygon in
            polygon.map { refs in
                var ring: [Double] = []
                for ref in refs {
                    let a = arcs[ref.arc]
                    let count = a.count / 2
                    // Each arc starts where the last ended: skip its first point after the first arc.
                    let skip = ring.isEmpty ? 0 : 1
                    if ref.reversed {
                        for k in stride(from: count - 1 - skip, through: 0, by: -1) { ring += [a[2 * k], a[2 * k + 1]] }
                    } else {
                        for k in skip..<count { ring += [a[2 * k], a[2 * k + 1]] }
                    }
                }
                return ring
            }
        }
    }
}
