import PlaceAnalysis
import PlaceIO
import PlaceOutput
import PlaceTestSupport
import Testing

/// Footprint comparison on hand-made blocks where every answer is known.
@Suite struct DiffTests {
    /// Blocks B0…B15, 10 m squares in a row; block k has 10 × (k + 1) people.
    static let count = 16
    static func blocks() throws -> PopulationBlocks {
        let layer = try AnalysisLayer(
            Layers.make((0..<count).map { ("B\($0)", Layers.rect(Double($0) * 10, 0, Double($0) * 10 + 10, 10)) }, name: "blocks"),
            fields: Layers.fields)
        let table = CSVTable(
            source: "people.csv", header: ["code", "population"], rows: (0..<count).map { ["B\($0)", "\(10 * ($0 + 1))"] })
        return try PopulationBlocks(blocks: layer, table: table)
    }

    /// A footprint from (code, name, blocks) areas; blocks in none are outside.
    static func footprint(_ areas: [(String, String, [Int])], file: String) -> Footprint {
        var of = [Int?](repeating: nil, count: count)
        for (i, a) in areas.enumerated() { for k in a.2 { of[k] = i } }
        return Footprint(
            file: file, geography: "T", codes: areas.map(\.0), names: areas.map(\.1), areaOfBlock: of,
            source: .scenario(base: file, files: []))
    }

    static let old = footprint(
        [
            ("A", "a", [0, 1]), ("C", "c", [2]), ("D", "d", [3]), ("E", "e", [4, 5]), ("F", "f", [6, 7]), ("G", "g", [8]), ("H", "h", [9]),
            ("I", "i", [10, 11]), ("J", "j", [12]),
        ], file: "old")
    static let new = footprint(
        [
            ("A", "a", [0, 1]), ("C", "c renamed", [2]), ("D2", "d", [3]), ("E", "e", [4, 5, 6]), ("F", "f", [7]), ("GH", "gh", [8, 9]),
            ("I1", "i1", [10]), ("I2", "i2", [11]), ("K", "k", [13, 14]),
        ], file: "new")

    func fates(_ d: FootprintDiff) -> [String: String] {
        Dictionary(
            uniqueKeysWithValues: d.fates.map { f in
                (
                    f.old.map { d.old.codes[$0] } ?? "+" + f.new.map { d.new.codes[$0] }.joined(),
                    f.fate.rawValue + " " + f.new.map { d.new.codes[$0] }.joined(separator: ",")
                )
            })
    }

