import PlaceAnalysis
import PlaceIO

extension BestFitLookup {
    /// Columns named after the inputs' geographies, e.g. LAD24CD,LAD24NM,ICB24CD,ICB24NM, then
    /// population_share or area_share, then (with attributes) the attribute columns of A's part in
    /// its best-fit B. When both geographies have the same name, B's get "_2".
    public var table: CSVTable {
        let a = overlap.a
        let b = overlap.b
        let shareColumn = overlap.split != nil ? "population_share" : "area_share"
        let suffix = a.fields.prefix == b.fields.prefix ? "_2" : ""
        let attributes = overlap.split?.attributes
        let header =
            [a.fields.prefix + "CD", a.fields.prefix + "NM", b.fields.prefix + "CD" + suffix, b.fields.prefix + "NM" + suffix, shareColumn]
            + (attributes?.attributes.columnNames ?? [])
        return CSVTable(
            header: header,
            rows: rows.map { r in
                [
                    a.codes[r.a], a.names[r.a], r.b.map { b.codes[$0] } ?? "", r.b.map { b.names[$0] } ?? "",
                    JSONValue.number(Number.round(r.share, 9)).text ?? "",
                ]
                    + (attributes.map { at in
                        at.attributes.texts(r.b.map { at.pair(Pair(r.a, $0)) } ?? Array(repeating: 0, count: at.width))
                    } ?? [])
            })
    }
}
