import Foundation
import PlaceAnalysis
import PlaceIO

/// Tables and provenance of a contiguity run.
extension ContiguityReport {
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
    public var groupsTable: CSVTable { GroupContiguity.table(groups, codes: codes) }
}

extension RookPieces {
    /// `group,n_members,n_pieces,connected,exclaves`, as `placemap contiguity` writes it.
    public var groupsTable: CSVTable { GroupContiguity.table(groups, codes: layer.codes) }
}

extension GroupContiguity {
    /// `group,n_members,n_pieces,connected,exclaves` (exclave codes separated by ";").
    static func table(_ groups: [GroupContiguity], codes: [String]) -> CSVTable {
        CSVTable(
            header: [
                ContiguityColumns.group, ContiguityColumns.members, ContiguityColumns.pieces, ContiguityColumns.connected,
                ContiguityColumns.exclaves,
            ],
            rows: groups.map { g in
                [
                    g.group, String(g.members.count), String(g.pieces.count), g.connected ? "true" : "false",
                    g.exclaves.map { codes[$0] }.joined(separator: ";"),
                ]
            })
    }
}

extension Provenance {
    /// The pieces of each group (rook adjacency, without the whole graph), for contiguity.json: the
    /// layer, the method and the groups in the members `placemap contiguity` writes them in.
    public static func rookPieces(_ r: RookPieces) -> JSONObject {
        let split = r.groups.filter { !$0.connected }
        return JSONObject([
            ("tool", .string(tool)), ("analysis", .string("contiguity of groups")),
            ("crs", .string("EPSG:27700")), ("layer", layer(r.layer)), ("tolerance_m", .number(0)),
            ("method", .string(RookPieces.method)),
            ("pairs_sharing_a_segment", .number(Double(r.sharedSegmentPairs))),
            ("pairs_tested_with_geos", .number(Double(r.testedPairs))),
            ("pairs_tested_with_geos_rook", .number(Double(r.testedRookPairs))),
            (
                "groups",
                .object(
                    JSONObject([
                        ("source", .string(r.grouping.source)), ("field", .string(r.grouping.field)),
                        ("code_column", r.grouping.codeColumn.map(JSONValue.string) ?? .null),
                        ("groups", .number(Double(r.groups.count))), ("not_connected", .number(Double(split.count))),
                        ("not_connected_groups", .array(split.map { .string($0.group) })),
                        (
                            "adjacency",
                            .string(
                                "rook edges (a shared boundary of positive length) between members of the same group; "
                                    + "members meeting only at a corner are separate pieces")
                        ),
                    ]))
            ),
        ])
    }

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
