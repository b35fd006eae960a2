import PlaceGeometry
import PlaceIO

/// How two neighbouring features meet.
public enum Adjacency: String, Sendable, Comparable {
    /// They share a boundary of positive length (or their interiors overlap).
    case rook
    /// They meet only at points (or, with a tolerance, come within it without a common stretch of boundary).
    case queen

    public static func < (l: Adjacency, r: Adjacency) -> Bool { l == .rook && r == .queen }
}

/// Two neighbouring features, `a < b` by position in the layer.
public struct ContiguityEdge: Sendable, Equatable {
    public var a: Int
    public var b: Int
    public var kind: Adjacency
    /// Length of boundary the two have in common, in metres (EPSG:27700); 0 for queen neighbours.
    public var sharedBoundary: Double
    /// Their interiors overlap (DE-9IM `2********`): an imperfect coverage, counted as rook.
    public var overlaps: Bool
    /// They are neighbours only thanks to the tolerance (disjoint as drawn).
    public var viaTolerance: Bool
}

/// Finds every pair of neighbouring features of a layer.
///
/// Candidates come from the layer's STR index (boxes grown by the tolerance); each worker keeps
/// its own GEOS geometries. For a candidate pair that meets (or, with a tolerance, lies within it:
/// `GEOSPreparedDistanceWithin`), A is snapped to B and B to the snapped A (`GEOSSnap`), then the
/// DE-9IM matrix of the pair decides: interiors overlapping → rook; boundaries sharing a line → rook;
/// meeting otherwise → queen. The shared boundary is the length of ∂A ∩ ∂B for touching pairs and
/// (|∂A ∩ B| + |∂B ∩ A|) / 2 for overlapping ones; both equal the common edge length when the
/// features merely touch.
public enum Contiguity {
    public static func edges(of layer: AnalysisLayer, tolerance: Double = 0,
                             progress: ProgressHandler? = nil) throws(InputError) -> [ContiguityEdge] {
        let counter = ProgressCounter(total: layer.count, handler: progress)
        let found = try ParallelGEOS.map(layer.count, state: { BoundaryCache(layer, context: $0) }) {
            (cache, i) throws(InputError) -> [ContiguityEdge] in
            defer { counter.step() }
            do {
                return try neighbours(of: i, layer, tolerance: tolerance, cache: cache)
            } catch {
                throw InputError(.badData, file: layer.source, featureIndex: i, featureCode: layer.codes[i],
                                 message: "GEOS could not compare this feature with its neighbours: \(error)",
                                 hint: "repair the layer (placemap validate FILE --fix OUT) and try again")
            }
        }
        return found.flatMap { $0 }
    }

    /// The neighbours of `i` among the features after it.
    static func neighbours(of i: Int, _ layer: AnalysisLayer, tolerance: Double, cache: BoundaryCache) throws(GeometryError) -> [ContiguityEdge] {
        guard let box = layer.features[i].shape.bounds else { return [] }
        let candidates = layer.index.query(box.expanded(by: tolerance)).filter { $0 > i }
        guard !candidates.isEmpty else { return [] }
        let ga = try cache.geometry(i)
        let pa = candidates.count > 2 ? try PreparedGeometry(ga) : nil
        var out: [ContiguityEdge] = []
        for j in candidates {
            let gb = try cache.geometry(j)
            let meets: Bool
            if let pa { meets = try pa.intersects(gb) } else { meets = try ga.intersects(gb) }
            var found: Contact?
            if tolerance > 0 {
                if !meets {
                    let prepared: PreparedGeometry
                    if let pa { prepared = pa } else { prepared = try PreparedGeometry(ga) }
                    guard try prepared.isWithinDistance(tolerance, of: gb) else { continue }
                }
                found = try snappedContact(ga, gb, tolerance: tolerance)
                if found == nil, meets { found = try contact(i, j, cache: cache) }
                // Within the tolerance but nothing snapped together: a point-like contact.
                if found == nil { found = Contact(kind: .queen, length: 0, overlaps: false) }
            } else if meets {
                found = try contact(i, j, cache: cache)
            }
            guard let c = found else { continue }
            out.append(ContiguityEdge(a: i, b: j, kind: c.kind, sharedBoundary: c.length, overlaps: c.overlaps, viaTolerance: !meets))
        }
        return out
    }

