import PlaceGeometry
import PlaceIO

/// How two neighbouring features meet.
public enum Adjacency: String, Sendable {
    /// They share a boundary of positive length (or their interiors overlap).
    case rook
    /// They meet only at points (or, with a tolerance, come within it without a common stretch of boundary).
    case queen
}

/// Two neighbouring features, `a < b` by position in the layer.
public struct ContiguityEdge: Sendable, Equatable {
    public var a: Int
    public var b: Int
    public var kind: Adjacency
    /// Length of boundary the two have in common, in metres (EPSG:27700); 0 for queen neighbours.
    public var sharedBoundary: Double
    /// Their interiors overlap as drawn (DE-9IM `2********`): an imperfect coverage, counted as rook.
    public var overlaps: Bool
    /// How they meet as drawn, before snapping; nil when they are disjoint and neighbours only
    /// thanks to the tolerance. Equal to `kind` without a tolerance.
    public var asDrawn: Adjacency?

    public var viaTolerance: Bool { asDrawn == nil }
}

/// Finds every pair of neighbouring features of a layer.
///
/// Candidates come from the layer's STR index (boxes grown by the tolerance) and a prepared
/// intersects test; each worker keeps its own GEOS geometries. A ∩ B then decides: a positive area
/// (interiors overlap) → rook; lines → rook; points only → queen. The shared boundary is the length
/// of those lines (= |∂A ∩ ∂B|), or for overlapping pairs (|∂A ∩ B| + |∂B ∩ A|) / 2; both are the
/// common edge length when A and B touch. With a tolerance, pairs within it
/// (`GEOSPreparedDistanceWithin`) are snapped together first, A to B then B to the snapped A
/// (`GEOSSnap`), and the snapped pair is classified; overlaps are still reported as drawn.
/// GEOS `relate` gives the same classes (checked on LSOA 2021) but, with the boundary
/// intersection it still needs for the length, measured about 1.5× slower.
public enum Contiguity {
    public static func edges(
        of layer: AnalysisLayer, tolerance: Double = 0,
        progress: ProgressHandler? = nil
    ) throws(PlacemapError) -> [ContiguityEdge] {
        let counter = ProgressCounter(total: layer.count, handler: progress)
        let rings = layer.boundaryRings()
        let found = try ParallelGEOS.map(layer.count, state: { GeometryCache(layer, context: $0) }) {
            (cache, i) throws(PlacemapError) -> [ContiguityEdge] in
            defer { counter.step() }
            do {
                return try neighbours(of: i, layer, tolerance: tolerance, rings: rings, cache: cache)
            } catch {
                throw PlacemapError(
                    .badData, file: layer.source, featureIndex: i, featureCode: layer.codes[i],
                    message: "GEOS could not compare this feature with its neighbours: \(error)",
                    hint: "repair the layer (placemap validate FILE --fix OUT) and try again")
            }
        }
        return found.flatMap { $0 }
    }

    /// The neighbours of `i` among the features after it. A pair whose boundaries meet only in
    /// identical segments and common vertices is classified from its coordinates
    /// (`BoundaryRelation`); GEOS decides the rest.
    static func neighbours(
        of i: Int, _ layer: AnalysisLayer, tolerance: Double, rings: [BoundaryRings?],
        cache: GeometryCache
    ) throws(GeometryError) -> [ContiguityEdge] {
        guard let box = layer.features[i].shape.bounds else { return [] }
        let candidates = layer.index.query(box.expanded(by: tolerance)).filter { $0 > i }
        guard !candidates.isEmpty else { return [] }
        var prepared: PreparedGeometry?
        func preparedA() throws(GeometryError) -> PreparedGeometry {
            if let prepared { return prepared }
            let p = try PreparedGeometry(cache.geometry(i))
            prepared = p
            return p
        }
        var out: [ContiguityEdge] = []
        for j in candidates {
            let meets: Bool
            let drawn: Contact?
            if let ra = rings[i], let rb = rings[j], case .apart(let length, let touching) = BoundaryRelation.of(ra, rb) {
                meets = touching
                drawn = touching ? Contact(kind: length > 0 ? .rook : .queen, length: length, overlaps: false) : nil
            } else {
                let (ga, gb) = (try cache.geometry(i), try cache.geometry(j))
                meets = candidates.count > 2 ? try preparedA().intersects(gb) : try ga.intersects(gb)
                drawn = meets ? try contact(ga, gb) : nil
            }
            var found = drawn
            if tolerance > 0 {
                let (ga, gb) = (try cache.geometry(i), try cache.geometry(j))
                if !meets { guard try preparedA().isWithinDistance(tolerance, of: gb) else { continue } }
                // Within the tolerance but nothing snapped together: a point-like contact.
                let point = Contact(kind: .queen, length: 0, overlaps: false)
                found = try snappedContact(ga, gb, tolerance: tolerance) ?? drawn ?? point
            }
            guard let c = found else { continue }
            let overlaps = drawn?.overlaps ?? false
            out.append(
                ContiguityEdge(
                    a: i, b: j, kind: overlaps ? .rook : c.kind, sharedBoundary: c.length,
                    overlaps: overlaps, asDrawn: drawn?.kind))
        }
        return out
    }

    struct Contact {
        var kind: Adjacency
        var length: Double
        var overlaps: Bool
    }

    /// How `a` and `b` meet once snapped together within `tolerance`; nil when they still do not meet.
    /// Snapping can make a geometry invalid, which GEOS may refuse: then the snapped copy is repaired.
    static func snappedContact(_ a: Geometry, _ b: Geometry, tolerance: Double) throws(GeometryError) -> Contact? {
        let sa = try a.snapped(to: b, tolerance: tolerance)
        let sb = try b.snapped(to: sa, tolerance: tolerance)
        do {
            return try contact(sa, sb)
        } catch {
            return try contact(sa.makeValid(), sb.makeValid())
        }
    }

    /// Classifies a pair from what the two have in common (GEOS intersection, which keeps the lines
    /// and points where polygons touch) and measures the boundary it shares. A positive area is the
    /// DE-9IM pattern `2********` (interiors overlap).
    static func contact(_ a: Geometry, _ b: Geometry) throws(GeometryError) -> Contact? {
        let common = try a.intersection(b)
        guard !common.isEmpty else { return nil }
        if try common.area() > 0 {
            let length = (try a.boundary().intersection(b).length() + b.boundary().intersection(a).length()) / 2
            return Contact(kind: .rook, length: length, overlaps: true)
        }
        // Lines and points only: the length is that of the lines, i.e. of ∂A ∩ ∂B.
        let length = try common.length()
        return Contact(kind: length > 0 ? .rook : .queen, length: length, overlaps: false)
    }
}
