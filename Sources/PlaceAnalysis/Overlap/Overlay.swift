import Foundation
import PlaceGeometry
import PlaceIO

/// The part of feature `a` of one layer that lies in feature `b` of another.
public struct Piece: Sendable {
    public var a: Int
    public var b: Int
    /// Area of the overlap in square metres (EPSG:27700).
    public var area: Double
    /// The overlap itself (polygonal parts only), when asked for.
    public var shape: Shape?
}

/// How many candidate pairs (features whose boxes meet) were settled from coordinates alone
/// (`BoundaryRelation`, `IntersectionArea`) and how many took GEOS.
public struct PairSettlement: Sendable, Equatable {
    public var coordinates = 0
    public var geos = 0

    public init(coordinates: Int = 0, geos: Int = 0) { (self.coordinates, self.geos) = (coordinates, geos) }

    public static func + (x: PairSettlement, y: PairSettlement) -> PairSettlement {
        PairSettlement(coordinates: x.coordinates + y.coordinates, geos: x.geos + y.geos)
    }
}

/// Called after each item of a long computation, from any worker.
public typealias ProgressHandler = @Sendable (_ done: Int, _ total: Int) -> Void

/// Overlays two layers: every pair of features whose interiors overlap, with the area they share.
public enum Overlay {
    /// All pieces with positive area, sorted by `a` then `b`.
    ///
    /// Candidates come from B's STR index; B features are prepared once per worker. When one
    /// feature covers the other no intersection is computed (the piece is the smaller feature).
    /// Touching features (shared edge or point only) give no piece.
    ///
    /// With `skipByCoverage`, B's own overlaps are found first (one self-overlay of B): an A feature
    /// covered by B feature j cannot share area with a B feature k unless j and k overlap, so such
    /// candidates are skipped untested. That pays when A's features share edges with B's (blocks
    /// against areas built from them), where each touching neighbour would otherwise cost an
    /// intersection; elsewhere the self-overlay costs more than it saves.
    public static func pieces(
        _ a: AnalysisLayer, _ b: AnalysisLayer, keepShapes: Bool = false, skipByCoverage: Bool = false,
        progress: ProgressHandler? = nil
    ) throws(PlacemapError) -> [[Piece]] {
        try settled(a, b, keepShapes: keepShapes, skipByCoverage: skipByCoverage, progress: progress).pieces
    }

    /// The pieces as `pieces(…)` gives them, with how many candidate pairs were settled from
    /// coordinates and how many took GEOS. `areasFromEdges: false` leaves to GEOS every pair that
    /// `BoundaryRelation` leaves open (to check and measure `IntersectionArea`).
    public static func settled(
        _ a: AnalysisLayer, _ b: AnalysisLayer, keepShapes: Bool = false, skipByCoverage: Bool = false,
        areasFromEdges: Bool = true, progress: ProgressHandler? = nil
    ) throws(PlacemapError) -> (pieces: [[Piece]], settlement: PairSettlement) {
        let overlapsInB = skipByCoverage ? try selfOverlaps(b) : nil
        let ringsOfB = b.boundaryRings()
        let counter = ProgressCounter(total: a.count, handler: progress)
        let each = try ParallelGEOS.map(a.count, state: { GeometryCache(b, context: $0) }) {
            (cache, i) throws(PlacemapError) -> ([Piece], PairSettlement) in
            defer { counter.step() }
            do {
                var settlement = PairSettlement()
                let pieces = try piecesOf(
                    i, a, b, ringsOfB: ringsOfB, cache: cache, keepShapes: keepShapes, edges: areasFromEdges,
                    overlapsInB: overlapsInB, settlement: &settlement)
                return (pieces, settlement)
            } catch {
                throw PlacemapError(
                    .badData, file: a.source, featureIndex: i, featureCode: a.codes[i],
                    message: "GEOS could not overlay this feature with \(b.source): \(error)",
                    hint: "repair both layers (placemap validate FILE --fix OUT) and try again")
            }
        }
        return (each.map(\.0), each.reduce(PairSettlement()) { $0 + $1.1 })
    }

