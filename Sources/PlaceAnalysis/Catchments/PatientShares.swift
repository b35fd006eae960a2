import PlaceIO

/// The OHID layout: for each small area, the share of its admitted patients going to each trust.
public struct PatientShares: Sendable {
    public struct Entry: Sendable {
        public var area: String
        public var trust: String
        public var share: Double
    }

    public struct Problem: Sendable {
        public var line: Int
        public var area: String
        public var trust: String
        public var message: String
    }

    /// Usable rows.
    public var entries: [Entry]
    /// Rows set aside: shares below 0 or above 1, areas not among the blocks.
    public var problems: [Problem]
    /// Areas whose shares add up to more than 1.
    public var overfull: [String]
    public let source: String

    /// Reads the table; `areaColumn`, `trustColumn`, `shareColumn` default to the OHID names
    /// (msoa_code, trust_code, proportion). `areas` are the block codes that exist.
    public init(
        table: CSVTable, areaColumn: String = "msoa_code", trustColumn: String = "trust_code",
        shareColumn: String = "proportion", areas: Set<String>
    ) throws(PlacemapError) {
        let a = try table.column(areaColumn)
        let t = try table.column(trustColumn)
        let s = try table.column(shareColumn)
        var entries: [Entry] = []
        var problems: [Problem] = []
        var sums: [String: Double] = [:]
        for (r, row) in table.rows.enumerated() {
            let share: Double
            do throws(PlacemapError) {
                share = try table.number(row: r, column: s, what: "share")
            } catch {
                var error = error
                error.featureCode = row[a]
                error.hint = "shares are decimal numbers from 0 to 1"
                throw error
            }
            if share < 0 || share > 1 {
                problems.append(Problem(line: table.line(ofRow: r), area: row[a], trust: row[t], message: "share \(share) is outside 0–1"))
            } else if !areas.contains(row[a]) {
                problems.append(
                    Problem(line: table.line(ofRow: r), area: row[a], trust: row[t], message: "area \(row[a]) is not among the blocks"))
            } else {
                entries.append(Entry(area: row[a], trust: row[t], share: share))
                sums[row[a], default: 0] += share
            }
        }
        self.entries = entries
        self.problems = problems
        self.overfull = sums.filter { $0.value > 1 + 1e-9 }.keys.sorted()
        self.source = table.source
    }
}

extension PatientShares {
    /// The blocks with people (`people` by block code) that have no share row: their patients would go
    /// to no trust without a word. Nil when every block with people has shares.
    public func gap(blocks codes: [String], people: [String: Double]) -> CoverageGap? {
        let shared = Set(entries.map(\.area))
        let uncovered = codes.filter { !shared.contains($0) }
        return CoverageGap(
            role: "patient shares", source: source, codes: uncovered, people: uncovered.map { people[$0] ?? 0 })
    }

    /// Trust names by code from a table of trusts: the columns given, or the first of the usual names
    /// (`nhs_trust22_code`, `trust_code`, `code`; `nhs_trust22_name`, `trust_name`, `name`).
    public static func trustNames(_ table: CSVTable, codeColumn: String? = nil, nameColumn: String? = nil) throws(PlacemapError)
        -> [String: String]
    {
        guard let code = table.firstColumn(among: codeColumn.map { [$0] } ?? ["nhs_trust22_code", "trust_code", "code"]),
            let name = table.firstColumn(among: nameColumn.map { [$0] } ?? ["nhs_trust22_name", "trust_name", "name"])
        else {
            throw PlacemapError(
                .usage, file: table.source, message: "no trust code and name columns",
                hint: "expected trust_code and trust_name (or name them with --trusts-code, --trusts-name); the columns are: "
                    + table.header.joined(separator: ", "))
        }
        return Dictionary(table.rows.map { ($0[code], $0[name]) }, uniquingKeysWith: { first, _ in first })
    }
}
