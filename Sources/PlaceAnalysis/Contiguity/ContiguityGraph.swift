import PlaceIO

/// The adjacency graph of a layer: its edges, connected components and islands.
public struct ContiguityGraph: Sendable {
    public let layer: AnalysisLayer
    /// Snapping tolerance in metres: features within it count as neighbours.
    public let tolerance: Double
    /// One per unordered pair, `a` holding the smaller code, sorted by codes.
    public let edges: [ContiguityEdge]
    /// Neighbours of each feature (rook and queen), ascending.
    public let neighbours: [[Int]]

    public init(_ layer: AnalysisLayer, tolerance: Double = 0, progress: ProgressHandler? = nil) throws(PlacemapError) {
        let found = try Contiguity.edges(of: layer, tolerance: tolerance, progress: progress)
        self.init(layer, tolerance: tolerance, edges: found)
    }

    /// A graph from edges already found (in any order, either way round).
    public init(_ layer: AnalysisLayer, tolerance: Double, edges: [ContiguityEdge]) {
        let codes = layer.codes
        var sorted = edges.map { e in
            codes[e.a] < codes[e.b]
                ? e
                : ContiguityEdge(
                    a: e.b, b: e.a, kind: e.kind, sharedBoundary: e.sharedBoundary, overlaps: e.overlaps, asDrawn: e.asDrawn)
        }
        sorted.sort { (codes[$0.a], codes[$0.b]) < (codes[$1.a], codes[$1.b]) }
        var neighbours = Array(repeating: [Int](), count: layer.count)
        for e in sorted {
            neighbours[e.a].append(e.b)
            neighbours[e.b].append(e.a)
        }
        self.layer = layer
        self.tolerance = tolerance
        self.edges = sorted
        self.neighbours = neighbours.map { $0.sorted() }
    }

    public func count(_ kind: Adjacency) -> Int { edges.count { $0.kind == kind } }
    public var overlappingPairs: [ContiguityEdge] { edges.filter(\.overlaps) }
    public var toleranceOnlyPairs: [ContiguityEdge] { edges.filter(\.viaTolerance) }
    /// Queen as drawn, rook once snapped within the tolerance.
    public var rookByTolerance: [ContiguityEdge] { edges.filter { $0.asDrawn == .queen && $0.kind == .rook } }

    /// Features with no neighbour at all, by code.
    public var islands: [Int] {
        neighbours.indices.filter { neighbours[$0].isEmpty }.sorted { layer.codes[$0] < layer.codes[$1] }
    }

    /// Connected components through rook and queen edges, or rook edges only.
    public func components(rookOnly: Bool = false) -> Components {
        var sets = DisjointSets(layer.count)
        for e in edges where !rookOnly || e.kind == .rook { sets.join(e.a, e.b) }
        return Components(members: sets.groups(Array(0..<layer.count)), layer: layer)
    }
}

/// Connected pieces of a set of features, largest first.
public struct Components: Sendable {
    /// Each piece's features, ascending by code; pieces ordered by total area (largest first), then
    /// by member count, then by their smallest code.
    public let pieces: [[Int]]

    init(members pieces: [[Int]], layer: AnalysisLayer) {
        let codes = layer.codes
        let keyed = pieces.map { p -> (piece: [Int], area: Double) in
            (p.sorted { codes[$0] < codes[$1] }, p.reduce(0) { $0 + layer.areas[$1] })
        }
        self.pieces = keyed.sorted { l, r in
            if l.area != r.area { return l.area > r.area }
            if l.piece.count != r.piece.count { return l.piece.count > r.piece.count }
            return codes[l.piece[0]] < codes[r.piece[0]]
        }.map(\.piece)
    }

    public var count: Int { pieces.count }

    /// The piece (an index into `pieces`) of each of `count` features; nil for features in none.
    public func pieceOf(count: Int) -> [Int?] {
        var out = [Int?](repeating: nil, count: count)
        for (k, p) in pieces.enumerated() { for i in p { out[i] = k } }
        return out
    }
}

/// Union–find over feature positions, with path halving.
struct DisjointSets {
    private var parent: [Int]

    init(_ count: Int) { parent = Array(0..<count) }

    mutating func root(_ i: Int) -> Int {
        var i = i
        while parent[i] != i {
            parent[i] = parent[parent[i]]
            i = parent[i]
        }
        return i
    }

    mutating func join(_ a: Int, _ b: Int) {
        let ra = root(a)
        let rb = root(b)
        if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
    }

    /// `members` grouped by root (non-empty groups, in order of first member).
    mutating func groups(_ members: [Int]) -> [[Int]] {
        var slot: [Int: Int] = [:]
        var out: [[Int]] = []
        for i in members {
            let r = root(i)
            if let k = slot[r] {
                out[k].append(i)
            } else {
                slot[r] = out.count
                out.append([i])
            }
        }
        return out
    }
}
