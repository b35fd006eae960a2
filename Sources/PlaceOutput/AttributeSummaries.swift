import Foundation
import PlaceAnalysis
import PlaceIO

/// Readable lines about block attributes in a coterminosity result (the main job's age profile).
extension Coterminosity {
    /// For each split place, the count `column` (e.g. population_aged_65_and_over) on each side;
    /// nil when the result does not carry that count.
    public func countOnEachSide(_ column: String) -> [String]? {
        guard let attributes = overlap.split?.attributes,
            let c = attributes.attributes.columns.first(where: { $0.name == column && $0.kind == .counts })
        else { return nil }
        return places.filter { $0.status == .split }.map { r in
            let sides = r.pairs.map { pair in
                "\(Self.short(systemsLayer.names[pair.b])) \(Int(attributes.pair(Pair(pair.a, pair.b))[c.position].rounded()))"
            }
            return "  \(placesLayer.names[r.place]) (\(placesLayer.codes[r.place])): " + sides.joined(separator: "; ")
        }
    }

    /// For each system not made of whole places, the share of its people in each count column living
    /// in places wholly inside it (the others: 100 % in every column); nil without counts.
    public func wholePlaceSharesByCount() -> [String]? {
        guard let attributes = overlap.split?.attributes, !attributes.attributes.countColumns.isEmpty else { return nil }
        let at = attributes.attributes
        return systems.filter { !$0.madeOfWholePlaces }.map { r in
            let all = at.counts(attributes.b(r.system))
            let whole = at.counts(r.attributesInWholePlaces ?? [])
            let shares = zip(whole, all).map { String(format: "%.1f%%", fraction($0, of: $1) * 100) }
            return "  \(Self.short(systemsLayer.names[r.system])) (\(systemsLayer.codes[r.system])): " + shares.joined(separator: ", ")
        }
    }
}
