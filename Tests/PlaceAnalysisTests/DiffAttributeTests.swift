import PlaceAnalysis
import PlaceIO
import PlaceOutput
import PlaceTestSupport
import Testing

/// Block attributes through a footprint comparison, on ``DiffTests``' blocks where every answer is
/// known: block Bk has 10 × (k + 1) people, k + 1 of them old, a score of k, and is rural when k is even.
@Suite struct DiffAttributeTests {
    static let codes = (0..<DiffTests.count).map { "B\($0)" }
    /// A count and a class, both inferred.
    static let mixed = CSVTable(
        source: "attrs.csv", header: ["code", "population_old", "ruc"],
        rows: (0..<DiffTests.count).map { ["B\($0)", "\($0 + 1)", $0 % 2 == 0 ? "Rural" : "Urban"] })
    static let scores = CSVTable(source: "scores.csv", header: ["code", "score"], rows: (0..<DiffTests.count).map { ["B\($0)", "\($0)"] })

    static func blocks(_ table: CSVTable, kind: AttributeKind? = nil) throws -> PopulationBlocks {
        var p = try DiffTests.blocks()
        try p.attach(table, kind: kind)
        return p
    }

    static func diff(_ table: CSVTable = mixed, kind: AttributeKind? = nil) throws -> FootprintDiff {
        try FootprintDiff(old: DiffTests.old, new: DiffTests.new, population: blocks(table, kind: kind))
    }

    /// The rows of `table` keyed by old and new codes ("F>E"), as column name → value.
    static func rows(_ table: CSVTable) -> [String: [String: String]] {
        let new = table.header.firstIndex(of: "new_code") ?? 0
        return Dictionary(
            uniqueKeysWithValues: table.rows.map { row in
                ("\(row[0])>\(row[new])", Dictionary(uniqueKeysWithValues: zip(table.header, row).map { ($0, $1) }))
            })
    }

    @Test func movesCarryCountsSummedAndClassesAsSharesOfPeople() throws {
        let d = try Self.diff()
        let table = d.movesTable
        #expect(Array(table.header.suffix(3)) == ["population_old", "share_rural", "share_urban"])
        let moves = Self.rows(table)
        // F → E is B6 alone: 7 old people, rural.
        #expect(moves["F>E"]?["population_old"] == "7" && moves["F>E"]?["share_rural"] == "1" && moves["F>E"]?["share_urban"] == "0")
        // E → E is B4 (50 people, rural) and B5 (60, urban).
        #expect(moves["E>E"]?["population_old"] == "11")
        #expect(moves["E>E"]?["share_rural"] == JSONValue.number(Number.round(50.0 / 110, 9)).text)
        #expect(moves["E>E"]?["share_urban"] == JSONValue.number(Number.round(60.0 / 110, 9)).text)
        // Outside before: B13 and B14 into K; outside both: B15.
        #expect(moves[">K"]?["population_old"] == "29" && moves[">"]?["population_old"] == "16")
        // Every block's count is in exactly one move.
        #expect(d.moves.reduce(0) { $0 + (d.attributes?.counts($1.attributes)[0] ?? 0) } == 136)
        #expect(d.attributes?.counts(d.attributeTotal(.moved)) == [7])
    }

    @Test func ratesArePopulationWeightedMeansOverTheMovedBlocks() throws {
        let d = try Self.diff(Self.scores, kind: .rates)
        let moves = Self.rows(d.movesTable)
        #expect(d.movesTable.header.last == "score_population_weighted_mean")
        // E → E: (50 × 4 + 60 × 5) / 110; I → I1 is B10 alone.
        #expect(moves["E>E"]?["score_population_weighted_mean"] == JSONValue.number(Number.round(500.0 / 110, 6)).text)
        #expect(moves["I>I1"]?["score_population_weighted_mean"] == "10")
        // A rate is never summed, so areas.csv has no kept/gained/lost columns for it.
        #expect(d.areasTable.header.last == "people_lost")
    }

    @Test func areasKeepGainAndLoseEachCount() throws {
        let d = try Self.diff()
        let table = d.areasTable
        #expect(Array(table.header.suffix(3)) == ["population_old_kept", "population_old_gained", "population_old_lost"])
        func counts(_ key: String) -> [String] {
            let row = Self.rows(table)[key] ?? [:]
            return ["kept", "gained", "lost"].map { row["population_old_" + $0] ?? "?" }
        }
        // E (B4, B5) gains B6; F (B6, B7) keeps B7 and loses B6.
        #expect(counts("E>E") == ["11", "7", "0"] && counts("F>F") == ["8", "0", "7"])
        // G (B8) merges into GH (B8, B9); I splits into I2 and I1 and keeps both; J is gone; K is new.
        #expect(counts("G>GH") == ["9", "10", "0"] && counts("I>I2;I1") == ["23", "0", "0"])
        #expect(counts("J>") == ["0", "0", "13"] && counts(">K") == ["0", "29", "0"])
    }

