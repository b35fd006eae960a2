import PlaceAnalysis
import PlaceIO
import PlaceOutput
import PlaceTestSupport
import Testing

/// Footprint changes on the bundled England data: ICB 2022 → 2024 and LAD 2022 → 2024 on LSOA 2021
/// blocks, checked against what the two ONS lookups imply, counted here without the library.
@Suite struct DiffEnglandTests {
    /// LSOA 2021 blocks with census 2021 population, read once.
    static let england: Result<PopulationBlocks, PlacemapError> = Result { () throws(PlacemapError) in
        let layer = try GeoJSONReader.read(path: Paths.geodata("lsoa21_england.geojson"))
        let blocks = try AnalysisLayer(layer, fields: LayerFields.detect(in: layer))
        return try PopulationBlocks(blocks: blocks, table: CSVReader.read(path: Paths.geodata("census21_population_lsoa21.csv")))
    }

    static func lookup(_ file: String, _ column: String) throws -> Footprint {
        try Footprint(lookup: CSVReader.read(path: Paths.geodata(file)), blocks: england.get().blocks, codeColumn: column)
    }

    /// block code → value of `column`, straight from the CSV.
    static func column(_ file: String, _ column: String) throws -> [String: String] {
        let t = try CSVReader.read(path: Paths.geodata(file))
        let (k, v) = (try t.column("lsoa21_code"), try t.column(column))
        return Dictionary(uniqueKeysWithValues: t.rows.map { ($0[k], $0[v]) })
    }

    static func people() throws -> [String: Double] {
        try column("census21_population_lsoa21.csv", "usual_residents").mapValues { Double($0) ?? -1 }
    }

    /// (old code, new code) → (blocks, people), counted from the lookups and the population table.
    static func pairs(_ oldFile: String, _ oldColumn: String, _ newFile: String, _ newColumn: String) throws -> [String: (Int, Double)] {
        let (old, new, people) = (try column(oldFile, oldColumn), try column(newFile, newColumn), try people())
        var out: [String: (Int, Double)] = [:]
        for (block, o) in old {
            let key = o + ">" + (new[block] ?? "?")
            let v = out[key] ?? (0, 0)
            out[key] = (v.0 + 1, v.1 + (people[block] ?? 0))
        }
        return out
    }

    static func icb() throws -> FootprintDiff {
        try FootprintDiff(
            old: lookup("lookup_lsoa21_icb22_lad22.csv", "icb22_code"), new: lookup("lookup_lsoa21_sicbl24_icb24.csv", "icb24_code"),
            population: england.get())
    }

