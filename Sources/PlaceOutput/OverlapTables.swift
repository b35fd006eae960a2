import Foundation
import PlaceAnalysis
import PlaceGeometry
import PlaceIO

/// Tables and layers written from an overlap result.
extension OverlapResult {
    /// The CSV columns: a_code,a_name,b_code,b_name,area_m2,share_of_a,share_of_b, then with population
    /// population,population_share_of_a,population_share_of_b, then the attribute columns (with --attributes).
    public var columns: [String] {
        var c = ["a_code", "a_name", "b_code", "b_name", "area_m2", "share_of_a", "share_of_b"]
        if split != nil { c += ["population", "population_share_of_a", "population_share_of_b"] }
        if let attributes = split?.attributes?.attributes { c += attributes.columnNames }
        return c
    }

    public var table: CSVTable {
        // Numbers are formatted in runs of rows on every core.
        let runs = stride(from: 0, to: rows.count, by: 4096).map { $0..<min($0 + 4096, rows.count) }
        let text = Parallel.map(runs.count, state: {}) { _, k in runs[k].map { fields(rows[$0]).map { $0.text ?? "" } } }
        return CSVTable(header: columns, rows: Array(text.joined()))
    }

    /// The row's values in column order.
    func fields(_ r: OverlapRow) -> [JSONValue] {
        var v: [JSONValue] = [
            .string(a.codes[r.a]), .string(a.names[r.a]), .string(b.codes[r.b]), .string(b.names[r.b]),
            .number(Number.round(r.area, 3)), .number(Number.round(r.shareOfA, 9)), .number(Number.round(r.shareOfB, 9)),
        ]
        if split != nil {
            v += [
                .number(Number.round(r.population ?? 0, 3)), .number(Number.round(r.populationShareOfA ?? 0, 9)),
                .number(Number.round(r.populationShareOfB ?? 0, 9)),
            ]
        }
        if let a = split?.attributes { v += a.attributes.jsonValues(a.pair(Pair(r.a, r.b))) }
        return v
    }

    /// The overlap pieces as a layer in EPSG:27700, with the CSV columns as properties.
    public var piecesLayer: Layer {
        let features = rows.compactMap { r -> Feature? in
            guard let shape = r.shape, !shape.isEmpty else { return nil }
            return Feature(properties: JSONObject(Array(zip(columns, fields(r)))), shape: shape)
        }
        return Layer(name: "overlap", source: "overlap", crs: .britishNationalGrid, features: features)
    }
}