    @Test func theSummaryReconcilesEachCountAndProvenanceNamesTheTable() throws {
        let d = try Self.diff()
        let summary = d.attributeSummary
        // 7 of 136 old people moved; 91 in OLD's areas and 45 in none; 107 in NEW's and 29 in none.
        #expect(summary.contains("    population_old: 7 (5.15% of 136)"))
        #expect(summary.contains("    population_old: 136 = 91 + 45 = 107 + 29"))
        guard case .object(let a)? = d.provenance["attributes"], case .object(let totals)? = a["count_totals"],
            case .object(let old)? = totals["population_old"]
        else {
            Issue.record("no attribute provenance")
            return
        }
        #expect(a["table"]?.text == "attrs.csv")
        #expect(old["total"] == .number(136) && old["in_old_areas"] == .number(91) && old["in_new_areas"] == .number(107))
        #expect(old["in_moved_blocks"] == .number(7))
        #expect(try DiffTests.blocks().attributes == nil)
        #expect(try FootprintDiff(old: DiffTests.old, new: DiffTests.new, population: DiffTests.blocks()).attributeSummary.isEmpty)
    }

    /// ``DiffTests``' merger: P1 = B0–B2 is split between S1 (B0, B1) and S2 (B2) before, whole in S12 after.
    @Test func placesAndSystemsGetEachCountBeforeAndAfter() throws {
        let blocks = try Self.blocks(Self.mixed)
        let all = Array(6..<DiffTests.count)
        let current = DiffTests.footprint(
            [("S1", "one", [0, 1]), ("S2", "two", [2, 3]), ("S3", "three", [4, 5] + all)], file: "current")
        let merge = CSVTable(
            source: "merge.csv", header: ["code", "proposed_code", "proposed_name"],
            rows: [["S1", "S12", "one and two"], ["S2", "S12", "one and two"], ["S3", "S3", "three"]])
        let d = try FootprintDiff(old: current, new: current.merging(merge), population: blocks)
        let places = DiffTests.footprint([("P1", "p1", [0, 1, 2]), ("P2", "p2", [3, 4, 5] + all)], file: "places")
        let c = try FootprintCoterminosity(places: places, diff: d)
        let table = c.placesTable
        let p1 = Dictionary(uniqueKeysWithValues: zip(table.header, table.rows[0]).map { ($0, $1) })
        #expect(p1["population_old"] == "6" && p1["share_rural"] == JSONValue.number(Number.round(40.0 / 60, 9)).text)
        #expect(p1["population_old_systems_before"] == "S1 3;S2 3" && p1["population_old_systems_after"] == "S12 6")
        let p2 = Dictionary(uniqueKeysWithValues: zip(table.header, table.rows[1]).map { ($0, $1) })
        #expect(p2["population_old_systems_before"] == "S3 126;S2 4" && p2["population_old_systems_after"] == "S3 126;S12 4")

        let systems = c.systemsTable
        func system(_ footprint: String, _ code: String) -> [String: String] {
            let row = systems.rows.first { $0[0] == footprint && $0[1] == code } ?? []
            return Dictionary(uniqueKeysWithValues: zip(systems.header, row).map { ($0, $1) })
        }
        // After: S12 (B0–B3, 10 old people) holds P1 whole (6 of them).
        let s12 = system("after", "S12")
        #expect(s12["population_old"] == "10" && s12["population_old_in_whole_places"] == "6")
        #expect(s12["population_old_share_in_whole_places"] == "0.6")
        // Before: no place is whole in S1.
        #expect(system("before", "S1")["population_old_in_whole_places"] == "0" && system("before", "S1")["population_old"] == "3")
    }

    @Test func aBlockWithoutAnAttributeRowIsBadData() throws {
        var missing = Self.mixed
        missing.rows.removeLast()
        let error = try #require(throws: PlacemapError.self) { try Self.diff(missing) }
        #expect(error.exitCode == 65 && error.file == "attrs.csv" && error.featureCode == "B15" && error.field == "code")
        #expect(error.message.contains("has no row"))
        // A band left empty is stopped by the reader, naming file, line and column.
        var empty = Self.mixed
        empty.rows.set("", row: 3, column: 1)
        let blank = try #require(throws: PlacemapError.self) { try Self.diff(empty) }
        #expect(blank.exitCode == 65 && blank.file == "attrs.csv" && blank.line == 5 && blank.field == "population_old")
    }
}