    struct Contact {
        var kind: Adjacency
        var length: Double
        var overlaps: Bool
    }

    /// How features `i` and `j` meet as drawn, with cached boundaries.
    static func contact(_ i: Int, _ j: Int, cache: BoundaryCache) throws(GeometryError) -> Contact? {
        try contact(cache.geometry(i), cache.geometry(j), boundaries: { () throws(GeometryError) in
            (try cache.boundary(i), try cache.boundary(j))
        })
    }

    /// How `a` and `b` meet once snapped together within `tolerance`; nil when they still do not meet.
    /// Snapping can make a geometry invalid, which GEOS may refuse: then the snapped copy is repaired.
    static func snappedContact(_ a: Geometry, _ b: Geometry, tolerance: Double) throws(GeometryError) -> Contact? {
        let sa = try a.snapped(to: b, tolerance: tolerance)
        let sb = try b.snapped(to: sa, tolerance: tolerance)
        do {
            return try contact(sa, sb, boundaries: { () throws(GeometryError) in (try sa.boundary(), try sb.boundary()) })
        } catch {
            let va = try sa.makeValid(), vb = try sb.makeValid()
            return try contact(va, vb, boundaries: { () throws(GeometryError) in (try va.boundary(), try vb.boundary()) })
        }
    }

    /// Classifies a pair from its DE-9IM matrix and measures the boundary it shares.
    static func contact(_ a: Geometry, _ b: Geometry,
                        boundaries: () throws(GeometryError) -> (Geometry, Geometry)) throws(GeometryError) -> Contact? {
        let m = Array(try a.relate(b).utf8)
        guard m.count == 9 else { throw .invalidInput("GEOSRelate_r returned a matrix that is not 9 characters") }
        let none = UInt8(ascii: "F")
        let overlaps = m[0] == UInt8(ascii: "2")
        if overlaps {
            let (ba, bb) = try boundaries()
            let length = (try ba.intersection(b).length() + bb.intersection(a).length()) / 2
            return Contact(kind: .rook, length: length, overlaps: true)
        }
        if m[4] == UInt8(ascii: "1") {
            let (ba, bb) = try boundaries()
            return Contact(kind: .rook, length: try sharedLength(ba, bb), overlaps: false)
        }
        guard m[0] != none || m[1] != none || m[3] != none || m[4] != none else { return nil }
        return Contact(kind: .queen, length: 0, overlaps: false)
    }

    /// Length of the lines two boundaries have in common, clipping both to the common part of their
    /// boxes first (the shared lines lie inside it) so that long boundaries cost little.
    static func sharedLength(_ a: Geometry, _ b: Geometry) throws(GeometryError) -> Double {
        guard let ba = a.bounds(), let bb = b.bounds(), let common = ba.intersection(bb) else { return 0 }
        let box = common.expanded(by: 1)
        return try a.clipped(to: box).intersection(b.clipped(to: box)).length()
    }
}

/// A worker's GEOS geometries of a layer's features and of their boundaries, built lazily.
final class BoundaryCache {
    let geometries: GeometryCache
    private var boundaries: [Geometry?]

    init(_ layer: AnalysisLayer, context: GEOSContext) {
        self.geometries = GeometryCache(layer, context: context)
        self.boundaries = Array(repeating: nil, count: layer.count)
    }

    func geometry(_ i: Int) throws(GeometryError) -> Geometry { try geometries.geometry(i) }

    func boundary(_ i: Int) throws(GeometryError) -> Geometry {
        if let b = boundaries[i] { return b }
        let b = try geometries.geometry(i).boundary()
        boundaries[i] = b
        return b
    }
}
