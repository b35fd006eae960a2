import Foundation
import PlaceIO

extension Footprint {
    /// A footprint from a block lookup: one row per block with the code (and name) of its area.
    ///
    /// `blockColumn` defaults to the column named like the blocks' code field (e.g. `lsoa21_code`);
    /// `codeColumn` to the one other code column (`XXnnCD` or `*_code`), a usage error when there are
    /// several; `nameColumn` to the code column's partner (`icb22_code` → `icb22_name`). A row whose
    /// block is not among `blocks`, a block given twice or a block with no row is bad data: the two
    /// footprints must cover the same blocks.
    public init(
        lookup table: CSVTable, blocks: AnalysisLayer, blockColumn: String? = nil, codeColumn: String? = nil, nameColumn: String? = nil
    ) throws(PlacemapError) {
        let (blockIndex, codeIndex) = try Self.lookupColumns(table, blocks: blocks, blockColumn: blockColumn, codeColumn: codeColumn)
        let nameIndex = try table.nameColumn(nameColumn, partnerOf: codeIndex)
        let positions = blocks.positions
        var areaOfBlock = [Int?](repeating: nil, count: blocks.count)
        var rowOfBlock = [Int?](repeating: nil, count: blocks.count)
        var areas = AreaCodes()
        var nameVotes: [[String: (count: Int, first: Int)]] = []
        for (r, row) in table.rows.enumerated() {
            let block = row[blockIndex]
            let code = row[codeIndex].trimmingCharacters(in: .whitespaces)
            guard let k = positions[block] else {
                throw PlacemapError(
                    .badData, file: table.source, line: table.line(ofRow: r), featureCode: block, field: table.header[blockIndex],
                    message: "block \(block) is not one of the blocks in \(blocks.source)",
                    hint: "both footprints must be drawn on the same blocks (e.g. LSOA 2021); use a lookup of the same vintage")
            }
            if let first = rowOfBlock[k] {
                throw PlacemapError(
                    .badData, file: table.source, line: table.line(ofRow: r), featureCode: block, field: table.header[blockIndex],
                    message: "block \(block) appears again (first on line \(table.line(ofRow: first)))", hint: "keep one row per block")
            }
            guard !code.isEmpty else {
                throw PlacemapError(
                    .badData, file: table.source, line: table.line(ofRow: r), featureCode: block, field: table.header[codeIndex],
                    message: "the area code is empty", hint: "give every block its area's code")
            }
            rowOfBlock[k] = r
            let (a, new) = areas.number(code)
            if new { nameVotes.append([:]) }
            areaOfBlock[k] = a
            let name = nameIndex.map { row[$0] } ?? ""
            let vote = nameVotes[a][name] ?? (0, r)
            nameVotes[a][name] = (vote.count + 1, vote.first)
        }
        let (names, nameWarnings) = Self.majorityNames(nameVotes, codes: areas.codes, table: table)
        if let missing = rowOfBlock.firstIndex(where: { $0 == nil }) {
            let count = rowOfBlock.filter { $0 == nil }.count
            throw PlacemapError(
                .badData, file: table.source, featureCode: blocks.codes[missing], field: table.header[blockIndex],
                message: "block \(blocks.codes[missing]) of \(blocks.source) has no row (\(count) blocks have none)",
                hint: "both footprints must be drawn on the same blocks; give every block a row")
        }
        self.init(
            file: table.source, geography: Self.geography(of: table.header[codeIndex]), codes: areas.codes, names: names,
            areaOfBlock: areaOfBlock, source: .lookup(codeColumn: table.header[codeIndex], blockColumn: table.header[blockIndex]))
        self.nameWarnings = nameWarnings
    }

    /// The block code column and the area code column of a lookup: named, or found (the column named
    /// like the blocks' code field; the one other code column).
    static func lookupColumns(_ table: CSVTable, blocks: AnalysisLayer, blockColumn: String?, codeColumn: String?) throws(PlacemapError)
        -> (block: Int, code: Int)
    {
        let blockIndex: Int
        if let blockColumn {
            blockIndex = try table.column(blockColumn)
        } else if let i = table.header.firstIndex(of: blocks.fields.code) ?? table.firstColumn(among: [blocks.fields.code]) {
            blockIndex = i
        } else {
            throw PlacemapError(
                .usage, file: table.source, message: "no column named \(blocks.fields.code) to join to the blocks",
                hint: "name the block code column with --old-lookup-code, --new-lookup-code or --places-lookup-code; the columns are: "
                    + table.header.joined(separator: ", "))
        }
        let codeIndex: Int
        if let codeColumn {
            codeIndex = try table.column(codeColumn)
        } else {
            let candidates = table.header.indices.filter { $0 != blockIndex && Self.isCodeColumn(table.header[$0]) }
            guard candidates.count == 1, let only = candidates.first else {
                throw PlacemapError(
                    .usage, file: table.source,
                    message: candidates.isEmpty
                        ? "no area code column found (looked for XXnnCD or *_code)"
                        : "several area code columns: " + candidates.map { table.header[$0] }.joined(separator: ", "),
                    hint: "name the one to compare with --old-by, --new-by or --places-by")
            }
            codeIndex = only
        }
        return (blockIndex, codeIndex)
    }

    /// Each area's name: the one most of its rows give (the first of equals), so that one row naming it
    /// differently does not make it look renamed; each disagreement is a warning.
    static func majorityNames(_ nameVotes: [[String: (count: Int, first: Int)]], codes: [String], table: CSVTable)
        -> (names: [String], warnings: [String])
    {
        var names: [String] = []
        var nameWarnings: [String] = []
        for (a, votes) in nameVotes.enumerated() {
            let ranked = votes.sorted { ($0.value.count, -$0.value.first) > ($1.value.count, -$1.value.first) }
            names.append(ranked.first?.key ?? "")
            for other in ranked.dropFirst() {
                nameWarnings.append(
                    "\(table.source):\(table.line(ofRow: other.value.first)): \(codes[a]) is named \"\(other.key)\" in "
                        + "\(other.value.count) row\(other.value.count == 1 ? "" : "s") (first on this line) but \"\(ranked[0].key)\" in "
                        + "\(ranked[0].value.count); the name of most rows is used")
            }
        }
        return (names, nameWarnings)
    }

    /// A footprint from polygons: each block goes wholly to the area holding most of its area.
    public init(layer: AnalysisLayer, blocks: AnalysisLayer, progress: ProgressHandler? = nil) throws(PlacemapError) {
        self.init(
            file: layer.source, geography: layer.fields.prefix, codes: layer.codes, names: layer.names,
            areaOfBlock: try Self.largestShare(blocks, in: layer, progress: progress), source: .layer(layer.summary))
    }

    /// Each block's area by largest share of its area (nil when it overlaps none): the one place the
    /// diff uses the overlay's block allocation.
    static func largestShare(_ blocks: AnalysisLayer, in layer: AnalysisLayer, progress: ProgressHandler?) throws(PlacemapError) -> [Int?] {
        try Overlay.pieces(blocks, layer, skipByCoverage: true, progress: progress).map(PopulationWeighting.largest)
    }

    /// "icb22_code" → "ICB22", "LAD24CD" → "LAD24".
    static func geography(of column: String) -> String { LayerFields(code: column, name: nil).prefix }

    /// A column named like a code: `XXnnCD`, `*_code` or `code`.
    static func isCodeColumn(_ name: String) -> Bool {
        let k = name.lowercased()
        if k.hasSuffix("_code") || k == "code" { return true }
        return k.hasSuffix("cd") && k.count >= 4 && k.dropLast(2).last?.isNumber == true
    }
}
