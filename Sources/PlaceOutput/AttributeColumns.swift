import PlaceAnalysis
import PlaceIO

/// Table columns, provenance and reconciliation of block attributes.
extension BlockAttributes {
    /// The result column names, e.g. population_aged_65_and_over, share_rural.
    public var columnNames: [String] { columns.map(\.name) }

    /// Result values from stored sums, rounded for a table (counts to 3 decimals, means to 6,
    /// shares to 9); null where nobody is covered.
    public func jsonValues<C: Collection>(_ sums: C) -> [JSONValue] where C.Element == Double, C.Index == Int {
        zip(columns, finish(sums)).map { c, v in
            guard let v else { return .null }
            return .number(Number.round(v, c.kind == .counts ? 3 : c.kind == .rates ? 6 : 9))
        }
    }

    /// The same values as table text (empty where nobody is covered).
    public func texts<C: Collection>(_ sums: C) -> [String] where C.Element == Double, C.Index == Int {
        jsonValues(sums).map { $0.text ?? "" }
    }

    /// The count columns' names with `suffix` (e.g. population_aged_65_and_over_in_whole_places).
    public func countNames(_ suffix: String) -> [String] { countColumns.map { columns[$0].name + suffix } }

    /// For each count column, its stored sum in `sums`.
    public func counts<C: Collection>(_ sums: C) -> [Double] where C.Element == Double, C.Index == Int {
        countColumns.map { sums[sums.startIndex + columns[$0].position] }
    }

    /// Where the attributes came from, each variable's kind (declared or inferred) and method, and
    /// (with a split) each count's total and the part outside every piece.
    public func provenance(split: AttributeSplit? = nil) -> JSONValue {
        var o = JSONObject([
            ("table", .string(source)),
            ("layout", .string(layout == "long" ? "long (code,category,value)" : "wide (one column per variable)")),
            ("code_column", .string(codeColumn)),
            (
                "variables",
                .array(
                    variables.map { v in
                        .object(
                            JSONObject([
                                ("variable", .string(v.name)), ("kind", .string(v.kind.rawValue)), ("kind_from", .string(v.kindSource)),
                                ("method", .string(v.kind.explanation)),
                            ]))
                    })
            ),
            ("columns", .array(columns.map { .string($0.name) })),
            ("table_codes_matching_no_block", .number(Double(unmatchedCodes.count))),
            ("blocks_without_row", .number(Double(blocksWithoutRow.count))),
            ("blocks_without_row_examples", .array(blocksWithoutRow.prefix(20).map(JSONValue.string))),
            ("warnings", .array(warnings.map(JSONValue.string))),
        ])
        if let split {
            let outside = split.outsideEveryPiece
            o["count_totals"] = .object(
                JSONObject(
                    countColumns.map { j in
                        let c = columns[j]
                        return (
                            c.name,
                            .object(
                                JSONObject([
                                    ("total", .number(Number.round(split.total[c.position], 3))),
                                    ("outside_every_piece", .number(Number.round(outside[c.position], 3))),
                                ]))
                        )
                    }))
        }
        return .object(o)
    }

    /// One line per count: its total in the blocks and the part outside every piece (the check
    /// printed like the population's).
    public func reconciliation(_ split: AttributeSplit, method: PopulationMethod) -> String {
        let outside = split.outsideEveryPiece
        return countColumns.map { j in
            let c = columns[j]
            return "\(c.name) (\(method.rawValue)): \(fmtCount(split.total[c.position])) in blocks, "
                + "\(fmtCount(outside[c.position])) outside every piece"
        }.joined(separator: "\n")
    }

    func fmtCount(_ v: Double) -> String { JSONValue.number(Number.round(v, 3)).text ?? "" }
}
