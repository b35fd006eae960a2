import Foundation
import PlaceGeometry
import PlaceIO

/// The columns of a table written by placemap, looked up by name (extra columns are ignored); a
/// missing one is bad data naming the file and the column.
struct NamedColumns {
    let table: CSVTable
    private let index: [String: Int]

    init(_ table: CSVTable, required: [String]) throws(InputError) {
        self.table = table
        var index: [String: Int] = [:]
        for (i, name) in table.header.enumerated() where index[name] == nil { index[name] = i }
        for name in required where index[name] == nil {
            throw InputError(
                .badData, file: table.source, field: name, message: "has no column \(name)",
                hint: "the columns are: \(table.header.joined(separator: ", ")); write the folder again with placemap")
        }
        self.index = index
    }

    func text(_ row: Int, _ name: String) -> String { index[name].map { table.rows[row][$0] } ?? "" }

    /// A non-negative number (bad data naming line and column otherwise); nil when `optional` and empty.
    func number(_ row: Int, _ name: String, optional: Bool = false) throws(InputError) -> Double? {
        guard let i = index[name] else { return nil }
        if optional, table.rows[row][i].isEmpty { return nil }
        return try table.count(row: row, column: i, what: "number")
    }

    func count(_ row: Int, _ name: String) throws(InputError) -> Double { try number(row, name) ?? 0 }
}

extension ReportInputs {
    static let diffFiles = (moves: "moves.csv", areas: "areas.csv", places: "places.csv", systems: "systems.csv")

    /// What `placemap diff` wrote into `folder`: the tables, and the changed blocks (GeoJSON, else GeoPackage).
    static func diff(_ folder: String) throws(InputError) -> DiffView {
        let provenance = try json(folder + "/diff.json")
        let fm = FileManager.default
        for name in [diffFiles.areas, diffFiles.moves] where !fm.fileExists(atPath: folder + "/" + name) {
            throw InputError(
                .badData, file: folder + "/" + name, message: "is missing from a diff folder (it holds diff.json)",
                hint: "write the folder again with placemap diff --out \(folder)")
        }
        let areas = try NamedColumns(
            table(folder + "/" + diffFiles.areas),
            required: [
                "old_code", "old_name", "fate", "new_code", "new_name", "old_population", "new_population", "people_gained", "people_lost",
            ])
        var fates: [DiffView.Fate] = []
        for r in areas.table.rows.indices {
            let split = { (s: String) in s.isEmpty ? [] : s.split(separator: ";", omittingEmptySubsequences: false).map(String.init) }
            fates.append(
                DiffView.Fate(
                    oldCode: areas.text(r, "old_code"), oldName: areas.text(r, "old_name"), fate: areas.text(r, "fate"),
                    newCodes: split(areas.text(r, "new_code")), newNames: split(areas.text(r, "new_name")),
                    oldPopulation: try areas.number(r, "old_population", optional: true),
                    newPopulation: try areas.count(r, "new_population"),
                    gained: try areas.count(r, "people_gained"), lost: try areas.count(r, "people_lost")))
        }
        let moves = try NamedColumns(
            table(folder + "/" + diffFiles.moves),
            required: ["old_code", "old_name", "new_code", "new_name", "blocks", "population", "change"])
        var moveRows: [DiffView.Move] = []
        for r in moves.table.rows.indices {
            moveRows.append(
                DiffView.Move(
                    oldCode: moves.text(r, "old_code"), oldName: moves.text(r, "old_name"), newCode: moves.text(r, "new_code"),
                    newName: moves.text(r, "new_name"), blocks: Int(try moves.count(r, "blocks")),
                    population: try moves.count(r, "population"),
                    change: moves.text(r, "change")))
        }
        var view = DiffView(
            id: Drawing.slug(URL(fileURLWithPath: folder).lastPathComponent),
            oldGeography: member(provenance, "old", "geography")?.text ?? "before",
            newGeography: member(provenance, "new", "geography")?.text ?? "after", fates: fates, moves: moveRows, placeChanges: nil,
            placesGeography: member(provenance, "places", "geography")?.text,
            provenance: provenance)
        let (file, blocks) = try changedBlocks(folder)
        try view.draw(blocks, source: file)
        let placesFile = folder + "/" + diffFiles.places
        if FileManager.default.fileExists(atPath: placesFile) { view.placeChanges = try placeChanges(placesFile) }
        let systemsFile = folder + "/" + diffFiles.systems
        if FileManager.default.fileExists(atPath: systemsFile) {
            let t = try NamedColumns(table(systemsFile), required: ["footprint", "system_code", "made_of_whole_places"])
            var counts = (before: 0, of: 0, after: 0, ofAfter: 0)
            for r in t.table.rows.indices {
                let whole = t.text(r, "made_of_whole_places") == "true"
                if t.text(r, "footprint") == "before" {
                    counts.of += 1
                    counts.before += whole ? 1 : 0
                } else {
                    counts.ofAfter += 1
                    counts.after += whole ? 1 : 0
                }
            }
            view.wholeSystems = counts
        }
        return view
    }

