import Foundation
import PlaceAnalysis
import PlaceGeometry
import PlaceIO

extension OutputFolder {
    static let diffFiles = (moves: "moves.csv", areas: "areas.csv", places: "places.csv", systems: "systems.csv")

    /// What `placemap diff` wrote into `folder`: the tables, and the changed blocks (GeoJSON, else
    /// GeoPackage) dissolved for the maps.
    static func diff(_ folder: String) throws(PlacemapError) -> DiffRecord {
        typealias C = DiffColumns
        let provenance = try JSONReader.read(path: folder + "/diff.json")
        for name in [diffFiles.areas, diffFiles.moves] where !FileManager.default.fileExists(atPath: folder + "/" + name) {
            throw PlacemapError(
                .badData, file: folder + "/" + name, message: "is missing from a diff folder (it holds diff.json)",
                hint: "write the folder again with placemap diff --out \(folder)")
        }
        let fates = try diffFates(folder + "/" + diffFiles.areas)
        let moves = try diffMoves(folder + "/" + diffFiles.moves)
        let (file, blocks) = try changedBlocks(folder)
        let areas = try ChangedAreas(blocks, source: file)
        let placesFile = folder + "/" + diffFiles.places
        let placeChanges = FileManager.default.fileExists(atPath: placesFile) ? try placeChanges(placesFile) : nil
        let systemsFile = folder + "/" + diffFiles.systems
        var whole: DiffRecord.WholeSystems?
        if FileManager.default.fileExists(atPath: systemsFile) {
            let t = try NamedColumns(table(systemsFile), required: [C.footprint, C.systemCode, C.madeOfWholePlaces])
            var counts = (before: 0, of: 0, after: 0, ofAfter: 0)
            for r in t.rows {
                let isWhole = t.text(r, C.madeOfWholePlaces) == "true"
                if t.text(r, C.footprint) == "before" {
                    counts.of += 1
                    counts.before += isWhole ? 1 : 0
                } else {
                    counts.ofAfter += 1
                    counts.after += isWhole ? 1 : 0
                }
            }
            whole = counts
        }
        return DiffRecord(
            oldGeography: provenance.member("old", "geography")?.text ?? "before",
            newGeography: provenance.member("new", "geography")?.text ?? "after", fates: fates, moves: moves, areas: areas,
            placeChanges: placeChanges, placesGeography: provenance.member("places", "geography")?.text, wholeSystems: whole,
            provenance: provenance)
    }

    static func diffFates(_ file: String) throws(PlacemapError) -> [DiffRecord.Fate] {
        typealias C = DiffColumns
        let areas = try NamedColumns(
            table(file),
            required: [C.oldCode, C.oldName, C.fate, C.newCode, C.newName, C.oldPopulation, C.newPopulation, C.peopleGained, C.peopleLost])
        let split = { (s: String) in s.isEmpty ? [] : s.split(separator: ";", omittingEmptySubsequences: false).map(String.init) }
        var fates: [DiffRecord.Fate] = []
        for r in areas.rows {
            fates.append(
                DiffRecord.Fate(
                    oldCode: areas.text(r, C.oldCode), oldName: areas.text(r, C.oldName), fate: areas.text(r, C.fate),
                    newCodes: split(areas.text(r, C.newCode)), newNames: split(areas.text(r, C.newName)),
                    oldPopulation: try areas.number(r, C.oldPopulation, optional: true), newPopulation: try areas.count(r, C.newPopulation),
                    gained: try areas.count(r, C.peopleGained), lost: try areas.count(r, C.peopleLost)))
        }
        return fates
    }

    static func diffMoves(_ file: String) throws(PlacemapError) -> [DiffRecord.Move] {
        typealias C = DiffColumns
        let moves = try NamedColumns(table(file), required: [C.oldCode, C.oldName, C.newCode, C.newName, C.blocks, C.population, C.change])
        var out: [DiffRecord.Move] = []
        for r in moves.rows {
            out.append(
                DiffRecord.Move(
                    oldCode: moves.text(r, C.oldCode), oldName: moves.text(r, C.oldName), newCode: moves.text(r, C.newCode),
                    newName: moves.text(r, C.newName), blocks: Int(try moves.count(r, C.blocks)),
                    population: try moves.count(r, C.population),
                    change: moves.text(r, C.change)))
        }
        return out
    }

