import PlaceIO

/// The group of each feature of a layer (a block's ICB, a district's county), from one of its
/// properties or from a lookup table joined by code. Features without a group and lookup rows
/// matching no feature are kept for reporting, never dropped silently.
public struct Grouping: Sendable {
    /// Where the groups came from: the layer file (property) or the lookup file.
    public let source: String
    /// The property or lookup column holding the group code, e.g. "icb24_code".
    public let field: String
    /// The property or lookup column holding the group name, when there is one.
    public let nameField: String?
    /// The lookup column joined to the layer's codes (nil for a property).
    public let codeColumn: String?
    /// Group code and name of each feature; nil for features without a group.
    public let groups: [(code: String, name: String)?]
    /// Lookup codes that match no feature, in file order.
    public let unmatchedCodes: [String]

    public init(
        source: String, field: String, nameField: String? = nil, codeColumn: String? = nil,
        groups: [(code: String, name: String)?], unmatchedCodes: [String] = []
    ) {
        self.source = source
        self.field = field
        self.nameField = nameField
        self.codeColumn = codeColumn
        self.groups = groups
        self.unmatchedCodes = unmatchedCodes
    }

    /// The group code of each feature.
    public var groupOf: [String?] { groups.map { $0?.code } }

    /// Features with no group (no lookup row, or an empty value), by position.
    public var ungrouped: [Int] { groups.indices.filter { groups[$0] == nil } }

    /// Groups from property `field` (names from `nameField`, default its partner, e.g. icb24_name);
    /// a usage error when no feature has it.
    public static func property(_ field: String, of layer: AnalysisLayer, nameField: String? = nil) throws(PlacemapError) -> Grouping {
        let keys = layer.features.first?.properties.keys ?? []
        guard layer.features.contains(where: { $0.properties[field] != nil }) else {
            throw PlacemapError(
                .usage, file: layer.source, field: field, message: "no feature has this property",
                hint: "group by one of: " + keys.joined(separator: ", ") + ", or join a table with --lookup")
        }
        let names = nameField ?? LayerFields.partner(of: field, in: keys)
        let groups = layer.features.map { f -> (code: String, name: String)? in
            guard let code = f.properties[field]?.text, !code.isEmpty else { return nil }
            return (code, names.flatMap { f.properties[$0]?.text } ?? "")
        }
        return Grouping(source: layer.source, field: field, nameField: names, groups: groups)
    }

    /// Groups from column `groupColumn` of a lookup joined by code. `codeColumn` defaults to the column
    /// named like the layer's code field; `nameColumn` to the partner of `groupColumn`. A code given
    /// two different groups is bad data; a lookup none of whose codes match is a usage error.
    public static func lookup(
        _ table: CSVTable, codeColumn: String?, groupColumn: String, nameColumn: String? = nil,
        for layer: AnalysisLayer
    ) throws(PlacemapError) -> Grouping {
        let key: Int
        if let codeColumn {
            key = try table.column(codeColumn)
        } else if let found = table.firstColumn(among: [layer.fields.code]) {
            key = found
        } else {
            throw PlacemapError(
                .usage, file: table.source, message: "no column named \(layer.fields.code) to join to the layer's codes",
                hint: "name it with --lookup-code; the columns are: " + table.header.joined(separator: ", "))
        }
        let value = try table.column(groupColumn)
        let nameIndex =
            try nameColumn.map { name throws(PlacemapError) in try table.column(name) }
            ?? LayerFields.partner(of: groupColumn, in: table.header).flatMap { table.header.firstIndex(of: $0) }
        let positions = layer.positions
        var groups = [(code: String, name: String)?](repeating: nil, count: layer.count)
        var lineOf: [String: Int] = [:]
        var unmatched: [String] = []
        for (r, row) in table.rows.enumerated() {
            let code = row[key]
            let group = row[value]
            guard let i = positions[code] else {
                unmatched.append(code)
                continue
            }
            if let first = lineOf[code], groups[i]?.code != (group.isEmpty ? nil : group) {
                throw PlacemapError(
                    .badData, file: table.source, line: r + 2, featureCode: code, field: table.header[value],
                    message: "\(code) is given another group here than on line \(first)",
                    hint: "keep one group per code (a best-fit lookup)")
            }
            lineOf[code] = lineOf[code] ?? r + 2
            groups[i] = group.isEmpty ? nil : (group, nameIndex.map { row[$0] } ?? "")
        }
        guard !lineOf.isEmpty || table.rows.isEmpty else {
            throw PlacemapError(
                .usage, file: table.source, field: table.header[key],
                message: "no code in this column matches a feature of \(layer.source) (\(layer.fields.code))",
                hint: "choose the lookup's code column with --lookup-code")
        }
        return Grouping(
            source: table.source, field: groupColumn, nameField: nameIndex.map { table.header[$0] },
            codeColumn: table.header[key], groups: groups, unmatchedCodes: unmatched)
    }
}
