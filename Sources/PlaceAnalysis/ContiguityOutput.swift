import Foundation
import PlaceIO

/// A contiguity run ready to write: the graph, its components, and group results when asked for.
public struct ContiguityReport: Sendable {
    public let graph: ContiguityGraph
    public let components: Components
    public let rookComponents: Components
    public let grouping: Grouping?
    public let groups: [GroupContiguity]

    public init(_ graph: ContiguityGraph, grouping: Grouping? = nil) {
        self.graph = graph
        self.components = graph.components()
        self.rookComponents = graph.components(rookOnly: true)
        self.grouping = grouping
        self.groups = grouping.map(graph.groups) ?? []
    }

    var codes: [String] { graph.layer.codes }

    /// `a_code,b_code,kind,shared_boundary_m`, one row per pair, sorted (metres to the millimetre).
    public var edgesTable: CSVTable {
        CSVTable(
            header: ["a_code", "b_code", "kind", "shared_boundary_m"],
            rows: graph.edges.map { e in
                var metres = ""
                JSONText.append(fixed: e.sharedBoundary, decimals: 3, to: &metres)
                return [codes[e.a], codes[e.b], e.kind.rawValue, metres]
            })
    }

    /// `code,name,component,component_size` in code order; component 1 is the largest by area.
    public var componentsTable: CSVTable {
        let pieceOf = components.pieceOf(count: codes.count)
        let rows = codes.indices.sorted { codes[$0] < codes[$1] }.map { i -> [String] in
            let k = pieceOf[i] ?? 0
            return [codes[i], graph.layer.names[i], String(k + 1), String(components.pieces[k].count)]
        }
        return CSVTable(header: ["code", "name", "component", "component_size"], rows: rows)
    }

    /// `group,n_members,n_pieces,connected,exclaves` (exclave codes separated by ";").
    public var groupsTable: CSVTable {
        CSVTable(
            header: ["group", "n_members", "n_pieces", "connected", "exclaves"],
            rows: groups.map { g in
                [
                    g.group, String(g.members.count), String(g.pieces.count), g.connected ? "true" : "false",
                    g.exclaves.map { codes[$0] }.joined(separator: ";"),
                ]
            })
    }

    /// Writes edges.csv, components.csv, groups.csv (with groups) and contiguity.json into `folder`,
    /// creating it when missing; returns the paths written.
    @discardableResult
    public func write(to folder: String) throws(InputError) -> [String] {
        try AtomicFile.makeFolder(folder)
        let path = { (name: String) in URL(fileURLWithPath: folder).appendingPathComponent(name).path }
        var written: [String] = []
        var files: [(String, CSVTable)] = [("edges.csv", edgesTable), ("components.csv", componentsTable)]
        if grouping != nil { files.append(("groups.csv", groupsTable)) }
        for (name, table) in files {
            try CSVWriter.write(table, to: path(name))
            written.append(path(name))
        }
        try AtomicFile.write(JSONText.text(.object(Provenance.contiguity(self))) + "\n", to: path("contiguity.json"))
        written.append(path("contiguity.json"))
        return written
    }
}

extension Provenance {
    /// Inputs, CRS, tolerance, method and counts of a contiguity run, for contiguity.json.
    public static func contiguity(_ r: ContiguityReport) -> JSONObject {
        let g = r.graph
        let codes = g.layer.codes
        let pair = { (e: ContiguityEdge) in JSONValue.string(codes[e.a] + "|" + codes[e.b]) }
        var o = JSONObject([
            ("tool", .string(tool)), ("analysis", .string("contiguity")),
            ("crs", .string("EPSG:27700 (shared boundaries in metres)")),
            ("layer", layer(g.layer)),
            ("tolerance_m", .number(g.tolerance)),
            ("method", .string(Contiguity.method)),
            ("rook_edges", .number(Double(g.count(.rook)))), ("queen_edges", .number(Double(g.count(.queen)))),
            ("overlapping_pairs", .number(Double(g.overlappingPairs.count))),
            ("overlapping_pair_codes", .array(g.overlappingPairs.map(pair))),
            ("pairs_within_tolerance_only", .number(Double(g.toleranceOnlyPairs.count))),
            ("pairs_within_tolerance_only_codes", .array(g.toleranceOnlyPairs.map(pair))),
            ("pairs_queen_as_drawn_rook_within_tolerance", .number(Double(g.rookByTolerance.count))),
            ("pairs_queen_as_drawn_rook_within_tolerance_codes", .array(g.rookByTolerance.map(pair))),
            ("components", .number(Double(r.components.count))),
            ("components_rook_only", .number(Double(r.rookComponents.count))),
            ("islands", .number(Double(g.islands.count))),
            ("island_codes", .array(g.islands.map { .string(codes[$0]) })),
        ])
        if let grouping = r.grouping {
            let split = r.groups.filter { !$0.connected }
            var groups = JSONObject([
                ("source", .string(grouping.source)), ("field", .string(grouping.field)),
                ("code_column", grouping.codeColumn.map(JSONValue.string) ?? .null),
                ("groups", .number(Double(r.groups.count))), ("not_connected", .number(Double(split.count))),
                ("not_connected_groups", .array(split.map { .string($0.group) })),
                ("features_without_group", .number(Double(grouping.ungrouped.count))),
                ("features_without_group_codes", .array(grouping.ungrouped.map { .string(codes[$0]) })),
                ("lookup_codes_matching_no_feature", .number(Double(grouping.unmatchedCodes.count))),
                ("lookup_codes_matching_no_feature_codes", .array(grouping.unmatchedCodes.map(JSONValue.string))),
            ])
            groups["adjacency"] = .string("rook and queen edges between members of the same group")
            o["groups"] = .object(groups)
        }
        return o
    }
}

extension Contiguity {
    /// The method in words, for provenance.
    public static let method = """
        rook: boundaries share a line of positive length, or interiors overlap as drawn (DE-9IM 2********); \
        queen: meet only at points; with a tolerance, pairs within it are snapped together (GEOSSnap, \
        both ways) before classifying, and pairs within it that still do not meet are queen. \
        shared_boundary_m: length of the intersection of the two boundaries (after snapping), or for \
        overlapping pairs the mean of the lengths of each boundary inside the other feature
        """
}