    /// The rows of the places table whose status or systems changed.
    static func placeChanges(_ file: String) throws(PlacemapError) -> [DiffRecord.PlaceChange] {
        typealias C = DiffColumns
        let t = try NamedColumns(
            table(file),
            required: [C.placeCode, C.placeName, C.population, C.statusBefore, C.systemsBefore, C.statusAfter, C.systemsAfter, C.change])
        var out: [DiffRecord.PlaceChange] = []
        for r in t.rows where !t.text(r, C.change).isEmpty {
            out.append(
                DiffRecord.PlaceChange(
                    code: t.text(r, C.placeCode), name: t.text(r, C.placeName), population: try t.count(r, C.population),
                    statusBefore: t.text(r, C.statusBefore), statusAfter: t.text(r, C.statusAfter),
                    before: try systems(t, r, C.systemsBefore), after: try systems(t, r, C.systemsAfter), change: t.text(r, C.change)))
        }
        return out
    }

    /// "E54000053 117351;E54000052 6705" as codes and people.
    static func systems(_ t: NamedColumns, _ r: Int, _ column: String) throws(PlacemapError) -> [(code: String, population: Double)] {
        var out: [(code: String, population: Double)] = []
        for item in t.text(r, column).split(separator: ";") {
            let parts = item.split(separator: " ")
            guard parts.count == 2, let people = CSVTable.decimalCount(String(parts[1])) else {
                throw PlacemapError(
                    .badData, file: t.table.source, line: t.table.line(ofRow: r), field: column,
                    message: "\"\(item)\" is not a system code and its people", hint: "write the folder again with placemap diff --places")
            }
            out.append((String(parts[0]), people))
        }
        return out
    }

    /// The changed blocks in EPSG:27700, from changed_blocks.geojson with the shapes of changed_blocks.gpkg
    /// (or from changed_blocks.gpkg alone).
    static func changedBlocks(_ folder: String) throws(PlacemapError) -> (String, [ChangedBlock]) {
        typealias C = DiffColumns
        var file = folder + "/changed_blocks.geojson"
        if !FileManager.default.fileExists(atPath: file), FileManager.default.fileExists(atPath: folder + "/changed_blocks.gpkg") {
            file = folder + "/changed_blocks.gpkg"
        }
        guard FileManager.default.fileExists(atPath: file) else {
            throw PlacemapError(
                .badData, file: file, message: "is missing from a diff folder (it holds diff.json), and so is changed_blocks.gpkg",
                hint: "write the folder again with placemap diff --out \(folder)")
        }
        let layer = try LayerReader.read(path: file).reprojected(to: .britishNationalGrid)
        let exact = file.hasSuffix(".gpkg") ? [:] : try exactShapes(folder + "/changed_blocks.gpkg", codeField: C.blockCode)
        var blocks: [ChangedBlock] = []
        for (i, f) in layer.features.enumerated() {
            let p = f.properties
            for field in [C.blockCode, C.oldCode, C.newCode, C.change] where p[field] == nil {
                throw PlacemapError(
                    .badData, file: file, featureIndex: i, field: field, message: "has no \(field)",
                    hint: "this is not a changed-blocks layer written by placemap diff")
            }
            blocks.append(
                ChangedBlock(
                    code: p[C.blockCode]?.text ?? "", oldCode: p[C.oldCode]?.text ?? "", newCode: p[C.newCode]?.text ?? "",
                    change: p[C.change]?.text ?? "", population: p[C.population]?.number ?? 0,
                    shape: p[C.blockCode]?.text.flatMap { exact[$0] } ?? f.shape))
        }
        return (file, blocks)
    }
}
