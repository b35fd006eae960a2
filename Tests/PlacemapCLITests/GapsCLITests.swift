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

    /// The OHID shares without the rows of three MSOAs: their people would go to no trust.
    @Test func patientSharesThatLeaveOutAreasWithPeopleAreBadDataOrReported() throws {
        let dropped = ["E02000001", "E02000002", "E02000003"]
        let text = try String(contentsOfFile: Paths.geodata("ohid_trust_msoa11_shares_2019.csv"), encoding: .utf8)
        let kept = text.split(separator: "\n").filter { line in !dropped.contains { line.hasPrefix($0 + ",") } }
        #expect(kept.count < text.split(separator: "\n").count)
        let folder = Paths.temporaryFolder()
        let shares = Paths.write(kept.joined(separator: "\n") + "\n", as: "shares_gapped.csv", in: folder)
        let refused = try placemap("catchments", "--shares", shares, "--out", folder.appendingPathComponent("refused").path)
        #expect(refused.status == 65, "\(refused.stderr)")
        #expect(refused.stderr.contains("shares_gapped.csv") && refused.stderr.contains("3 blocks with people"), "\(refused.stderr)")
        #expect(refused.stderr.contains("patient shares") && refused.stderr.contains("--allow-gaps"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("refused/trusts.csv").path))

        let out = folder.appendingPathComponent("allowed").path
        // Run from the repository: the bundled files it finds under the working folder are recorded
        // relative to it (geodata/…), not where this machine keeps them.
        let allowed = try placemap(["catchments", "--shares", shares, "--allow-gaps", "--out", out], in: Paths.root)
        #expect(allowed.status == 0, "\(allowed.stderr)")
        // The three MSOAs' people, from the run's own MSOA populations (converted from census 2021).
        let msoas = try CSVReader.read(path: out + "/msoa_population.csv")
        let people = msoas.rows.filter { dropped.contains($0[0]) }.reduce(0.0) { $0 + (Double($1[1]) ?? .nan) }
        #expect(people > 0)
        #expect(allowed.stdout.contains("gap (allowed): patient shares") && allowed.stdout.contains("3 blocks with people"))
        #expect(allowed.stdout.contains("(\(Int(people.rounded())) people;"), "\(allowed.stdout)")
        let json = try String(contentsOfFile: out + "/catchments.json", encoding: .utf8)
        #expect(json.contains("\"gaps\"") && json.contains("\"blocks\": 3") && dropped.allSatisfy { json.contains($0) })
        #expect(json.contains("\"geodata/msoa11_england.geojson\"") && json.contains("\"geodata/built/lad24.geojson\""), "\(json)")
        #expect(!json.contains(Paths.root.path + "/geodata"))
        // Their people are in no trust: the proportional total falls short of the whole by at least them.
        let trusts = try CSVReader.read(path: out + "/trusts.csv")
        let first = try trusts.column("population_first_past_the_post")
        let attributed = trusts.rows.reduce(0.0) { $0 + (Double($1[first]) ?? .nan) }
        let total = msoas.rows.reduce(0.0) { $0 + (Double($1[1]) ?? .nan) }
        #expect(abs(total - attributed - people) < 1, "first past the post leaves out exactly the gap's people")
    }

    /// An attributes table without a row for a block with people: refused, or with --allow-gaps said in
    /// the summary and recorded in the overlap's provenance.
    @Test func anAllowedAttributesGapIsInTheSummaryAndTheProvenance() throws {
        let l = NumberParsingCLITests.layers()
        let attributes = Paths.write("code,population_aged_65_and_over\nB1,10\nB2,20\nB3,30\n", as: "ages.csv", in: l.folder)
        func overlap(_ extra: [String]) throws -> (RunResult, String) {
            let out = l.folder.appendingPathComponent("pairs\(extra.count).csv").path
            let r = try placemap(
                [
                    "overlap", l.places, l.systems, "--a-code", "code", "--b-code", "code", "--blocks", l.blocks, "--blocks-code", "code",
                    "--population", l.population, "--attributes", attributes, "-o", out,
                ] + extra)
            return (r, out)
        }
        let (refused, refusedOut) = try overlap([])
        #expect(refused.status == 65 && refused.stderr.contains("ages.csv") && refused.stderr.contains("B4"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: refusedOut))
        let (allowed, out) = try overlap(["--allow-gaps"])
        #expect(allowed.status == 0, "\(allowed.stderr)")
        // overlap says its summary on stderr (its table may be standard output).
        #expect(
            allowed.stderr.contains("gap (allowed): attributes") && allowed.stderr.contains("(100 people; e.g. B4)"), "\(allowed.stderr)")
        let json = try String(contentsOfFile: out.replacingOccurrences(of: ".csv", with: ".json"), encoding: .utf8)
        #expect(json.contains("\"gaps\"") && json.contains("\"first_blocks\": [\"B4\"]") && json.contains("\"people\": 100"), "\(json)")
    }
}