    /// Pairs of features of `layer` whose interiors overlap (both orders).
    static func selfOverlaps(_ layer: AnalysisLayer) throws(PlacemapError) -> Set<Pair> {
        var pairs = Set<Pair>()
        for piece in try pieces(layer, layer).joined() where piece.a != piece.b {
            pairs.insert(Pair(piece.a, piece.b))
            pairs.insert(Pair(piece.b, piece.a))
        }
        return pairs
    }

    /// The pieces of A feature `i`. A pair whose boundaries meet only in shared edges and corners
    /// (`BoundaryRelation`) is decided from coordinates: apart gives no piece, one within the
    /// other gives the smaller whole. Without shapes, any other pair takes its area from the edges
    /// (`IntersectionArea`: crossings, shared stretches and touches); GEOS (built lazily) decides
    /// what that leaves open, and makes the pieces' shapes.
    static func piecesOf(
        _ i: Int, _ a: AnalysisLayer, _ b: AnalysisLayer, ringsOfB: [BoundaryRings?], cache: GeometryCache, keepShapes: Bool,
        edges: Bool = true, overlapsInB: Set<Pair>?, settlement: inout PairSettlement
    ) throws(GeometryError) -> [Piece] {
        let shapeA = a.features[i].shape
        guard let bounds = shapeA.bounds else { return [] }
        let candidates = b.index.query(bounds)
        guard !candidates.isEmpty else { return [] }
        let ringsA = BoundaryRings(shapeA)
        var geometryA: Geometry?
        var preparedA: PreparedGeometry?
        var out: [Piece] = []
        var coveredBy: Int?
        for j in candidates {
            if let c = coveredBy, let overlapsInB, !overlapsInB.contains(Pair(c, j)) { continue }
            var crossing = false
            if let ringsA, let ringsB = ringsOfB[j] {
                switch BoundaryRelation.of(ringsA, ringsB) {
                case .apart:
                    settlement.coordinates += 1
                    continue
                case .within:
                    settlement.coordinates += 1
                    out.append(Piece(a: i, b: j, area: a.areas[i], shape: keepShapes ? shapeA : nil))
                    coveredBy = coveredBy ?? j
                    continue
                case .contains:
                    settlement.coordinates += 1
                    out.append(Piece(a: i, b: j, area: b.areas[j], shape: keepShapes ? b.features[j].shape : nil))
                    continue
                case .crossing: crossing = true
                case nil: break
                }
                if edges, !keepShapes, let r = IntersectionArea.of(ringsA, ringsB) {
                    settlement.coordinates += 1
                    if r.firstWithin {
                        out.append(Piece(a: i, b: j, area: a.areas[i]))
                        coveredBy = coveredBy ?? j
                    } else if r.secondWithin {
                        out.append(Piece(a: i, b: j, area: b.areas[j]))
                    } else if r.area > 0 {
                        out.append(Piece(a: i, b: j, area: r.area))
                    }
                    continue
                }
            }
            settlement.geos += 1
            if geometryA == nil { geometryA = try Geometry(shapeA, in: cache.context) }
            guard let ga = geometryA else { continue }
            let gb = try cache.geometry(j)
            // Crossing boundaries: neither covers the other and they meet, so straight to the overlay.
            if !crossing {
                let pb = try cache.preparedGeometry(j)
                if try pb.covers(ga) {
                    out.append(Piece(a: i, b: j, area: a.areas[i], shape: keepShapes ? shapeA : nil))
                    coveredBy = coveredBy ?? j
                    continue
                }
                guard try pb.intersects(ga) else { continue }
                if preparedA == nil, candidates.count > 2 { preparedA = try PreparedGeometry(ga) }
                let aCoversB: Bool
                if let preparedA { aCoversB = try preparedA.covers(gb) } else { aCoversB = try ga.covers(gb) }
                if aCoversB {
                    out.append(Piece(a: i, b: j, area: b.areas[j], shape: keepShapes ? b.features[j].shape : nil))
                    continue
                }
            }
            let overlap = try ga.intersection(gb)
            let area = try overlap.area()
            guard area > 0 else { continue }
            out.append(Piece(a: i, b: j, area: area, shape: keepShapes ? try overlap.shape() : nil))
        }
        return out
    }
}
