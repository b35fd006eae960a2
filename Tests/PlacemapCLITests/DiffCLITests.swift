import Foundation
import PlaceIO
import PlaceTestSupport
import Testing

/// `placemap diff` end to end: the bundled vintages, a scenario on hand-made files, and bad input.
@Suite struct DiffCLITests {
    /// Four blocks in a row (EPSG:27700), population 10, 20, 30, 40; OLD puts B1–B2 in S1 and B3–B4 in S2.
    static func fixture() -> URL {
        let folder = Paths.temporaryFolder()
        let features = (1...4).map { k in
            Shapes.feature(
                "{\"blk_code\":\"B\(k)\",\"blk_name\":\"block \(k)\"}",
                Shapes.polygonJSON([Shapes.square(400_000 + Double(k) * 100, 300_000, 100)]))
        }
        let crs = "\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::27700\"}},"
        _ = Paths.write(Shapes.collection(features, extra: crs), as: "blocks.geojson", in: folder)
        _ = Paths.write("blk_code,population\nB1,10\nB2,20\nB3,30\nB4,40\n", as: "people.csv", in: folder)
        _ = Paths.write("blk_code,sys_code,sys_name\nB1,S1,One\nB2,S1,One\nB3,S2,Two\nB4,S2,Two\n", as: "old.csv", in: folder)
        _ = Paths.write("blk_code,sys_code,sys_name\nB1,S1,One\nB2,S2,Two\nB3,S2,Two\nB4,S2,Two\n", as: "new.csv", in: folder)
        _ = Paths.write(
            "blk_code,place_code,place_name\nB1,P1,Place one\nB2,P2,Place two\nB3,P2,Place two\nB4,P3,Place three\n", as: "places.csv",
            in: folder)
        return folder
    }

    func diff(_ folder: URL, _ arguments: String...) throws -> RunResult {
        try run(Paths.placemap, ["diff"] + arguments + ["--blocks", "blocks.geojson", "--population", "people.csv"], in: folder)
    }

    func read(_ folder: URL, _ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    /// One row of NEW naming S2 differently ("Two (typo)") before two rows naming it "Two": S2 keeps
    /// the name most rows give, is not reported `renamed`, and the run says which row disagrees.
    @Test func oneRowNamingACodeDifferentlyIsNotARename() throws {
        let folder = Self.fixture()
        _ = Paths.write(
            "blk_code,sys_code,sys_name\nB1,S1,One\nB2,S2,Two (typo)\nB3,S2,Two\nB4,S2,Two\n", as: "typo.csv", in: folder)
        let result = try diff(folder, "old.csv", "typo.csv", "--out", "out")
        #expect(result.status == 0, "\(result.stderr)")
        let areas = try read(folder, "out/areas.csv")
        #expect(!areas.contains("renamed") && !areas.contains("typo"))
        #expect(areas.contains("S2,Two,grown,S2,Two,"))
        #expect(result.stderr.contains("typo.csv:3: S2 is named \"Two (typo)\" in 1 row"))
    }

    @Test func aBoundaryMoveOnHandMadeFiles() throws {
        let folder = Self.fixture()
        let result = try diff(folder, "old.csv", "new.csv", "--places", "places.csv", "--out", "out")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            try read(folder, "out/moves.csv")
                == "old_code,old_name,new_code,new_name,blocks,population,change\r\nS1,One,S1,One,1,10,unchanged\r\n"
                + "S1,One,S2,Two,1,20,moved\r\nS2,Two,S2,Two,2,70,unchanged\r\n")
        let areas = try read(folder, "out/areas.csv")
        #expect(areas.contains("S1,One,shrunk,S1,One,2,1,30,10,10,0,20\r\n"))
        #expect(areas.contains("S2,Two,grown,S2,Two,2,3,70,90,70,20,0\r\n"))
        #expect(try read(folder, "out/places.csv").contains("P2,Place two,50,split,S2 30;S1 20,coterminous,S2 50,split → coterminous\r\n"))
        #expect(result.stdout.contains("people in blocks that moved to another area: 20 (20.00%) in 1 block"))
        #expect(result.stdout.contains("Place two (P2): split → coterminous"))
        for name in ["changed_blocks.geojson", "changed_blocks.gpkg", "diff.json", "systems.csv", "placemap-run.json"] {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/\(name)").path), "\(name)")
        }
        let layer = try GeoJSONReader.read(path: folder.appendingPathComponent("out/changed_blocks.geojson").path)
        #expect(layer.features.map { $0.properties["block_code"]?.text } == ["B2"])
    }

