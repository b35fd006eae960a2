import PlaceAnalysis
import PlaceIO

extension LookupAudit {
    /// One row per block where the geometry disagrees with the lookup, contradicted rows and border
    /// rows alike (the `verdict` column tells them apart), by block code.
    public var table: CSVTable {
        let number = { (v: Double, places: Int) in JSONValue.number(Number.round(v, places)).text ?? "" }
        return CSVTable(
            header: [
                "block_code", "block_name", "lookup_area_code", "lookup_area_name", "largest_area_code", "largest_area_name",
                "lookup_area_share", "largest_area_share", "depth_m", "tolerance_m", "verdict",
            ],
            rows: rows.map { r in
                [
                    blocks.codes[r.block], blocks.names[r.block], r.namedCode, r.named.map { areas.names[$0] } ?? "",
                    r.largest.map { areas.codes[$0] } ?? "", r.largest.map { areas.names[$0] } ?? "", number(r.namedShare, 6),
                    number(r.largestShare, 6), number(r.depth, 1), number(tolerance, 1), r.verdict.rawValue,
                ]
            })
    }

    /// What was checked, against which tolerance, and what was found.
    public var summary: String {
        let shown = contradicted.prefix(10).map { r in
            "\(blocks.names[r.block]) (\(blocks.codes[r.block])) in \(r.namedCode) by the lookup, "
                + "\(Int((r.largestShare * 100).rounded()))% in \(r.largest.map { areas.names[$0] } ?? "none"), \(Int(r.depth.rounded())) m deep"
        }
        var lines = [
            "audit: \(checked) rows of \(lookup.source) checked against \(areas.source); tolerance \(Int(tolerance.rounded())) m"
                + (toleranceMeasured ? " (measured)" : " (given)"),
            "  contradicted by the geometry beyond the tolerance: \(contradicted.count)",
        ]
        lines += shown.map { "    " + $0 }
        lines.append("  border rows that cannot be resolved at this resolution: \(border.count)")
        return lines.joined(separator: "\n")
    }
}
