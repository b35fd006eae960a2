import PlaceGeometry
import PlaceIO

/// Two features of a layer that should not overlap but do.
public struct PartitionOverlap: Sendable, Equatable {
    public var a: Int
    public var b: Int
    public var codeA: String
    public var codeB: String
    /// The area they share, in square metres (EPSG:27700).
    public var area: Double
    /// `area` as a fraction of the smaller feature's area.
    public var fractionOfSmaller: Double
}

/// Checks layers that must be partitions (systems, places, blocks: every point in at most one
/// feature) for overlapping features.
///
/// Candidate pairs come from the layer's STR index. Each pair is tested once with a prepared
/// `covers` and `intersects`; an intersection area is computed only for pairs whose interiors may
/// meet, as the overlay does.
public enum PartitionCheck {
    /// Overlaps of at least this fraction of the smaller feature are refused: a repeated feature, a
    /// layer of overlapping systems. Smaller ones (slivers of a few m² between generalised
    /// boundaries) are reported and tolerated.
    public static let grossFraction = 0.01

    /// Every overlapping pair (i < j) with a positive shared area, in order. With `measuring` false
    /// only pairs where one feature covers the other are found (repeated or nested features): two
    /// prepared predicates per touching pair and no intersection, for layers of tens of thousands of
    /// blocks where intersecting every neighbour would cost more than the analysis itself.
    public static func overlaps(in layer: AnalysisLayer, measuring: Bool = true) throws(PlacemapError) -> [PartitionOverlap] {
        let features = layer.features
        let found = try ParallelGEOS.map(layer.count, state: { GeometryCache(layer, context: $0) }) {
            (cache, i) throws(PlacemapError) -> [PartitionOverlap] in
            do {
                return try overlaps(of: i, layer, features, cache, measuring: measuring)
            } catch {
                throw PlacemapError(
                    .badData, file: layer.source, featureIndex: i, featureCode: layer.codes[i],
                    message: "GEOS could not compare this feature with its neighbours: \(error)",
                    hint: "repair the layer (placemap validate FILE --fix OUT) and try again")
            }
        }
        return Array(found.joined())
    }

    private static func overlaps(
        of i: Int, _ layer: AnalysisLayer, _ features: [Feature], _ cache: GeometryCache, measuring: Bool
    ) throws(GeometryError) -> [PartitionOverlap] {
        guard features[i].shape.isPolygonal, let bounds = features[i].shape.bounds else { return [] }
        let candidates = layer.index.query(bounds).filter { $0 > i && features[$0].shape.isPolygonal }
        guard !candidates.isEmpty else { return [] }
        let pi = try cache.preparedGeometry(i)
        let gi = try cache.geometry(i)
        var out: [PartitionOverlap] = []
        for j in candidates {
            let gj = try cache.geometry(j)
            guard try pi.intersects(gj) else { continue }
            let area: Double
            if try pi.covers(gj) {
                area = layer.areas[j]
            } else if try cache.preparedGeometry(j).covers(gi) {
                area = layer.areas[i]
            } else if measuring {
                area = try gi.intersection(gj).area()
            } else {
                continue
            }
            guard area > 0 else { continue }
            let smaller = min(layer.areas[i], layer.areas[j])
            out.append(
                PartitionOverlap(
                    a: i, b: j, codeA: layer.codes[i], codeB: layer.codes[j], area: area,
                    fractionOfSmaller: smaller > 0 ? area / smaller : 1))
        }
        return out
    }

    /// The overlaps of `layer`, refusing gross ones (at least `grossFraction` of the smaller
    /// feature) with an error naming the pairs; `role` names the layer ("systems", "blocks").
    public static func check(_ layer: AnalysisLayer, role: String, measuring: Bool = true) throws(PlacemapError) -> [PartitionOverlap] {
        let found = try overlaps(in: layer, measuring: measuring)
        let gross = found.filter { $0.fractionOfSmaller >= grossFraction }
        guard gross.isEmpty else {
            let listed = gross.prefix(5).map { o in
                "\(o.codeA) and \(o.codeB) share \(areaText(o.area)) (\(Int((o.fractionOfSmaller * 100).rounded())) % of the smaller)"
            }
            throw PlacemapError(
                .badData, file: layer.source, featureIndex: gross[0].b, featureCode: gross[0].codeB,
                message: "the \(role) layer must not overlap itself, but \(gross.count) pairs of features do: "
                    + listed.joined(separator: "; ") + (gross.count > 5 ? "; …" : ""),
                hint: "remove repeated features or fix the boundaries so that each point lies in one \(role) feature")
        }
        return found
    }

    /// Refuses features of `layer` whose geometry repeats another's exactly (the grossest overlap),
    /// in linear time without GEOS: the check for layers of blocks, where a full overlap check would
    /// cost more than the analysis. `role` names the layer.
    public static func checkNoRepeats(_ layer: AnalysisLayer, role: String) throws(PlacemapError) {
        var first: [Int: [Int]] = [:]
        for (j, f) in layer.features.enumerated() where f.shape.isPolygonal {
            var h = Hasher()
            h.combine(f.shape.coordinates)
            let key = h.finalize()
            for i in first[key] ?? [] where layer.features[i].shape == f.shape {
                throw PlacemapError(
                    .badData, file: layer.source, featureIndex: j, featureCode: layer.codes[j],
                    message: "the \(role) layer must not overlap itself, but \(layer.codes[j]) repeats the geometry of "
                        + "\(layer.codes[i]) (feature \(i)), which would count its area and people twice",
                    hint: "remove the repeated feature")
            }
            first[key, default: []].append(j)
        }
    }

    static func areaText(_ m2: Double) -> String {
        m2 >= 1e5 ? "\((m2 / 1e4).rounded() / 100) km²" : "\((m2 * 10).rounded() / 10) m²"
    }
}

extension PartitionOverlap: CustomStringConvertible {
    public var description: String { "\(codeA) and \(codeB) overlap by \(PartitionCheck.areaText(area))" }
}
