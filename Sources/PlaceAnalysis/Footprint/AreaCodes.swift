import PlaceIO

/// Codes (areas of a lookup, categories, labels) numbered in order of first appearance.
struct AreaCodes {
    private(set) var codes: [String] = []
    private var positions: [String: Int] = [:]

    /// The number of `code`, and whether it was first seen now.
    mutating func number(_ code: String) -> (number: Int, new: Bool) {
        if let known = positions[code] { return (known, false) }
        positions[code] = codes.count
        codes.append(code)
        return (codes.count - 1, true)
    }
}

extension CSVTable {
    /// The column of area names: `nameColumn` when given, else the partner of the code column at
    /// `codeIndex` (`icb24_code` → `icb24_name`) when the table has it.
    func nameColumn(_ nameColumn: String?, partnerOf codeIndex: Int) throws(PlacemapError) -> Int? {
        if let nameColumn { return try column(nameColumn) }
        return LayerFields.partner(of: header[codeIndex], in: header).flatMap { header.firstIndex(of: $0) }
    }
}