    /// Residents by age on the same move: B2's 15 under 65 and 5 aged 65 and over go with it.
    @Test func ageBandsGoWithTheBlocks() throws {
        let folder = Self.fixture()
        _ = Paths.write(
            "blk_code,population_aged_under_65,population_aged_65_and_over\nB1,6,4\nB2,15,5\nB3,20,10\nB4,30,10\n", as: "ages.csv",
            in: folder)
        let result = try diff(folder, "old.csv", "new.csv", "--places", "places.csv", "--attributes", "ages.csv", "--out", "out")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            try read(folder, "out/moves.csv")
                == "old_code,old_name,new_code,new_name,blocks,population,change,population_aged_under_65,population_aged_65_and_over\r\n"
                + "S1,One,S1,One,1,10,unchanged,6,4\r\nS1,One,S2,Two,1,20,moved,15,5\r\nS2,Two,S2,Two,2,70,unchanged,50,20\r\n")
        let areas = try CSVReader.read(path: folder.appendingPathComponent("out/areas.csv").path)
        let s1 = try #require(areas.rows.first { $0[0] == "S1" })
        let columns = try ["kept", "gained", "lost"].map { try areas.column("population_aged_65_and_over_" + $0) }
        #expect(columns.map { s1[$0] } == ["4", "0", "5"])
        // P2 (B2, B3) was split 5 | 10 aged 65 and over, and is whole in S2 after.
        let places = try CSVReader.read(path: folder.appendingPathComponent("out/places.csv").path)
        let p2 = try #require(places.rows.first { $0[0] == "P2" })
        #expect(p2[try places.column("population_aged_65_and_over_systems_before")] == "S2 10;S1 5")
        #expect(p2[try places.column("population_aged_65_and_over_systems_after")] == "S2 15")
        #expect(result.stdout.contains("    population_aged_65_and_over: 5 (17.24% of 29)"))
        #expect(result.stdout.contains("    population_aged_65_and_over: 29 = 29 + 0 = 29 + 0"))
        let provenance = try String(contentsOf: folder.appendingPathComponent("out/diff.json"), encoding: .utf8)
        #expect(provenance.contains("\"table\": \"ages.csv\"") || provenance.contains("\"table\":\"ages.csv\""))

