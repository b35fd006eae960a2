import Foundation
import PlaceIO
import PlaceTestSupport
import Testing

/// `placemap catchments` on the bundled OHID file, checked against known facts and pandas.
@Suite struct CatchmentsCLITests {
    /// One run shared by the tests: its output folder, or nil when it failed.
    static let output: URL? = {
        let folder = Paths.temporaryFolder()
        guard let result = try? placemap("catchments", "--out", folder.path, "--min-share", "0.3"), result.status == 0 else { return nil }
        return folder
    }()

    func table(_ name: String) throws -> CSVTable {
        let folder = try #require(Self.output, "placemap catchments failed")
        return try CSVReader.read(path: folder.appendingPathComponent(name).path)
    }

    /// A number from a table cell; a test failure, not a crash, when it is not one.
    func num(_ text: Substring?) throws -> Double { try #require(text.flatMap { Double($0) }, "not a number: \(text ?? "nil")") }
    func num(_ text: String?) throws -> Double { try num(text.map { Substring($0) }) }

    func rows(_ t: CSVTable, _ column: String, _ value: String) throws -> [[String: String]] {
        let c = try t.column(column)
        return t.rows.filter { $0[c] == value }.map { Dictionary(uniqueKeysWithValues: zip(t.header, $0)) }
    }

    @Test func populationTotalsReconcile() throws {
        let trusts = try table("trusts.csv")
        #expect(
            trusts.header.prefix(5) == [
                "trust_code", "population_proportional", "population_first_past_the_post", "n_msoas_first", "area_m2",
            ])
        let proportional = try trusts.rows.reduce(0) { $0 + (try num($1[1])) }
        let fptp = try trusts.rows.reduce(0) { $0 + (try num($1[2])) }
        let msoa = try table("msoa_population.csv")
        #expect(abs(try msoa.rows.reduce(0) { $0 + (try num($1[1])) } - 56_489_608) < 1e-3)
        #expect(abs(fptp - 56_489_608) < 1e-3)
        let json = try String(contentsOf: #require(Self.output).appendingPathComponent("catchments.json"), encoding: .utf8)
        let unattributed = try #require(json.firstMatch(of: /"population_unattributed": ([0-9.e+-]+)/).flatMap { Double($0.1) })
        #expect(abs(proportional + unattributed - 56_489_608) < 1)
    }

    @Test func midYorkshireDrawsMostlyFromWakefieldAndKirklees() throws {
        let places = try rows(table("trust_places.csv"), "trust_code", "RXF")
        let share = try places.filter { ["E08000036", "E08000034"].contains($0["place_code"]) }.reduce(0) {
            $0 + (try num($1["share_of_trust"]))
        }
        #expect(share > 0.8)
        let top = try places.max { (try num($0["share_of_trust"])) < (try num($1["share_of_trust"])) }
        #expect(top?["place_name"] == "Wakefield")
    }

    @Test func kirkleesIsServedByMidYorkshireAndCalderdaleAndHuddersfield() throws {
        let kirklees = try rows(table("trust_places.csv"), "place_code", "E08000034")
        let top = try kirklees.sorted { (try num($0["share_of_place"])) > (try num($1["share_of_place"])) }.prefix(2).map {
            $0["trust_code"] ?? ""
        }
        #expect(Set(top) == ["RXF", "RWY"])
    }

    @Test func doncasterAndBassetlawSpansTwoICBs() throws {
        let rp5 = try #require(try rows(table("trusts.csv"), "trust_code", "RP5").first)
        #expect(rp5["spans_systems"] == "true")
        let systems = try rows(table("trust_systems.csv"), "trust_code", "RP5").filter { (try num($0["share_of_trust"])) >= 0.05 }.map {
            $0["system_code"] ?? ""
        }
        #expect(Set(systems) == ["E54000061", "E54000060"])  // South Yorkshire; Nottingham and Nottinghamshire
        let bassetlaw = try #require(try rows(table("places_served.csv"), "place_code", "E07000171").first)
        #expect(bassetlaw["main_trust_code"] == "RP5" && bassetlaw["served_from_other_system"] == "true")
    }

    @Test func catchmentLayersAreWritten() throws {
        let folder = try #require(Self.output)
        let first = try GeoJSONReader.read(path: folder.appendingPathComponent("catchments.geojson").path)
        // Specialist trusts are first in no MSOA, so have no first-past-the-post polygon.
        let withFirst = try table("trusts.csv").rows.filter { $0[3] != "0" }.count
        #expect(withFirst == 122 && first.features.count == withFirst)
        #expect(first.features[0].properties["method"] == .string("first past the post"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("catchments_min_share.geojson").path))
        let gpkg = try LayerReader.read(path: folder.appendingPathComponent("catchments.gpkg").path)
        #expect(gpkg.features.count == withFirst && gpkg.crs == .britishNationalGrid)
    }

    @Test(.enabled(if: Oracle.shouldRun, "needs the Python oracle venv (scripts/oracle-venv: pandas)"))
    func agreesWithPandas() throws {
        let oracle = try Oracle.output(of: "catchments.py", [Paths.geodata("")]).split(separator: "\n").map { $0.split(separator: ",") }
        let trusts = try table("trusts.csv")
        #expect(trusts.rows.count == oracle.count)
        for (mine, theirs) in zip(trusts.rows, oracle) {
            #expect(mine[0] == String(theirs[0]))
            #expect(abs((try num(mine[1])) - (try num(theirs[1]))) < 0.01, "\(mine[0]) proportional")
            #expect(abs((try num(mine[2])) - (try num(theirs[2]))) < 0.01, "\(mine[0]) first past the post")
        }
    }
}
