import Foundation
import PlaceIO
import PlaceTestSupport
import Testing

/// `placemap scenario` end to end on hand-made files: the figures of summary.json, the files written,
/// and every kind of bad scenario file (exit 65 naming the file, line and code; nothing written).
@Suite struct ScenarioCLITests {
    /// `diff`'s four blocks in a row (EPSG:27700, 100 m squares, population 10, 20, 30, 40; places P1 {B1},
    /// P2 {B2, B3}, P3 {B4}), with systems S1 {B1, B2}, S2 {B3, B4} and the upper tier U1 {P1, P2}, U2 {P3}.
    static func fixture() -> URL {
        let folder = DiffCLITests.fixture()
        _ = Paths.write("blk_code,sys_code,sys_name\nB1,S1,One\nB2,S1,One\nB3,S2,Two\nB4,S2,Two\n", as: "systems.csv", in: folder)
        _ = Paths.write(
            "place_code,upper_code,upper_name\nP1,U1,Upper one\nP2,U1,Upper one\nP3,U2,Upper two\n", as: "upper.csv", in: folder)
        return folder
    }

    func scenario(_ folder: URL, _ csv: String, _ extra: String...) throws -> RunResult {
        _ = Paths.write(csv, as: "scenario.csv", in: folder)
        return try run(
            Paths.placemap,
            [
                "scenario", "scenario.csv", "--blocks", "blocks.geojson", "--population", "people.csv", "--places-lookup", "places.csv",
                "--places-by", "place_code", "--systems-lookup", "systems.csv", "--systems-by", "sys_code", "--upper-lookup", "upper.csv",
            ] + extra, in: folder)
    }

    /// `coterminosity --scenario FILE` on the fixture's lookups.
    func coterminosity(_ folder: URL, scenario: String, out: String) throws -> RunResult {
        try run(
            Paths.placemap,
            [
                "coterminosity", "--places-lookup", "places.csv", "--places-by", "place_code", "--systems-lookup", "systems.csv",
                "--systems-by", "sys_code", "--scenario", scenario, "--blocks", "blocks.geojson", "--population", "people.csv",
                "--out", out,
            ], in: folder)
    }

    func summary(_ folder: URL, _ out: String = "scenario") throws -> [String: Any] {
        let data = try Data(contentsOf: folder.appendingPathComponent(out + "/summary.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func aBlockMovedMakesTheSplitPlaceWhole() throws {
        let folder = Self.fixture()
        let result = try scenario(folder, "change,code,to_code,to_name\nmove-block,B3,S1,\n")
        #expect(result.status == 0, "\(result.stderr)")
        let o = try summary(folder)
        #expect(o["split_places"] as? Int == 0)
        #expect(o["split_places_before"] as? Int == 1)
        #expect(o["systems"] as? Int == 2)
        #expect(o["systems_under_1m"] as? Int == 2)
        #expect(o["systems_not_one_piece"] as? Int == 0)
        #expect(o["people_in_split_places_before"] as? Int == 50)
        let upper = try #require(o["upper_tier"] as? [String: Any])
        #expect(upper["split_places_before"] as? Int == 1)
        #expect(upper["split_places"] as? Int == 0)
        let s1 = try #require((o["by_system"] as? [[String: Any]])?.first)
        #expect(s1["code"] as? String == "S1")
        #expect(s1["population"] as? Int == 60)
        #expect(s1["whole_places"] as? Bool == true)
        #expect(s1["one_piece"] as? Bool == true)
        #expect(result.stdout.contains("districts (PLACE) split between systems: 1 of 3 → 0 of 3; people in them: 50 → 0"))
        for name in [
            "summary.txt", "scenario.csv", "systems.csv", "overrides.csv", "lower-tier/places.csv", "lower-tier/pairs.csv",
            "upper-tier/places.csv", "upper-tier/pairs.csv", "lower-tier/border.csv", "upper-tier/border.csv", "diff/moves.csv",
            "diff/areas.csv", "diff/places.csv", "contiguity/groups.csv",
            "contiguity/contiguity.json",
            "placemap-run.json",
        ] {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("scenario/" + name).path), "\(name)")
        }
        let pairs = try String(contentsOf: folder.appendingPathComponent("scenario/lower-tier/pairs.csv"), encoding: .utf8)
        #expect(pairs.contains("P2,Place two,S1,One,50,1,0.833333333\r\n"))
        // Without --overwrite the folder is not replaced.
        let again = try scenario(folder, "change,code,to_code,to_name\nmove-block,B3,S1,\n")
        #expect(again.status != 0)
        #expect(again.stderr.contains("--overwrite"))
    }

