import Foundation
import PlaceIO

/// A proposed change of footprints, read from a scenario file (CSV `change,code,to_code,to_name`).
///
/// Rows apply in file order. A row names one thing (a system, a place, a block) and where it goes;
/// when a later row moves a block that an earlier row moved, the later row wins and the application
/// records it (`ScenarioApplication.overrides`). The same thing named twice by the same change
/// (two `move-place` rows for one council, say) is bad data: one of the two would be silently lost.
public struct Scenario: Sendable {
    /// What a row does.
    public enum Change: String, Sendable, CaseIterable {
        /// Every block whose system (after earlier rows) is `code` goes to system `to_code`.
        case mergeSystem = "merge-system"
        /// Every block of place `code` (a district, an upper-tier council meaning all its districts, or
        /// a place made by an earlier `merge-place`) goes to system `to_code`.
        case movePlace = "move-place"
        /// Block `code` goes to system `to_code`.
        case moveBlock = "move-block"
        /// Place `code` becomes part of place `to_code` (a unitary): its blocks get `to_code` as their
        /// place in both tiers.
        case mergePlace = "merge-place"

        /// True when the row changes systems (false: places).
        public var movesSystems: Bool { self != .mergePlace }
    }

    /// One row of the file.
    public struct Row: Sendable, Equatable {
        /// The line of the file it is on (the header is line 1).
        public var line: Int
        public var change: Change
        public var code: String
        public var toCode: String
        /// The name given to `toCode` (empty: none given on this row).
        public var toName: String
    }

    /// The file read.
    public var source: String
    public var rows: [Row]

    /// The columns a scenario file has, in this order.
    public static let columns = ["change", "code", "to_code", "to_name"]

    public init(source: String, rows: [Row]) {
        self.source = source
        self.rows = rows
    }

    /// The rows of a scenario file: a missing column, an unknown change, an empty code or to_code,
    /// a to_code given two names, or one change naming the same code twice is bad data (exit 65)
    /// naming the file, line and code. Extra columns are ignored; names of existing codes are checked
    /// when the scenario is applied.
    public init(table: CSVTable) throws(PlacemapError) {
        var index: [Int] = []
        for name in Self.columns {
            guard let i = table.header.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces).lowercased() == name }) else {
                throw PlacemapError(
                    .badData, file: table.source, line: 1, field: name,
                    message: "no column \"\(name)\" (the columns are: \(table.header.joined(separator: ", ")))",
                    hint: "a scenario file has the header change,code,to_code,to_name")
            }
            index.append(i)
        }
        var rows: [Row] = []
        var firstLine: [String: Int] = [:]
        var nameOf: [String: (name: String, line: Int)] = [:]
        for (r, fields) in table.rows.enumerated() {
            let line = table.line(ofRow: r)
            let value = { (c: Int) in fields[index[c]].trimmingCharacters(in: .whitespaces) }
            let (changeText, code, toCode, toName) = (value(0), value(1), value(2), value(3))
            func bad(_ field: Int, _ what: String, _ message: String, _ hint: String) -> PlacemapError {
                PlacemapError(
                    .badData, file: table.source, line: line, featureCode: what, field: Self.columns[field], message: message, hint: hint)
            }
            guard let change = Change(rawValue: changeText.lowercased()) else {
                throw bad(
                    0, code, "unknown change \"\(changeText)\" for \(code.isEmpty ? "an empty code" : code)",
                    "use one of: " + Change.allCases.map(\.rawValue).joined(separator: ", "))
            }
            guard !code.isEmpty else { throw bad(1, "", "the code is empty", "name the system, place or block the row changes") }
            guard !toCode.isEmpty else {
                throw bad(2, code, "to_code is empty for \(code)", "name the system or place \(code) goes to (new or existing)")
            }
            if let first = firstLine.updateValue(line, forKey: change.rawValue + "\u{0}" + code) {
                throw bad(
                    1, code, "\(change.rawValue) \(code) appears again (first on line \(first))",
                    "keep one \(change.rawValue) row for \(code): the later one would silently replace the earlier")
            }
            if !toName.isEmpty {
                if let earlier = nameOf[toCode], earlier.name != toName {
                    throw bad(
                        3, toCode, "\(toCode) is named \"\(toName)\" here but \"\(earlier.name)\" on line \(earlier.line)",
                        "give one name per to_code (or leave to_name empty after the first)")
                }
                if nameOf[toCode] == nil { nameOf[toCode] = (toName, line) }
            }
            rows.append(Row(line: line, change: change, code: code, toCode: toCode, toName: toName))
        }
        self.init(source: table.source, rows: rows)
    }

    /// The name given to `code` by any row (empty when none).
    public func name(of code: String) -> String { rows.first { $0.toCode == code && !$0.toName.isEmpty }?.toName ?? "" }

    /// The file's header and rows, as written.
    public var table: CSVTable {
        CSVTable(source: source, header: Self.columns, rows: rows.map { [$0.change.rawValue, $0.code, $0.toCode, $0.toName] })
    }
}