    @Test func everyFateByFootprintNotByCode() throws {
        let d = try FootprintDiff(old: Self.old, new: Self.new, population: Self.blocks())
        #expect(
            fates(d) == [
                "A": "unchanged A", "C": "renamed C", "D": "recoded D2", "E": "grown E", "F": "shrunk F", "G": "merged into GH",
                "H": "merged into GH", "I": "split into I2,I1", "J": "gone ", "+K": "new K",
            ])
        let e = try #require(d.fates.first { $0.old.map { d.old.codes[$0] } == "E" })
        // E had B4 + B5 = 50 + 60 people and gained B6 (70) from F.
        #expect((e.oldPopulation, e.newPopulation, e.kept, e.gained, e.lost) == (110, 180, 110, 70, 0))
        let g = try #require(d.fates.first { $0.old.map { d.old.codes[$0] } == "G" })
        #expect((g.kept, g.gained, g.lost, g.newPopulation) == (90, 100, 0, 190))
        #expect(d.summary.contains("renamed: c (C) → c renamed"))
        #expect(d.summary.contains("split: i (I) → i2 (I2), i1 (I1)"))
        #expect(d.summary.contains("merged: g, h → gh (GH): 190 people"))
        let j = try #require(d.fates.first { $0.old.map { d.old.codes[$0] } == "J" })
        #expect((j.lost, j.newBlocks) == (130, 0))
    }

    /// S1 gives B1 (20 people) to S2 and keeps B0 (10): most of its people went, but the new S1 is made
    /// of it alone, so it is shrunk, not merged into S2 (and the new S1 is not new).
    @Test func anAreaLosingMostOfItsPeopleStillContinues() throws {
        let old = Self.footprint([("S1", "one", [0, 1]), ("S2", "two", Array(2..<Self.count))], file: "old")
        let new = Self.footprint([("S1", "one", [0]), ("S2", "two", Array(1..<Self.count))], file: "new")
        let d = try FootprintDiff(old: old, new: new, population: Self.blocks())
        #expect(fates(d) == ["S1": "shrunk S1", "S2": "grown S2"])
        #expect(d.successor == [1, 1] && d.predecessor == [0, 1])
    }

    @Test func movesCoverEveryBlockOnceAndSayWhy() throws {
        let d = try FootprintDiff(old: Self.old, new: Self.new, population: Self.blocks())
        #expect(d.moves.reduce(0) { $0 + $1.blocks } == Self.count)
        #expect(d.moves.reduce(0) { $0 + $1.population } == d.population.total)
        let rows = d.movesTable.rows.map { [$0[0], $0[2], $0[4], $0[5], $0[6]] }
        #expect(
            rows == [
                ["", "", "1", "160", "unchanged"], ["", "K", "2", "290", "outside before"], ["A", "A", "2", "30", "unchanged"],
                ["C", "C", "1", "30", "renamed"], ["D", "D2", "1", "40", "recoded"], ["E", "E", "2", "110", "unchanged"],
                ["F", "E", "1", "70", "moved"], ["F", "F", "1", "80", "unchanged"], ["G", "GH", "1", "90", "merged"],
                ["H", "GH", "1", "100", "merged"], ["I", "I1", "1", "110", "split"], ["I", "I2", "1", "120", "split"],
                ["J", "", "1", "130", "outside after"],
            ])
        #expect(d.total(.moved) == (1, 70))
        #expect(d.changedBlocksLayer.features.count == 10)  // C, D, F→E, G, H, I ×2, K ×2, J
    }

    @Test func lookupsAreReadExactlyAndMustCoverTheSameBlocks() throws {
        let blocks = try Self.blocks()
        let rows = (0..<Self.count).map { ["B\($0)", $0 < 8 ? "X" : "Y", $0 < 8 ? "Ex" : "Why", "S\($0 % 2)"] }
        let table = CSVTable(source: "lookup.csv", header: ["code", "area_code", "area_name", "sub_code"], rows: rows)
        let f = try Footprint(lookup: table, blocks: blocks.blocks, codeColumn: "area_code")
        #expect(f.codes == ["X", "Y"] && f.names == ["Ex", "Why"] && f.geography == "AREA")
        #expect(f.blocksPerArea == [8, 8])
        // Two code columns: which one is asked.
        #expect(throws: PlacemapError.self) { try Footprint(lookup: table, blocks: blocks.blocks) }
        var missing = table
        missing.rows.removeLast()
        let error = try #require(throws: PlacemapError.self) {
            try Footprint(lookup: missing, blocks: blocks.blocks, codeColumn: "area_code")
        }
        #expect(error.exitCode == 65 && error.featureCode == "B15" && error.description.contains("lookup.csv"))
        var foreign = table
        foreign.rows.set("Z9", row: 3, column: 0)
        let other = try #require(throws: PlacemapError.self) {
            try Footprint(lookup: foreign, blocks: blocks.blocks, codeColumn: "area_code")
        }
        #expect(other.exitCode == 65 && other.line == 5 && other.featureCode == "Z9")
        var twice = table
        twice.rows.set("B0", row: 3, column: 0)
        let again = try #require(throws: PlacemapError.self) {
            try Footprint(lookup: twice, blocks: blocks.blocks, codeColumn: "area_code")
        }
        #expect(again.exitCode == 65 && again.line == 5 && again.message.contains("first on line 2"))
    }

    @Test func polygonsGoByLargestShare() throws {
        let blocks = try Self.blocks()
        // WEST holds x 0–84 (B8 is 40 % in it), EAST x 84–200.
        let areas = try AnalysisLayer(
            Layers.make([("WEST", Layers.rect(0, 0, 84, 10)), ("EAST", Layers.rect(84, 0, 200, 10))], name: "areas"), fields: Layers.fields)
        let f = try Footprint(layer: areas, blocks: blocks.blocks)
        #expect(f.areaOfBlock == (0..<Self.count).map { $0 < 8 ? 0 : $0 < 16 ? 1 : nil })
    }

    /// Places P1 = B0–B2, P2 = B3–B5; systems S1 = B0–B1, S2 = B2–B3, S3 = B4–B5.
    /// Merging S1 and S2 makes P1 coterminous; P2 stays split between S12 and S3.
    @Test func aMergerScenarioWithAKnownAnswer() throws {
        let blocks = try Self.blocks()
        let all = (6..<Self.count).map { $0 }
        let current = Self.footprint([("S1", "one", [0, 1]), ("S2", "two", [2, 3]), ("S3", "three", [4, 5] + all)], file: "current")
        let merge = CSVTable(
            source: "merge.csv", header: ["code", "proposed_code", "proposed_name"],
            rows: [["S1", "S12", "one and two"], ["S2", "S12", "one and two"], ["S3", "S3", "three"]])
        let proposed = try current.merging(merge)
        #expect(proposed.codes == ["S12", "S3"])
        let d = try FootprintDiff(old: current, new: proposed, population: blocks)
        #expect(fates(d) == ["S1": "merged into S12", "S2": "merged into S12", "S3": "unchanged S3"])
        #expect(d.fates[0].newPopulation == 10 + 20 + 30 + 40)
        let places = Self.footprint([("P1", "p1", [0, 1, 2]), ("P2", "p2", [3, 4, 5] + all)], file: "places")
        let c = try FootprintCoterminosity(places: places, diff: d)
        #expect(c.rows.map { "\($0.before.status.rawValue)→\($0.after.status.rawValue)" } == ["split→coterminous", "split→split"])
        #expect(c.rows[1].after.systems.map(\.population) == [d.population.total - 60 - 40, 40])
        #expect(c.newSystems.map(\.madeOfWholePlaces) == [false, false])

        // Then B3 moves to S3: P2 becomes coterminous too, and S12 is made of whole places.
        let reassign = CSVTable(source: "moves.csv", header: ["block", "system"], rows: [["B3", "S3"]])
        let moved = try proposed.reassigning(reassign, blocks: blocks.blocks)
        let c2 = try FootprintCoterminosity(places: places, diff: FootprintDiff(old: current, new: moved, population: blocks))
        #expect(c2.rows.map(\.after.status) == [.coterminous, .coterminous])
        #expect(c2.newSystems.map(\.madeOfWholePlaces) == [true, true])
    }

    @Test func badScenarioFilesNameTheRowAndCode() throws {
        let blocks = try Self.blocks()
        let current = Self.footprint([("S1", "one", Array(0..<8)), ("S2", "two", Array(8..<16))], file: "current.csv")
        func mergeError(_ rows: [[String]]) throws -> PlacemapError {
            try #require(throws: PlacemapError.self) {
                try current.merging(CSVTable(source: "merge.csv", header: ["code", "to", "name"], rows: rows))
            }
        }
        let unknown = try mergeError([["S1", "M", "m"], ["S9", "M", "m"]])
        #expect(unknown.exitCode == 65 && unknown.line == 3 && unknown.featureCode == "S9" && unknown.file == "merge.csv")
        let duplicate = try mergeError([["S1", "M", "m"], ["S2", "M", "m"], ["S1", "M", "m"]])
        #expect(duplicate.line == 4 && duplicate.featureCode == "S1" && duplicate.message.contains("first on line 2"))
        let unassigned = try mergeError([["S1", "M", "m"]])
        #expect(unassigned.featureCode == "S2" && unassigned.message.contains("has no row"))
        let twoNames = try mergeError([["S1", "M", "m"], ["S2", "M", "other"]])
        #expect(twoNames.line == 3 && twoNames.featureCode == "M")
        let reassign = { (rows: [[String]]) in
            try #require(throws: PlacemapError.self) {
                try current.reassigning(CSVTable(source: "r.csv", header: ["block", "system"], rows: rows), blocks: blocks.blocks)
            }
        }
        let noBlock = try reassign([["B1", "S2"], ["Q7", "S2"]])
        #expect(noBlock.line == 3 && noBlock.featureCode == "Q7")
        let noSystem = try reassign([["B1", "S7"]])
        #expect(noSystem.line == 2 && noSystem.featureCode == "S7")
    }
}