    @Test func aSystemInTwoPiecesAndAnOverride() throws {
        let folder = Self.fixture()
        let result = try scenario(
            folder, "change,code,to_code,to_name\nmove-place,P3,S3,Three\nmove-block,B4,S1,\nmerge-place,P1,P9,Unitary\n", "--out", "o")
        #expect(result.status == 0, "\(result.stderr)")
        let o = try summary(folder, "o")
        #expect(o["systems"] as? Int == 2)
        #expect(o["systems_not_one_piece"] as? Int == 1)
        #expect(o["split_places"] as? Int == 1)
        #expect(result.stdout.contains("line 3 overrides line 2 for 1 block (B4)"))
        let first = try #require((o["overrides"] as? [[String: Any]])?.first)
        #expect(first["line"] as? Int == 2)
        #expect(first["overridden_by_line"] as? Int == 3)
        #expect(first["block_codes"] as? [String] == ["B4"])
        let places = try String(contentsOf: folder.appendingPathComponent("o/lower-tier/places.csv"), encoding: .utf8)
        #expect(places.contains("P9,Unitary,coterminous,S1,One,1,1,10,coterminous"))
    }

    /// The tiers' border.csv: each split place's blocks off its main system, with the depth they reach,
    /// as `coterminosity --scenario` writes it for the same file (there: areas dissolved from the blocks,
    /// then the overlay). P2 = B2 (S1, 20 people) + B3 (S2, 30): main S2, and B2 reaches 50 m into P2 (the
    /// middle of its east edge, 50 m from P2's north and south sides). U1 = B1 B2 B3: S1 30, S2 30, a tie
    /// going to S1, the first code; B3 reaches 50 m in.
    @Test func borderIsCoterminositys() throws {
        let folder = Self.fixture()
        let csv = "change,code,to_code,to_name\nmove-place,P3,S3,Three\nmove-block,B4,S1,\n"
        let result = try scenario(folder, csv, "--out", "o")
        #expect(result.status == 0, "\(result.stderr)")
        let lower = try String(contentsOf: folder.appendingPathComponent("o/lower-tier/border.csv"), encoding: .utf8)
        #expect(
            lower
                == "place_code,place_name,system_code,system_name,evidence,depth_m,tolerance_m,population,n_blocks,blocks,"
                + "probable_place_code,probable_place_name\r\nP2,Place two,S1,One,interior,50,0,20,1,B2,,\r\n", "\(lower)")
        let upper = try String(contentsOf: folder.appendingPathComponent("o/upper-tier/border.csv"), encoding: .utf8)
        #expect(upper.hasSuffix("\r\nU1,Upper one,S2,Two,interior,50,0,30,1,B3,,\r\n"), "\(upper)")
        let cot = try coterminosity(folder, scenario: "scenario.csv", out: "c")
        #expect(cot.status == 0, "\(cot.stderr)")
        let expected = try String(contentsOf: folder.appendingPathComponent("c/border.csv"), encoding: .utf8)
        #expect(lower == expected)
    }

    /// `diff --scenario` reads the same file: its merge-place rows name --places.
    @Test func diffReadsTheScenarioFile() throws {
        let folder = Self.fixture()
        _ = Paths.write("change,code,to_code,to_name\nmove-block,B3,S1,\nmerge-place,P3,P2,\n", as: "scenario.csv", in: folder)
        let result = try run(
            Paths.placemap,
            [
                "diff", "systems.csv", "--scenario", "scenario.csv", "--places", "places.csv", "--blocks", "blocks.geojson", "--population",
                "people.csv", "--out", "d",
            ], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let moves = try String(contentsOf: folder.appendingPathComponent("d/moves.csv"), encoding: .utf8)
        #expect(moves.contains("S2,Two,S1,One,1,30,moved\r\n"))
        let places = try String(contentsOf: folder.appendingPathComponent("d/places.csv"), encoding: .utf8)
        #expect(places.contains("P2,Place two,90,split,S2 70;S1 20,split,S1 50;S2 40,\r\n"))
    }

    /// `coterminosity --scenario` applies the file to both lookups before the analysis.
    @Test func coterminosityReadsTheScenarioFile() throws {
        let folder = Self.fixture()
        _ = Paths.write("change,code,to_code,to_name\nmove-block,B3,S1,\n", as: "scenario.csv", in: folder)
        let result = try coterminosity(folder, scenario: "scenario.csv", out: "c")
        #expect(result.status == 0, "\(result.stderr)")
        let places = try String(contentsOf: folder.appendingPathComponent("c/places.csv"), encoding: .utf8)
        #expect(places.contains("P2,Place two,coterminous,S1,One,1,1,50"), "\(places)")
        let bad = try coterminosity(folder, scenario: "people.csv", out: "c2")
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("people.csv:1"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("c2").path))
    }

    /// Each bad file: exit 65, the file, line and code named, and no output folder.
    @Test(arguments: [
        ("change,code,to_code,to_name\nmove-place,P7,S1,\n", "scenario.csv:2", "P7"),
        ("change,code,to_code,to_name\nmove-block,B1,S2,\nswap-system,S1,S2,\n", "scenario.csv:3", "swap-system"),
        ("change,code,to_code,to_name\nmove-block,B1,S2,\nmove-block,B1,S1,\n", "scenario.csv:3", "B1"),
        ("change,code,to_code,to_name\nmerge-system,S1,N1,New\nmerge-system,S2,N1,Other\n", "scenario.csv:3", "N1"),
        ("change,code,to_code\nmove-block,B1,S2\n", "scenario.csv:1", "to_name"),
        ("change,code,to_code,to_name\nmove-block,B1,S2,\nmove-place,,S2,\n", "scenario.csv:3", "code is empty"),
        ("change,code,to_code,to_name\nmove-block,B9,S2,\n", "scenario.csv:2", "B9"),
        ("change,code,to_code,to_name\nmerge-system,S1,S7,\n", "scenario.csv:2", "S7"),
        ("change,code,to_code,to_name\nmerge-place,P1,P2,\nmove-block,B2,S2,\nmerge-system,S9,S1,\n", "scenario.csv:4", "S9"),
    ])
    func badFile(csv: String, place: String, code: String) throws {
        let folder = Self.fixture()
        let result = try scenario(folder, csv)
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains(place), "\(result.stderr)")
        #expect(result.stderr.contains(code), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("scenario").path))
    }

    /// Four 100 m squares around one point (EPSG:27700): B1 (south-west) and B2 (north-east) meet only at
    /// the centre, and so do B3 (south-east) and B4 (north-west). Systems on the diagonals: S1 {B1, B2},
    /// S2 {B3, B4}; districts by rows: P1 {B1, B3}, P2 {B4, B2}, both in county U1. People 10, 20, 30, 40,
    /// aged 65 and over 1, 2, 3, 4.
    static func cornerFixture() -> URL {
        let folder = Paths.temporaryFolder()
        let cells = [("B1", 0.0, 0.0), ("B2", 1.0, 1.0), ("B3", 1.0, 0.0), ("B4", 0.0, 1.0)]
        let features = cells.map { code, c, r in
            Shapes.feature(
                "{\"blk_code\":\"\(code)\",\"blk_name\":\"block \(code)\"}",
                Shapes.polygonJSON([Shapes.square(400_000 + c * 100, 300_000 + r * 100, 100)]))
        }
        let crs = "\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::27700\"}},"
        _ = Paths.write(Shapes.collection(features, extra: crs), as: "blocks.geojson", in: folder)
        _ = Paths.write("blk_code,population\nB1,10\nB2,20\nB3,30\nB4,40\n", as: "people.csv", in: folder)
        _ = Paths.write("blk_code,population_aged_65_and_over\nB1,1\nB2,2\nB3,3\nB4,4\n", as: "ages.csv", in: folder)
        _ = Paths.write("blk_code,sys_code,sys_name\nB1,S1,One\nB2,S1,One\nB3,S2,Two\nB4,S2,Two\n", as: "systems.csv", in: folder)
        _ = Paths.write(
            "blk_code,place_code,place_name\nB1,P1,South\nB3,P1,South\nB2,P2,North\nB4,P2,North\n", as: "places.csv", in: folder)
        _ = Paths.write("place_code,upper_code,upper_name\nP1,U1,County\nP2,U1,County\n", as: "upper.csv", in: folder)
        return folder
    }

    /// One piece means joined through a shared edge (rook): squares meeting only at a corner are two
    /// pieces, before and after, in summary.json and contiguity/groups.csv (queen adjacency would say 0).
    @Test func squaresMeetingAtACornerAreTwoPieces() throws {
        let folder = Self.cornerFixture()
        let result = try scenario(folder, "change,code,to_code,to_name\n", "--attributes", "ages.csv")
        #expect(result.status == 0, "\(result.stderr)")
        let o = try summary(folder)
        #expect(o["systems_not_one_piece_before"] as? Int == 2)
        #expect(o["systems_not_one_piece"] as? Int == 2)
        let systems = try #require(o["by_system"] as? [[String: Any]])
        #expect(systems.map { $0["pieces"] as? Int } == [2, 2])
        let groups = try String(contentsOf: folder.appendingPathComponent("scenario/contiguity/groups.csv"), encoding: .utf8)
        #expect(groups.contains("S1,2,2,false,B2\r\n") && groups.contains("S2,2,2,false,B4\r\n"), "\(groups)")
        let json = try String(contentsOf: folder.appendingPathComponent("scenario/contiguity/contiguity.json"), encoding: .utf8)
        #expect(json.contains("members meeting only at a corner are separate pieces"))

        // South (B1, B3) moved to S1: S1 = B1 B3 B2 joined through B3's edges; S2 = B4 alone: both one piece.
        let moved = try scenario(folder, "change,code,to_code,to_name\nmove-place,P1,S1,\n", "--attributes", "ages.csv", "--out", "m")
        #expect(moved.status == 0, "\(moved.stderr)")
        let m = try summary(folder, "m")
        #expect(m["systems_not_one_piece"] as? Int == 0)
        #expect(m["systems_not_one_piece_before"] as? Int == 2)
    }
}
