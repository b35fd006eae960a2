import Foundation
import PlaceIO
import PlaceTestSupport
import Testing

/// Area mode (no blocks) weighs its pieces by how deep they reach, as block mode does its blocks.
@Suite struct AreaEvidenceCLITests {
    /// The districts split between ICBs by the ONS lookups (LSOA 2021 → LAD 2024, → ICB 2024), read here
    /// from the lookups alone.
    static func splitsByTheLookups() throws -> Set<String> {
        let lad = try CSVReader.read(path: Paths.geodata("lookup_lsoa21_lad24.csv"))
        let icb = try CSVReader.read(path: Paths.geodata("lookup_lsoa21_sicbl24_icb24.csv"))
        let (ladCode, icbCode) = (try lad.column("ltla24_code"), try icb.column("icb24_code"))
        let icbOf = Dictionary(uniqueKeysWithValues: icb.rows.map { ($0[0], $0[icbCode]) })
        var systems: [String: Set<String>] = [:]
        for row in lad.rows { if let s = icbOf[row[0]] { systems[row[ladCode], default: []].insert(s) } }
        return Set(systems.filter { $0.value.count > 1 }.keys)
    }

    /// ONS's 500 m districts against ICBs built from LSOAs, by area: the splits the lookups imply
    /// (Cherwell's one LSOA across the line, 1.2 % of it, is within the misregistration, as in block
    /// mode), nothing partly outside, the slivers and shallow pieces reported as border uncertainty.
    @Test func ons500mDistrictsAgainstICBsFromLSOAsGiveTheLookupsSplits() throws {
        let truth = try Self.splitsByTheLookups()
        #expect(truth.count == 13)
        let out = Paths.temporaryFolder().appendingPathComponent("area").path
        let r = try placemap(
            "coterminosity", "--places", Paths.geodata("lad24_england.geojson"), "--systems", Paths.geodata("built/icb24.geojson"),
            "--out", out)
        #expect(r.status == 0, "\(r.stderr)")
        let places = try CSVReader.read(path: out + "/places.csv")
        let (code, status) = (try places.column("place_code"), try places.column("status"))
        let split = Set(places.rows.filter { $0[status] == "split" }.map { $0[code] })
        #expect(split.isSubset(of: truth))
        #expect(truth.subtracting(split).isSubset(of: ["E07000177"]), "missed: \(truth.subtracting(split).sorted())")
        #expect(places.rows.count { $0[status] == "partly outside" } == 0)
        #expect(places.rows.count { $0[status] == "undecidable" } == 0)
        // The measured tolerance lies between the artefacts of 500 m generalisation and the shallowest real split.
        let json = try String(contentsOfFile: out + "/coterminosity.json", encoding: .utf8)
        let tolerance = try #require(json.firstMatch(of: /"area_evidence": \{[^}]*"tolerance_m": ([0-9.]+)/).flatMap { Double($0.1) })
        #expect(tolerance > 500 && tolerance < 3_000)
        let border = try CSVReader.read(path: out + "/border.csv")
        let (system, evidence, depth) = (try border.column("system_code"), try border.column("evidence"), try border.column("depth_m"))
        #expect(border.rows.contains { $0[evidence] == "border" })
        // Pieces in another system against the tolerance (parts outside every system have one of their own).
        for row in border.rows where !row[system].isEmpty {
            #expect((row[evidence] == "interior") == ((Double(row[depth]) ?? 0) > tolerance))
        }
        // The summary says what area cannot do and how to weigh people.
        #expect(r.stdout.contains("border uncertainty (not splits)"))
        #expect(r.stdout.contains("cannot weigh people") && r.stdout.contains("--blocks"))
        #expect(json.contains("\"notes\"") && json.contains("cannot weigh people"))
    }

    /// geographr's coarse ICB 2022 polygons by area: misregistered by kilometres, most candidate splits
    /// are undecidable rather than split, and the run warns.
    @Test func aCoarseLayerByAreaIsUndecidableNotSplit() throws {
        let out = Paths.temporaryFolder().appendingPathComponent("coarse").path
        let r = try placemap(
            "coterminosity", "--places", Paths.geodata("lad24_england.geojson"), "--systems", Paths.geodata("icb22_england.geojson"),
            "--out", out)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("places are undecidable"))
        let places = try CSVReader.read(path: out + "/places.csv")
        let status = try places.column("status")
        #expect(places.rows.count { $0[status] == "undecidable" } > 100)
        #expect(places.rows.count { $0[status] == "split" } <= 13)
    }

    /// A given tolerance replaces the measured one.
    @Test func aGivenToleranceIsUsedByArea() throws {
        let out = Paths.temporaryFolder().appendingPathComponent("given").path
        let r = try placemap(
            "coterminosity", "--places", Paths.geodata("lad24_england.geojson"), "--systems", Paths.geodata("built/icb24.geojson"),
            "--tolerance", "4000", "--out", out)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("tolerance: 4000 m (given)"))
        let border = try CSVReader.read(path: out + "/border.csv")
        let (evidence, depth) = (try border.column("evidence"), try border.column("depth_m"))
        for row in border.rows { #expect((row[evidence] == "interior") == ((Double(row[depth]) ?? 0) > 4000)) }
    }
}
