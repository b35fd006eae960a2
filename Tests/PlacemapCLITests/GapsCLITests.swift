import Foundation
import PlaceIO
import PlaceTestSupport
import Testing

/// Blocks with people that a lookup leaves out are an error, or, with --allow-gaps, reported and
/// never passed off as coterminous.
@Suite struct GapsCLITests {
    static let dropped = 936

    /// The ONS ICB 2024 lookup without its first 936 rows (Cheshire and Merseyside's first LSOAs,
    /// Halton among them), the dropped codes, and the census people in them.
    static func gappedLookup() throws -> (path: String, codes: [String], people: Int) {
        let lookup = try CSVReader.read(path: Paths.geodata("lookup_lsoa21_sicbl24_icb24.csv"))
        let codes = lookup.rows.prefix(dropped).map { $0[0] }
        let census = try CSVReader.read(path: Paths.geodata("census21_population_lsoa21.csv"))
        let people = Dictionary(uniqueKeysWithValues: census.rows.map { ($0[0], Int($0[2]) ?? 0) })
        let text = try String(contentsOfFile: Paths.geodata("lookup_lsoa21_sicbl24_icb24.csv"), encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        lines.removeSubrange(1...dropped)
        let path = Paths.write(lines.joined(separator: "\n"), as: "icb24_gapped.csv")
        return (path, codes, codes.reduce(0) { $0 + (people[$1] ?? 0) })
    }

    func run(_ lookup: String, _ extra: [String]) throws -> (RunResult, String) {
        let out = Paths.temporaryFolder().appendingPathComponent("gaps").path
        let r = try placemap(
            [
                "coterminosity", "--places-lookup", Paths.geodata("lookup_lsoa21_lad24.csv"), "--places-by", "ltla24_code",
                "--systems-lookup", lookup, "--systems-by", "icb24_code", "--blocks", Paths.geodata("lsoa21_england.geojson"),
                "--population", Paths.geodata("census21_population_lsoa21.csv"), "--out", out,
            ] + extra)
        return (r, out)
    }

    @Test func aLookupThatLeavesOutBlocksWithPeopleIsBadData() throws {
        let gapped = try Self.gappedLookup()
        let (r, out) = try run(gapped.path, [])
        #expect(r.status == 65, "\(r.stderr)")
        #expect(r.stderr.contains("icb24_gapped.csv") && r.stderr.contains("\(Self.dropped) blocks with people"))
        #expect(r.stderr.contains("(\(gapped.people) people)") && gapped.codes.contains { r.stderr.contains($0) })
        #expect(r.stderr.contains("--allow-gaps"))
        #expect(!FileManager.default.fileExists(atPath: out + "/places.csv"))
    }

    @Test func allowedGapsAreReportedAndNoAffectedPlaceIsCoterminous() throws {
        let gapped = try Self.gappedLookup()
        let (r, out) = try run(gapped.path, ["--allow-gaps"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("gap (allowed): systems lookup") && r.stdout.contains("\(Self.dropped) blocks with people"))
        #expect(r.stdout.contains("(\(gapped.people) people;"))
        let json = try String(contentsOfFile: out + "/coterminosity.json", encoding: .utf8)
        #expect(json.contains("\"gaps\"") && json.contains("\"blocks\": \(Self.dropped)") && json.contains("\"people\": \(gapped.people)"))
        // Every district holding a dropped LSOA (by the ONS district lookup) is outside or partly outside.
        let lad = try CSVReader.read(path: Paths.geodata("lookup_lsoa21_lad24.csv"))
        let ladOf = Dictionary(uniqueKeysWithValues: lad.rows.map { ($0[0], $0[1]) })
        let affected = Set(gapped.codes.compactMap { ladOf[$0] })
        #expect(!affected.isEmpty)
        let places = try CSVReader.read(path: out + "/places.csv")
        let status = try places.column("status")
        for row in places.rows where affected.contains(row[0]) {
            #expect(["outside", "partly outside"].contains(row[status]), "\(row[0]) is \(row[status])")
        }
        #expect(places.rows.contains { affected.contains($0[0]) && $0[status] == "partly outside" })
    }

    /// "Codes match no block" is a warning about the answer: --quiet does not hide it.
    @Test func quietKeepsTheJoinWarnings() throws {
        let l = NumberParsingCLITests.layers()
        let population = Paths.write("code,population\nB1,100\nB2,100\nB3,100\nB4,100\nB9,5\n", as: "extra.csv", in: l.folder)
        let r = try placemap(
            "coterminosity", "--places", l.places, "--systems", l.systems, "--places-code", "code", "--systems-code", "code",
            "--blocks", l.blocks, "--blocks-code", "code", "--population", population, "--quiet", "--out",
            l.folder.appendingPathComponent("q").path)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("extra.csv: 1 codes match no block (e.g. B9)"))
    }
}
