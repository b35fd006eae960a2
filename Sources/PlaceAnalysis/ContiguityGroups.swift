import PlaceIO

/// The group of each feature of a layer, from one of its properties or from a lookup table joined
/// by code. Features without a group and lookup rows matching no feature are kept for reporting.
public struct Grouping: Sendable {
    /// Where the groups came from: the layer file (property) or the lookup file.
    public let source: String
    /// The property or lookup column holding the group.
    public let field: String
    /// The lookup column joined to the layer's codes (nil for a property).
    public let codeColumn: String?
    public let groupOf: [String?]
    /// Lookup codes that match no feature, in file order.
    public let unmatchedCodes: [String]

    /// Features with no group (no lookup row, or an empty value), by position.
    public var ungrouped: [Int] { groupOf.indices.filter { groupOf[$0] == nil } }

    /// Groups from property `field`; a usage error when no feature has it.
    public static func property(_ field: String, of layer: AnalysisLayer) throws(InputError) -> Grouping {
        guard layer.features.contains(where: { $0.properties[field] != nil }) else {
            let keys = layer.features.first?.properties.keys ?? []
            throw InputError(.usage, file: layer.source, field: field, message: "no feature has this property",
                             hint: "group by one of: " + keys.joined(separator: ", ") + ", or join a table with --lookup")
        }
        let groups = layer.features.map { f in f.properties[field]?.text.flatMap { $0.isEmpty ? nil : $0 } }
        return Grouping(source: layer.source, field: field, codeColumn: nil, groupOf: groups, unmatchedCodes: [])
    }

    /// Groups from column `groupColumn` of a lookup joined by code. `codeColumn` defaults to the column
    /// named like the layer's code field. A code listed twice with different groups is bad data.
    public static func lookup(_ table: CSVTable, codeColumn: String?, groupColumn: String,
                              for layer: AnalysisLayer) throws(InputError) -> Grouping {
        let key: Int
        if let codeColumn {
            key = try table.column(codeColumn)
        } else if let found = table.firstColumn(among: [layer.fields.code]) {
            key = found
        } else {
            throw InputError(.usage, file: table.source, message: "no column named \(layer.fields.code) to join to the layer's codes",
                             hint: "name it with --lookup-code; the columns are: " + table.header.joined(separator: ", "))
        }
        let value = try table.column(groupColumn)
        let positions = layer.positions
        var groups = [String?](repeating: nil, count: layer.count)
        var lineOf: [String: Int] = [:]
        var unmatched: [String] = []
        for (r, row) in table.rows.enumerated() {
            let code = row[key], group = row[value]
            guard let i = positions[code] else {
                unmatched.append(code)
                continue
            }
            if let first = lineOf[code], groups[i] != (group.isEmpty ? nil : group) {
                throw InputError(.badData, file: table.source, line: r + 2, featureCode: code, field: table.header[value],
                                 message: "\(code) is given another group here than on line \(first)",
                                 hint: "keep one group per code (a best-fit lookup)")
            }
            lineOf[code] = lineOf[code] ?? r + 2
            groups[i] = group.isEmpty ? nil : group
        }
        guard !lineOf.isEmpty || table.rows.isEmpty else {
            throw InputError(.usage, file: table.source, field: table.header[key],
                             message: "no code in this column matches a feature of \(layer.source) (\(layer.fields.code))",
                             hint: "choose the lookup's code column with --lookup-code")
        }
        return Grouping(source: table.source, field: groupColumn, codeColumn: table.header[key], groupOf: groups,
                        unmatchedCodes: unmatched)
    }
}

/// Whether the members of one group form one connected piece.
public struct GroupContiguity: Sendable {
    public var group: String
    /// Members, ascending by code.
    public var members: [Int]
    /// Connected pieces through the group's own rook and queen edges, largest (by area) first.
    public var pieces: [[Int]]
    /// Members outside the largest piece, ascending by code.
    public var exclaves: [Int]

    public var connected: Bool { pieces.count <= 1 }
}

extension ContiguityGraph {
    /// Each group's pieces, using only edges whose two ends are both in the group; sorted by group.
    public func groups(_ grouping: Grouping) -> [GroupContiguity] {
        let groupOf = grouping.groupOf
        var sets = DisjointSets(layer.count)
        for e in edges where groupOf[e.a] != nil && groupOf[e.a] == groupOf[e.b] { sets.join(e.a, e.b) }
        var members: [String: [Int]] = [:]
        for (i, g) in groupOf.enumerated() { if let g { members[g, default: []].append(i) } }
        return members.keys.sorted().map { g in
            let pieces = Components(members: sets.groups(members[g] ?? []), layer: layer).pieces
            let sorted = (members[g] ?? []).sorted { layer.codes[$0] < layer.codes[$1] }
            let exclaves = pieces.dropFirst().flatMap { $0 }.sorted { layer.codes[$0] < layer.codes[$1] }
            return GroupContiguity(group: g, members: sorted, pieces: pieces, exclaves: exclaves)
        }
    }
}