    /// The rows of the places table whose status or systems changed.
    static func placeChanges(_ file: String) throws(InputError) -> [DiffView.PlaceChange] {
        let t = try NamedColumns(
            table(file),
            required: [
                "place_code", "place_name", "population", "status_before", "systems_before", "status_after", "systems_after", "change",
            ])
        var out: [DiffView.PlaceChange] = []
        for r in t.table.rows.indices where !t.text(r, "change").isEmpty {
            out.append(
                DiffView.PlaceChange(
                    code: t.text(r, "place_code"), name: t.text(r, "place_name"), population: try t.count(r, "population"),
                    statusBefore: t.text(r, "status_before"), statusAfter: t.text(r, "status_after"),
                    before: try systems(t, r, "systems_before"), after: try systems(t, r, "systems_after"), change: t.text(r, "change")))
        }
        return out
    }

    /// "E54000053 117351;E54000052 6705" as codes and people.
    static func systems(_ t: NamedColumns, _ r: Int, _ column: String) throws(InputError) -> [(code: String, population: Double)] {
        var out: [(code: String, population: Double)] = []
        for item in t.text(r, column).split(separator: ";") {
            let parts = item.split(separator: " ")
            guard parts.count == 2, let people = CSVTable.decimalCount(String(parts[1])) else {
                throw InputError(
                    .badData, file: t.table.source, line: t.table.line(ofRow: r), field: column,
                    message: "\"\(item)\" is not a system code and its people", hint: "write the folder again with placemap diff --places")
            }
            out.append((String(parts[0]), people))
        }
        return out
    }

    /// The changed blocks in EPSG:27700, from changed_blocks.geojson (or changed_blocks.gpkg).
    static func changedBlocks(_ folder: String) throws(InputError) -> (String, [DiffView.Block]) {
        var file = folder + "/changed_blocks.geojson"
        if !FileManager.default.fileExists(atPath: file), FileManager.default.fileExists(atPath: folder + "/changed_blocks.gpkg") {
            file = folder + "/changed_blocks.gpkg"
        }
        guard FileManager.default.fileExists(atPath: file) else {
            throw InputError(
                .badData, file: file, message: "is missing from a diff folder (it holds diff.json), and so is changed_blocks.gpkg",
                hint: "write the folder again with placemap diff --out \(folder)")
        }
        let layer = try LayerReader.read(path: file).reprojected(to: .britishNationalGrid)
        var blocks: [DiffView.Block] = []
        for (i, f) in layer.features.enumerated() {
            let p = f.properties
            for field in ["block_code", "old_code", "new_code", "change"] where p[field] == nil {
                throw InputError(
                    .badData, file: file, featureIndex: i, field: field, message: "has no \(field)",
                    hint: "this is not a changed-blocks layer written by placemap diff")
            }
            blocks.append(
                DiffView.Block(
                    code: p["block_code"]?.text ?? "", oldCode: p["old_code"]?.text ?? "", newCode: p["new_code"]?.text ?? "",
                    change: p["change"]?.text ?? "", population: p["population"]?.number ?? 0, shape: f.shape))
        }
        return (file, blocks)
    }
}
