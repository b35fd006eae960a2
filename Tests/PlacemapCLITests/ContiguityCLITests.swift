import Foundation
import PlaceIO
import PlaceTestSupport
import Testing

/// End-to-end runs of `placemap contiguity` on the bundled LAD 2024 layer.
@Suite struct ContiguityCLITests {
    let lad = Paths.geodata("lad24_england.geojson")

    @Test func lad2024GraphWithUpperTierGroups() throws {
        let out = Paths.temporaryFolder().appendingPathComponent("new/folder").path
        let result = try placemap(
            "contiguity", lad, "--out", out, "--lookup", Paths.geodata("lookup_lad23_utla23.csv"),
            "--by", "utla23_code", "--lookup-code", "ltla23_code")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("edges:      771 rook, 0 queen; 0 overlapping pairs"))
        #expect(result.stdout.contains("components: 3 (rook and queen), 3 (rook only)"))
        #expect(result.stdout.contains("islands:    2\n    E06000046 Isle of Wight\n    E06000053 Isles of Scilly\n"))
        #expect(result.stdout.contains("groups:     153 by utla23_code"))
        let edges = try CSVReader.read(path: out + "/edges.csv")
        #expect(edges.header == ["a_code", "b_code", "kind", "shared_boundary_m"] && edges.rows.count == 771)
        #expect(edges.rows.allSatisfy { $0[0] < $0[1] && $0[2] == "rook" && (Double($0[3]) ?? 0) > 0 })
        let components = try CSVReader.read(path: out + "/components.csv")
        #expect(components.rows.first { $0[0] == "E06000053" } == ["E06000053", "Isles of Scilly", "3", "1"])
        let groups = try CSVReader.read(path: out + "/groups.csv")
        #expect(groups.header == ["group", "n_members", "n_pieces", "connected", "exclaves"] && groups.rows.count == 153)
        let sidecar = try String(contentsOfFile: out + "/contiguity.json", encoding: .utf8)
        #expect(sidecar.contains("\"tolerance_m\": 0") && sidecar.contains("\"island_codes\": [\"E06000046\", \"E06000053\"]"))
    }

    @Test func unjoinedRowsAndFeaturesAreReported() throws {
        let folder = Paths.temporaryFolder()
        let lookup = Paths.write("ltla24_code,pair\nE06000001,X\nE06000004,X\nE99999999,Y\n", as: "l.csv", in: folder)
        let result = try placemap("contiguity", lad, "--out", folder.path, "--lookup", lookup, "--by", "pair")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("groups:     1 by pair"))
        #expect(result.stdout.contains("not joined: 294 features have no group: E06000002 Middlesbrough, "))
        #expect(result.stdout.contains("not joined: 1 lookup codes match no feature: E99999999"))
        let groups = try CSVReader.read(path: folder.path + "/groups.csv")
        #expect(groups.rows == [["X", "2", "1", "true", ""]])
    }

    @Test func missingGroupFieldIsAUsageError() throws {
        let out = Paths.temporaryFolder().path
        let result = try placemap("contiguity", lad, "--out", out, "--by", "utla23_code")
        #expect(result.status == 64)
        #expect(result.stderr.contains("field \"utla23_code\": no feature has this property"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).isEmpty)
    }

    @Test func badOptionsAndFilesGiveSysexitsCodes() throws {
        let out = Paths.temporaryFolder().path
        #expect(try placemap("contiguity", lad, "--out", out, "--tolerance", "-1").status == 64)
        #expect(try placemap("contiguity", lad, "--out", out, "--lookup", "x.csv").status == 64)
        #expect(try placemap("contiguity", "/nonexistent.geojson", "--out", out).status == 74)
        let lookup = Paths.geodata("lookup_lad23_utla23.csv")
        let noKey = try placemap("contiguity", lad, "--out", out, "--lookup", lookup, "--by", "utla23_code")
        #expect(noKey.status == 64 && noKey.stderr.contains("--lookup-code"))
    }
}
