import Foundation
import PlaceIO

/// Proposed footprints built from a current one: whole systems merged, or blocks given to other systems.
extension Footprint {
    /// The footprint after merging whole systems: `table`'s first three columns are a current system
    /// code, its proposed code and the proposed name. Every current system needs exactly one row
    /// (unchanged ones map to themselves); an unknown or repeated code, a missing system, an empty
    /// proposed code or one proposed code with two names is bad data naming the row.
    public func merging(_ table: CSVTable) throws(PlacemapError) -> Footprint {
        guard table.header.count >= 3 else {
            throw PlacemapError(
                .badData, file: table.source, line: 1, message: "a merge file needs three columns: code, proposed code, proposed name",
                hint: "e.g. icb24_code,proposed_code,proposed_name")
        }
        let positions = self.positions
        var target = [Int?](repeating: nil, count: count)
        var rowOf = [Int?](repeating: nil, count: count)
        var proposed: [String: Int] = [:]
        var codes: [String] = []
        var names: [String] = []
        for (r, row) in table.rows.enumerated() {
            let code = row[0].trimmingCharacters(in: .whitespaces)
            let newCode = row[1].trimmingCharacters(in: .whitespaces)
            let newName = row[2].trimmingCharacters(in: .whitespaces)
            guard let s = positions[code] else {
                throw PlacemapError(
                    .badData, file: table.source, line: r + 2, featureCode: code, field: table.header[0],
                    message: "\(code) is not a system of \(file)", hint: "use the codes of the current footprint (\(geography))")
            }
            if let first = rowOf[s] {
                throw PlacemapError(
                    .badData, file: table.source, line: r + 2, featureCode: code, field: table.header[0],
                    message: "\(code) appears again (first on line \(first + 2))", hint: "give each system one row")
            }
            guard !newCode.isEmpty else {
                throw PlacemapError(
                    .badData, file: table.source, line: r + 2, featureCode: code, field: table.header[1],
                    message: "the proposed code is empty", hint: "map a system that stays as it is to its own code")
            }
            rowOf[s] = r
            if let i = proposed[newCode] {
                guard names[i] == newName || newName.isEmpty else {
                    throw PlacemapError(
                        .badData, file: table.source, line: r + 2, featureCode: newCode, field: table.header[2],
                        message: "\(newCode) is named \"\(newName)\" here but \"\(names[i])\" before",
                        hint: "give one name per proposed code")
                }
                target[s] = i
            } else {
                proposed[newCode] = codes.count
                target[s] = codes.count
                codes.append(newCode)
                names.append(newName.isEmpty && newCode == code ? self.names[s] : newName)
            }
        }
        if let missing = rowOf.firstIndex(where: { $0 == nil }) {
            throw PlacemapError(
                .badData, file: table.source, featureCode: self.codes[missing],
                message: "system \(self.codes[missing]) (\(self.names[missing])) of \(file) has no row: every system must be assigned",
                hint: "add a row for it, mapping it to its own code if it stays as it is")
        }
        return Footprint(
            file: table.source, geography: geography, codes: codes, names: names,
            areaOfBlock: areaOfBlock.map { $0.flatMap { target[$0] } },
            source: .scenario(base: file, files: [table.source]))
    }

    /// The footprint with blocks given to other systems: `table`'s first column is a block code, its
    /// second the system it goes to, an optional third the system's name (needed for a system that is
    /// not in the footprint yet). An unknown or repeated block, or an unknown system without a name,
    /// is bad data naming the row.
    public func reassigning(_ table: CSVTable, blocks: AnalysisLayer) throws(PlacemapError) -> Footprint {
        guard table.header.count >= 2 else {
            throw PlacemapError(
                .badData, file: table.source, line: 1, message: "a reassignment file needs two columns: block code, system code",
                hint: "e.g. lsoa21_code,icb24_code[,icb24_name]")
        }
        let blockPositions = blocks.positions
        var positions = self.positions
        var out = self
        var rowOf: [Int: Int] = [:]
        for (r, row) in table.rows.enumerated() {
            let block = row[0].trimmingCharacters(in: .whitespaces)
            let code = row[1].trimmingCharacters(in: .whitespaces)
            let name = table.header.count >= 3 ? row[2].trimmingCharacters(in: .whitespaces) : ""
            guard let k = blockPositions[block] else {
                throw PlacemapError(
                    .badData, file: table.source, line: r + 2, featureCode: block, field: table.header[0],
                    message: "\(block) is not a block of \(blocks.source)", hint: "use the block codes (e.g. LSOA 2021)")
            }
            if let first = rowOf.updateValue(r, forKey: k) {
                throw PlacemapError(
                    .badData, file: table.source, line: r + 2, featureCode: block, field: table.header[0],
                    message: "block \(block) appears again (first on line \(first + 2))", hint: "give each block one row")
            }
            if let s = positions[code] {
                out.areaOfBlock[k] = s
            } else if !code.isEmpty, !name.isEmpty {
                positions[code] = out.codes.count
                out.areaOfBlock[k] = out.codes.count
                out.codes.append(code)
                out.names.append(name)
            } else {
                throw PlacemapError(
                    .badData, file: table.source, line: r + 2, featureCode: code, field: table.header[1],
                    message: code.isEmpty ? "the system code is empty" : "\(code) is not a system of \(file)",
                    hint: "use a system of the footprint, or give a new system's name in the third column")
            }
        }
        let files: [String] =
            if case .scenario(_, let earlier) = source { earlier + [table.source] } else { [table.source] }
        let base: String = if case .scenario(let b, _) = source { b } else { file }
        out.file = table.source
        out.source = .scenario(base: base, files: files)
        return out
    }
}