        // A block missing from the table would count as nobody: exit 65 naming the table and its code column.
        _ = Paths.write("blk_code,population_aged_65_and_over\nB1,4\nB2,5\nB3,10\n", as: "short.csv", in: folder)
        let bad = try diff(folder, "old.csv", "new.csv", "--attributes", "short.csv", "--out", "bad")
        #expect(bad.status == 65, "\(bad.stderr)")
        // A gap of the attributes: named with the block and its people (--allow-gaps would go on).
        #expect(bad.stderr.contains("short.csv") && bad.stderr.contains("B4") && bad.stderr.contains("--allow-gaps"), "\(bad.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("bad/moves.csv").path))
    }

    @Test func aMergerScenario() throws {
        let folder = Self.fixture()
        _ = Paths.write("sys_code,proposed_code,proposed_name\nS1,M1,Merged\nS2,M1,Merged\n", as: "merge.csv", in: folder)
        let result = try diff(folder, "old.csv", "--merge", "merge.csv", "--places", "places.csv", "--out", "out")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try read(folder, "out/areas.csv").contains("S1,One,merged into,M1,Merged,2,4,30,100,30,70,0\r\n"))
        #expect(result.stdout.contains("merged: One, Two → Merged (M1): 100 people"))
        #expect(result.stdout.contains("Place two (P2): split → coterminous"))
    }

    @Test(arguments: [
        ("new.csv", "blk_code,sys_code,sys_name\nB1,S1,One\nB2,S2,Two\nB3,S2,Two\n", "new.csv", "block B4 of blocks.geojson has no row"),
        ("new.csv", "blk_code,sys_code,sys_name\nB1,S1,One\nB2,S2,Two\nB3,S2,Two\nB4,S2,Two\nB9,S2,Two\n", "new.csv:6", "B9"),
        ("people.csv", "blk_code,population\nB1,10\nB2,20\nB3,30\n", "people.csv", "block B4 of blocks.geojson has no population row"),
        ("merge.csv", "sys_code,to,name\nS1,M,m\nS7,M,m\n", "merge.csv:3", "S7 is not a system of old.csv"),
        ("merge.csv", "sys_code,to,name\nS1,M,m\nS2,M,m\nS1,M,m\n", "merge.csv:4", "S1 appears again (first on line 2)"),
        ("merge.csv", "sys_code,to,name\nS1,M,m\n", "merge.csv", "system S2 (Two) of old.csv has no row"),
        ("reassign.csv", "block,system\nB1,S2\nB1,S1\n", "reassign.csv:3", "block B1 appears again"),
    ])
    func badInputIsExit65NamingFileRowAndCode(file: String, text: String, place: String, message: String) throws {
        let folder = Self.fixture()
        _ = Paths.write(text, as: file, in: folder)
        let scenario = ["merge.csv": ["--merge", "merge.csv"], "reassign.csv": ["--reassign", "reassign.csv"]][file] ?? ["new.csv"]
        let result = try run(
            Paths.placemap,
            ["diff", "old.csv"] + scenario + ["--blocks", "blocks.geojson", "--population", "people.csv", "--out", "out"], in: folder)
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains(place) && result.stderr.contains(message), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/moves.csv").path))
    }

    @Test func usageErrors() throws {
        let folder = Self.fixture()
        _ = Paths.write("sys_code,to,name\nS1,M,m\nS2,M,m\n", as: "merge.csv", in: folder)
        #expect(try diff(folder, "old.csv", "new.csv", "--merge", "merge.csv").status == 64)
        #expect(try diff(folder, "old.csv").status == 64)
        #expect(try run(Paths.placemap, ["diff", "old.csv", "new.csv"], in: folder).status == 64)
        let ambiguous = try diff(folder, "old.csv", "places.csv", "--out", "x")
        #expect(ambiguous.status == 0, "\(ambiguous.stderr)")
        _ = Paths.write("blk_code,a_code,b_code\nB1,S1,T\nB2,S1,T\nB3,S2,T\nB4,S2,T\n", as: "two.csv", in: folder)
        let two = try diff(folder, "old.csv", "two.csv", "--out", "y")
        #expect(two.status == 64 && two.stderr.contains("several area code columns: a_code, b_code"), "\(two.stderr)")
    }

    @Test func icb2022To2024OnTheBundledData() throws {
        let folder = Paths.temporaryFolder()
        let result = try placemap(
            "diff", Paths.geodata("lookup_lsoa21_icb22_lad22.csv"), Paths.geodata("built/icb24.geojson"), "--old-code", "icb22_code",
            "--blocks", Paths.geodata("lsoa21_england.geojson"), "--population", Paths.geodata("census21_population_lsoa21.csv"),
            "--places", Paths.geodata("lookup_lsoa21_lad24.csv"), "--out", folder.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("moved: Surrey Heartlands ICB (E54000052) → Sussex ICB (E54000064): 4 blocks, 6705 people"))
        #expect(result.stdout.contains("Chichester (E07000225): split → coterminous"))
        #expect(result.stdout.contains("coterminous 282 → 283, split 14 → 13"))
        let layer = try GeoJSONReader.read(path: folder.appendingPathComponent("changed_blocks.geojson").path)
        #expect(layer.features.filter { $0.properties["change"]?.text == "moved" }.count == 4)
    }
}