    @Test func icb2022To2024FindsExactlyTheMovesTheLookupsImply() throws {
        let d = try Self.icb()
        let expected = try Self.pairs("lookup_lsoa21_icb22_lad22.csv", "icb22_code", "lookup_lsoa21_sicbl24_icb24.csv", "icb24_code")
        var found: [String: (Int, Double)] = [:]
        for m in d.moves {
            let key = (m.old.map { d.old.codes[$0] } ?? "") + ">" + (m.new.map { d.new.codes[$0] } ?? "")
            found[key] = (m.blocks, m.population)
        }
        #expect(found.count == expected.count)
        for (key, v) in expected { #expect(found[key].map { $0 == v } == true, "\(key)") }
        // Four Chichester LSOAs from Surrey Heartlands to Sussex, and nothing else moved.
        let moved = d.moves.filter { $0.change == .moved }
        #expect(moved.map { "\(d.old.codes[$0.old ?? 0])>\(d.new.codes[$0.new ?? 0]) \($0.blocks)" } == ["E54000052>E54000064 4"])
        #expect(d.total(.moved).population == expected["E54000052>E54000064"]?.1)
    }

    /// Every old × new pair's age bands in moves.csv equal the census bands summed over the pair's
    /// LSOAs as the two lookups give them, and add up to the pair's population.
    @Test func icb2022To2024CarriesEachAgeBandOfEachPair() throws {
        var population = try Self.england.get()
        let ages = try CSVReader.read(path: Paths.geodata("census21_age_lsoa21.csv"))
        try population.attach(ages)
        let d = try FootprintDiff(
            old: Self.lookup("lookup_lsoa21_icb22_lad22.csv", "icb22_code"),
            new: Self.lookup("lookup_lsoa21_sicbl24_icb24.csv", "icb24_code"),
            population: population)
        let bands = Array(ages.header.dropFirst())
        #expect(bands.count == 6)
        // (old code > new code) → each band summed, straight from the three CSVs.
        let old = try Self.column("lookup_lsoa21_icb22_lad22.csv", "icb22_code")
        let new = try Self.column("lookup_lsoa21_sicbl24_icb24.csv", "icb24_code")
        let byBand = try bands.map { try Self.column("census21_age_lsoa21.csv", $0) }
        var expected: [String: [Double]] = [:]
        for (block, o) in old {
            let key = o + ">" + (new[block] ?? "?")
            let values = byBand.map { Double($0[block] ?? "") ?? .nan }
            expected[key] = zip(expected[key] ?? Array(repeating: 0, count: bands.count), values).map(+)
        }
        let table = d.movesTable
        #expect(Array(table.header.suffix(6)) == bands)
        let (oc, nc, pc) = (try table.column("old_code"), try table.column("new_code"), try table.column("population"))
        let columns = try bands.map { try table.column($0) }
        #expect(table.rows.count == expected.count)
        for row in table.rows {
            let found = columns.map { Double(row[$0]) ?? .nan }
            #expect(found == expected[row[oc] + ">" + row[nc]], "\(row[oc]) > \(row[nc])")
            #expect(found.reduce(0, +) == Double(row[pc]), "\(row[oc]) > \(row[nc]): bands add up to the population")
        }
        // The four Chichester LSOAs: 1,523 people aged 65 and over among the 6,705 moved.
        let moved = try #require(table.rows.first { $0[6] == "moved" })
        #expect(moved[oc] == "E54000052" && moved[nc] == "E54000064")
        #expect(Double(moved[columns[5]]) == expected["E54000052>E54000064"]?[5])
        #expect(d.attributeSummary.contains("population_aged_65_and_over: \(moved[columns[5]]) ("))
        // Sussex gains exactly the moved bands, Surrey Heartlands loses them.
        let areas = d.areasTable
        let lost = try areas.column("population_aged_65_and_over_lost")
        let gained = try areas.column("population_aged_65_and_over_gained")
        #expect(areas.rows.first { $0[0] == "E54000052" }?[lost] == moved[columns[5]])
        #expect(areas.rows.first { $0[0] == "E54000053" }?[gained] == moved[columns[5]])
    }

    @Test func theTwoRecodesAreShrunkAndGrownNotGoneAndNew() throws {
        let d = try Self.icb()
        let fates = Dictionary(uniqueKeysWithValues: d.fates.compactMap { f in f.old.map { (d.old.codes[$0], f) } })
        #expect(d.count(.unchanged) == 40 && d.count(.gone) == 0 && d.count(.new) == 0)
        let surrey = try #require(fates["E54000052"])
        #expect(surrey.fate == .shrunk && surrey.new.map { d.new.codes[$0] } == ["E54000063"] && surrey.gained == 0)
        let sussex = try #require(fates["E54000053"])
        #expect(sussex.fate == .grown && sussex.new.map { d.new.codes[$0] } == ["E54000064"] && sussex.lost == 0)
        #expect(surrey.lost == sussex.gained && surrey.lost > 0)
        #expect(d.summary.contains("recoded: Surrey Heartlands ICB E54000052 → E54000063, shrunk"))
    }

    @Test func chichesterStopsBeingSplit() throws {
        let d = try Self.icb()
        let places = try Self.lookup("lookup_lsoa21_lad24.csv", "ltla24_code")
        let c = try FootprintCoterminosity(places: places, diff: d)
        #expect(c.changed.map { places.codes[$0.place] } == ["E07000225"])
        #expect(c.placesTable.rows.first { $0[0] == "E07000225" }?.last == "split → coterminous")
        #expect((c.count(.split, after: false), c.count(.split, after: true)) == (14, 13))
        // A recode alone is not a change of systems.
        #expect(c.rows.filter(\.systemsChanged).isEmpty)
    }

    @Test func lad2022To2024ReportsTheAprilMergersWithTheirPeople() throws {
        let d = try FootprintDiff(
            old: Self.lookup("lookup_lsoa21_icb22_lad22.csv", "ltla22_code"), new: Self.lookup("lookup_lsoa21_lad24.csv", "ltla24_code"),
            population: Self.england.get())
        let merged = d.fates.filter { $0.fate == .mergedInto }
        #expect(merged.count == 17)
        let into = Dictionary(grouping: merged) { d.new.codes[$0.new[0]] }.mapValues { $0.map { d.old.codes[$0.old ?? 0] }.sorted() }
        #expect(
            into == [
                "E06000063": ["E07000026", "E07000028", "E07000029"], "E06000064": ["E07000027", "E07000030", "E07000031"],
                "E06000065": ["E07000163", "E07000164", "E07000165", "E07000166", "E07000167", "E07000168", "E07000169"],
                "E06000066": ["E07000187", "E07000188", "E07000189", "E07000246"],
            ])
        let people = try Self.people()
        let old = try Self.column("lookup_lsoa21_icb22_lad22.csv", "ltla22_code")
        let new = try Self.column("lookup_lsoa21_lad24.csv", "ltla24_code")
        for f in merged {
            let o = d.old.codes[f.old ?? 0]
            let n = d.new.codes[f.new[0]]
            #expect(f.oldPopulation == old.filter { $0.value == o }.keys.reduce(0) { $0 + (people[$1] ?? 0) })
            #expect(f.newPopulation == new.filter { $0.value == n }.keys.reduce(0) { $0 + (people[$1] ?? 0) })
            #expect(f.kept == f.oldPopulation && f.lost == 0)
        }
        // Every merged district's people add up to its unitary council's.
        for (n, parts) in into {
            let total = merged.filter { d.new.codes[$0.new[0]] == n }.reduce(0) { $0 + $1.kept }
            #expect(total == merged.first { d.new.codes[$0.new[0]] == n }?.newPopulation, "\(n): \(parts)")
        }
    }

