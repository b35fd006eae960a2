import Foundation
import PlaceIO

extension Footprint {
    /// The footprint of areas made of whole places (counties of districts, say) from a place lookup:
    /// one row per place with the code (and name) of its area. `placeColumn` defaults to the first code
    /// column (`XXnnCD` or `*_code`), `codeColumn` to the next, `nameColumn` to the code column's
    /// partner. A place with no row, or given two areas, is bad data naming the file, line and code.
    public init(
        grouping places: Footprint, lookup table: CSVTable, placeColumn: String? = nil, codeColumn: String? = nil,
        nameColumn: String? = nil
    ) throws(PlacemapError) {
        let codeColumns = table.header.indices.filter { Self.isCodeColumn(table.header[$0]) }
        let placeIndex = try placeColumn.map { c throws(PlacemapError) in try table.column(c) } ?? codeColumns.first
        let areaIndex = try codeColumn.map { c throws(PlacemapError) in try table.column(c) } ?? codeColumns.first { $0 != placeIndex }
        guard let placeIndex, let areaIndex else {
            throw PlacemapError(
                .usage, file: table.source, message: "needs a place code column and an area code column (XXnnCD or *_code)",
                hint: "name them; the columns are: " + table.header.joined(separator: ", "))
        }
        let nameIndex = try table.nameColumn(nameColumn, partnerOf: areaIndex)
        let positions = places.positions
        var areaOfPlace = [Int?](repeating: nil, count: places.count)
        var lineOfPlace = [Int?](repeating: nil, count: places.count)
        var areas = AreaCodes()
        var names: [String] = []
        for (r, row) in table.rows.enumerated() {
            let place = row[placeIndex].trimmingCharacters(in: .whitespaces)
            let code = row[areaIndex].trimmingCharacters(in: .whitespaces)
            // Rows for places not drawn on these blocks (other countries, say) do not matter.
            guard let p = positions[place], !code.isEmpty else { continue }
            let (a, new) = areas.number(code)
            if new { names.append(nameIndex.map { row[$0] } ?? "") }
            if let first = lineOfPlace[p], areaOfPlace[p] != a {
                throw PlacemapError(
                    .badData, file: table.source, line: table.line(ofRow: r), featureCode: place, field: table.header[areaIndex],
                    message: "place \(place) is given to \(code) here but to \(areas.codes[areaOfPlace[p] ?? 0]) on line \(first)",
                    hint: "give each place one area")
            }
            areaOfPlace[p] = a
            lineOfPlace[p] = table.line(ofRow: r)
        }
        if let missing = areaOfPlace.indices.first(where: { areaOfPlace[$0] == nil }) {
            throw PlacemapError(
                .badData, file: table.source, featureCode: places.codes[missing], field: table.header[placeIndex],
                message: "place \(places.codes[missing]) (\(places.names[missing])) of \(places.file) has no row",
                hint: "give every place its area (a unitary council maps to itself)")
        }
        self.init(
            file: table.source, geography: Self.geography(of: table.header[areaIndex]), codes: areas.codes, names: names,
            areaOfBlock: places.areaOfBlock.map { $0.flatMap { areaOfPlace[$0] } },
            source: .lookup(codeColumn: table.header[areaIndex], blockColumn: table.header[placeIndex]))
    }
}

extension Footprint {
    /// A footprint with no areas over `blocks` blocks (no places given: a scenario naming one is bad data).
    public static func none(blocks: Int) -> Footprint {
        Footprint(
            file: "(no places given)", geography: "", codes: [], names: [], areaOfBlock: Array(repeating: nil, count: blocks),
            source: .lookup(codeColumn: "", blockColumn: ""))
    }
}

extension Footprint {
    /// The footprint of a grouping of blocks (its groups in order of first appearance).
    public init(groups grouping: Grouping) {
        var areas = AreaCodes()
        var names: [String] = []
        let areaOfBlock = grouping.groups.map { g -> Int? in
            guard let g else { return nil }
            let (a, new) = areas.number(g.code)
            if new { names.append(g.name) }
            return a
        }
        self.init(
            file: grouping.source, geography: Self.geography(of: grouping.field), codes: areas.codes, names: names,
            areaOfBlock: areaOfBlock,
            source: .lookup(codeColumn: grouping.field, blockColumn: grouping.codeColumn ?? ""))
    }

    /// The footprint as a grouping of its blocks, with the columns of `model` (nil: named after the geography).
    public func grouping(like model: Grouping? = nil) -> Grouping {
        Grouping(
            source: file, field: model?.field ?? geography.lowercased() + "_code",
            nameField: model?.nameField ?? geography.lowercased() + "_name", codeColumn: model?.codeColumn,
            groups: areaOfBlock.map { $0.map { (code: codes[$0], name: names[$0]) } })
    }
}
