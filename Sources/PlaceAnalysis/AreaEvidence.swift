import PlaceGeometry
import PlaceIO

/// Without blocks: whether a place's pieces in systems other than its main one, and its part outside
/// every system, are evidence of a split (or of lying partly outside), by the principle of
/// ``InteriorEvidence``: a piece counts only if it reaches deeper into the place than the two layers'
/// boundaries disagree.
///
/// The disagreement (misregistration) is measured from the pieces themselves: a piece below the
/// sliver share of its place is, by that rule, an artefact of two drawings of one border, and how far
/// such pieces reach into their places is how far the layers disagree. The tolerance is the deepest
/// of them, raised through the depths of the larger pieces for as long as no piece stands at least
/// ``gapFactor`` times deeper than the one below it (coarse layers make large artefacts too), or given. The outer edges (coastlines, estuaries) are measured the same way, apart, from
/// the small parts of places outside every system. A piece above the sliver share that reaches no deeper
/// is border uncertainty, not a split; when the tolerance exceeds the decidable limit it is
/// `undecidable`. A part outside every system that reaches no deeper is a coastline or an edge drawn
/// differently, not a part outside.
public struct AreaEvidence: Sendable {
    /// A place's piece in a system off its main one (`system` nil: its part outside every system).
    public struct Piece: Sendable {
        public var place: Int
        public var system: Int?
        /// Share of the place's area.
        public var share: Double
        /// How far it reaches into the place: the largest distance from its vertices, edge midpoints
        /// and a point inside it to the place's boundary, in metres.
        public var depth: Double
        /// Below the sliver share: an artefact by area, whatever its depth, and part of the measure.
        public var sliver: Bool
        public var kind: EvidenceKind
    }

    /// Pieces of every place, by place then system (the outside part last).
    public let pieces: [Piece]
    /// The tolerance used: given, or the measured misregistration.
    public let tolerance: Double
    public let toleranceMeasured: Bool
    /// The deepest sliver in another system (the measured misregistration of borders), in metres.
    public let misregistration: Double
    /// For the parts outside every system: the tolerance used (given, or the deepest such sliver: how
    /// far the layers' outer edges, coastlines mostly, disagree).
    public let edgeTolerance: Double
    public let edgeMisregistration: Double
    /// Pieces below the tolerance become `undecidable` (not border) when it exceeds this (metres).
    public let decidableLimit: Double

    public var undecidable: Bool { pieces.contains { $0.kind == .undecidable } }

    /// The evidence of `overlap`'s pieces (kept shapes needed): each place's main system is the one
    /// holding most of its area.
    public init(
        overlap: OverlapResult, sliverShare: Double, tolerance: Double? = nil,
        decidableLimit: Double = InteriorEvidence.defaultDecidableLimit
    ) throws(PlacemapError) {
        let places = overlap.a
        var byPlace = [[OverlapRow]](repeating: [], count: places.count)
        for r in overlap.rows where r.area > 0 { byPlace[r.a].append(r) }
        // Every place's pieces off its main system, then its outside part when it has one.
        var items: [(place: Int, system: Int?, share: Double)] = []
        for (p, rows) in byPlace.enumerated() {
            let main = rows.max { ($0.shareOfA, -$0.b) < ($1.shareOfA, -$1.b) }?.b
            for r in rows where r.b != main { items.append((p, r.b, r.shareOfA)) }
            let outside = 1 - rows.reduce(0) { $0 + $1.shareOfA }
            if !rows.isEmpty, outside > 1e-9 { items.append((p, nil, outside)) }
        }
        let work = items
        let rowsOf = byPlace
        let shapes = Dictionary(
            overlap.rows.compactMap { r in r.shape.map { (Pair(r.a, r.b), $0) } }, uniquingKeysWith: { a, _ in a })
        let depths = try ParallelGEOS.map(work.count, state: { AreaCache(places, context: $0) }) {
            (cache, i) throws(PlacemapError) -> Double in
            let item = work[i]
            do {
                let piece: Geometry
                if let s = item.system {
                    guard let shape = shapes[Pair(item.place, s)] else { return 0 }
                    piece = try Geometry(shape, in: cache.context)
                } else {
                    let inside = try rowsOf[item.place].compactMap { r throws(GeometryError) in
                        try r.shape.map { shape throws(GeometryError) in try Geometry(shape, in: cache.context) }
                    }
                    let place = try cache.geometry(item.place)
                    piece = try place.difference(Geometry.collection(inside, in: cache.context).unaryUnion())
                }
                return try InteriorEvidence.depth(of: piece, into: cache.boundary(item.place))
            } catch {
                throw PlacemapError(
                    .badData, file: places.source, featureIndex: item.place, featureCode: places.codes[item.place],
                    message: "GEOS could not measure how deep this place's pieces reach: \(error)",
                    hint: "repair the layers (placemap validate FILE --fix OUT) and try again")
            }
        }
        // Borders between systems and the outer edge (coastlines) are measured apart: estuaries make
        // coastlines disagree by kilometres where borders disagree by hundreds of metres.
        var measured = 0.0
        var measuredEdge = 0.0
        for (n, item) in work.enumerated() where item.share < sliverShare {
            if item.system == nil { measuredEdge = max(measuredEdge, depths[n]) } else { measured = max(measured, depths[n]) }
        }
        measured = Self.extended(measured, by: work.indices.filter { work[$0].system != nil }.map { depths[$0] })
        measuredEdge = Self.extended(measuredEdge, by: work.indices.filter { work[$0].system == nil }.map { depths[$0] })
        let used = tolerance ?? measured
        let usedEdge = tolerance ?? measuredEdge
        var pieces: [Piece] = []
        for (n, item) in work.enumerated() {
            let depth = depths[n]
            let kind: EvidenceKind =
                item.system == nil
                ? (depth > usedEdge ? .interior : .border) : depth > used ? .interior : used > decidableLimit ? .undecidable : .border
            pieces.append(
                Piece(place: item.place, system: item.system, share: item.share, depth: depth, sliver: item.share < sliverShare, kind: kind)
            )
        }
        self.pieces = pieces
        self.tolerance = used
        self.edgeTolerance = usedEdge
        self.toleranceMeasured = tolerance == nil
        self.misregistration = measured
        self.edgeMisregistration = measuredEdge
        self.decidableLimit = decidableLimit
    }

    /// A piece counts as evidence only when it reaches at least this many times deeper than the
    /// deepest artefact below it.
    public static let gapFactor = 2.0

    /// `deepest` (the deepest sliver) raised through the depths of the larger pieces for as long as
    /// each next one is less than ``gapFactor`` times deeper: artefacts of coarse layers are not all
    /// small in area, and they reach continuously deeper, where real splits stand apart.
    static func extended(_ deepest: Double, by depths: [Double]) -> Double {
        var t = deepest
        for d in depths.sorted() where d > t {
            guard d < gapFactor * t else { break }
            t = d
        }
        return t
    }

    /// The piece of `place` in `system` (nil: outside every system), if it is off the place's main system.
    public func piece(place: Int, system: Int?) -> Piece? {
        pieces.first { $0.place == place && $0.system == system }
    }
}