    /// Frimley and Surrey Heartlands merged: the four Surrey districts split between them become
    /// coterminous, Hart (Frimley and Hampshire) stays split, and the people add up.
    @Test func mergingTwoNeighbouringICBs() throws {
        let current = try Self.lookup("lookup_lsoa21_sicbl24_icb24.csv", "icb24_code")
        var rows = current.codes.indices.map { [current.codes[$0], current.codes[$0], current.names[$0]] }
        for i in rows.indices where ["E54000034", "E54000063"].contains(rows[i][0]) {
            rows[i][1...2] = ["X54000001", "Frimley and Surrey"]
        }
        let proposed = try current.merging(
            CSVTable(source: "merge.csv", header: ["icb24_code", "proposed_code", "proposed_name"], rows: rows))
        let d = try FootprintDiff(old: current, new: proposed, population: Self.england.get())
        #expect(d.count(.mergedInto) == 2 && d.count(.unchanged) == 40 && proposed.count == 41)
        let oldPeople = current.population(d.population.population)
        let merged = try #require(d.fates.first { $0.fate == .mergedInto })
        let pos = current.positions
        #expect(merged.newPopulation == oldPeople[pos["E54000034"] ?? 0] + oldPeople[pos["E54000063"] ?? 0])
        let places = try Self.lookup("lookup_lsoa21_lad24.csv", "ltla24_code")
        let c = try FootprintCoterminosity(places: places, diff: d)
        let changed = c.changed.map { places.names[$0.place] }.sorted()
        #expect(changed == ["Guildford", "Runnymede", "Surrey Heath", "Waverley"])
        #expect(c.rows.allSatisfy { $0.after.status != .split || $0.before.status == .split })
        let hart = try #require(c.rows.first { places.names[$0.place] == "Hart" })
        #expect(hart.after.status == .split && hart.after.systems.map(\.population) == hart.before.systems.map(\.population))
        #expect(c.count(.split, after: true) == 9)
    }
}
