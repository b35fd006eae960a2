import Foundation
import PlaceIO
import PlaceTestSupport
import Testing

/// Block attributes through the commands on the bundled England data, checked against the ONS lookups.
@Suite struct AttributeCLITests {
    static let bands = [
        "population_aged_15_and_under", "population_aged_16_to_24", "population_aged_25_to_34", "population_aged_35_to_49",
        "population_aged_50_to_64", "population_aged_65_and_over",
    ]

    func num(_ text: String) throws -> Double { try #require(Double(text), "not a number: \(text)") }

    /// Each age band of each LAD 2024 × ICB 2024 pair equals the sum over its LSOAs by the ONS lookups
    /// and the census table, exactly, and the bands add up to the pair's population.
    @Test func everyBandOfEveryLADAndICBPairMatchesTheLookups() throws {
        let folder = Paths.temporaryFolder()
        let result = try placemap(
            "coterminosity", "--places", Paths.geodata("built/lad24.geojson"), "--systems", Paths.geodata("built/icb24.geojson"),
            "--blocks", Paths.geodata("lsoa21_england.geojson"), "--population", Paths.geodata("census21_population_lsoa21.csv"),
            "--attributes", Paths.geodata("census21_age_lsoa21.csv"), "--out", folder.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("population_aged_65_and_over (largest-share): 10401213 in blocks, 0 outside every piece"))
        let ages = try CSVReader.read(path: Paths.geodata("census21_age_lsoa21.csv"))
        let lad = try CSVReader.read(path: Paths.geodata("lookup_lsoa21_lad24.csv"))
        let icb = try CSVReader.read(path: Paths.geodata("lookup_lsoa21_sicbl24_icb24.csv"))
        let ladColumn = try lad.column("ltla24_code")
        let ladOf = Dictionary(uniqueKeysWithValues: lad.rows.map { ($0[0], $0[ladColumn]) })
        let icbColumn = try icb.column("icb24_code")
        let icbOf = Dictionary(uniqueKeysWithValues: icb.rows.map { ($0[0], $0[icbColumn]) })
        let bandColumns = try Self.bands.map { try ages.column($0) }
        var expected: [String: [Double]] = [:]
        for row in ages.rows {
            let key = try #require(ladOf[row[0]]) + "|" + (try #require(icbOf[row[0]]))
            var sums = expected[key] ?? Array(repeating: 0, count: Self.bands.count)
            for (j, c) in bandColumns.enumerated() { sums[j] += try num(row[c]) }
            expected[key] = sums
        }
        let pairs = try CSVReader.read(path: folder.appendingPathComponent("pairs.csv").path)
        let (p, s, people) = (try pairs.column("place_code"), try pairs.column("system_code"), try pairs.column("population"))
        let got = try Self.bands.map { try pairs.column($0) }
        var seen = 0
        for row in pairs.rows {
            let values = try got.map { try num(row[$0]) }
            let key = row[p] + "|" + row[s]
            if values.allSatisfy({ $0 == 0 }) && expected[key] == nil { continue }
            #expect(values == expected[key], "\(key)")
            #expect(values.reduce(0, +) == (try num(row[people])), "\(key)")
            seen += 1
        }
        #expect(seen == expected.count)
        let systems = try CSVReader.read(path: folder.appendingPathComponent("systems.csv").path)
        #expect(systems.header.contains("population_aged_65_and_over_share_in_whole_places"))
        let json = try String(contentsOf: folder.appendingPathComponent("coterminosity.json"), encoding: .utf8)
        #expect(json.contains("\"kind_from\": \"inferred: a numeric column named like a count is counts\""))
    }

    /// A trust's catchment by age band adds up to its catchment, by both methods, after the move to MSOA 2011.
    @Test func aTrustsCatchmentByAgeBandAddsUpToItsCatchment() throws {
        let folder = Paths.temporaryFolder()
        let result = try placemap("catchments", "--attributes", Paths.geodata("census21_age_lsoa21.csv"), "--out", folder.path)
        #expect(result.status == 0, "\(result.stderr)")
        let trusts = try CSVReader.read(path: folder.appendingPathComponent("trusts.csv").path)
        #expect(trusts.rows.count == 138)
        for method in ["proportional", "first_past_the_post"] {
            let total = try trusts.column("population_" + method)
            let bands = try Self.bands.map { try trusts.column($0 + "_" + method) }
            for row in trusts.rows {
                let sum = try bands.reduce(0) { $0 + (try num(row[$1])) }
                #expect(abs(sum - (try num(row[total]))) < 0.01, "\(row[0]) \(method)")
            }
        }
        let msoa = try CSVReader.read(path: folder.appendingPathComponent("msoa_population.csv").path)
        let old = try msoa.column("population_aged_65_and_over")
        #expect(abs(try msoa.rows.reduce(0) { $0 + (try num($1[old])) } - 10_401_213) < 0.01)
    }

    @Test func classesAreSharesOfPeopleAndTheLookupCarriesThem() throws {
        let folder = Paths.temporaryFolder()
        let out = folder.appendingPathComponent("lookup.csv").path
        let result = try placemap(
            "lookup", Paths.geodata("built/lad24.geojson"), Paths.geodata("built/icb24.geojson"),
            "--blocks", Paths.geodata("lsoa21_england.geojson"), "--population", Paths.geodata("census21_population_lsoa21.csv"),
            "--population-method", "largest-share", "--attributes", Paths.geodata("ruc21_lsoa21.csv"), "-o", out)
        #expect(result.status == 0, "\(result.stderr)")
        let table = try CSVReader.read(path: out)
        #expect(table.header.suffix(2) == ["share_rural", "share_urban"])
        let rural = try table.column("share_rural")
        let urban = try table.column("share_urban")
        for row in table.rows { #expect(abs((try num(row[rural])) + (try num(row[urban])) - 1) < 1e-8) }
        let london = try #require(table.rows.first { $0[0] == "E09000001" })
        #expect(london[rural] == "0")
    }

    @Test func badAttributeTablesAreExit65WithFileLineAndColumn() throws {
        let folder = Paths.temporaryFolder()
        let bad = Paths.write(
            "lsoa21_code,population_aged_65_and_over\nE01000001,370\nE01000002,-3\n", as: "bad.csv", in: folder)
        let result = try placemap(
            "overlap", Paths.geodata("built/lad24.geojson"), Paths.geodata("built/icb24.geojson"),
            "--blocks", Paths.geodata("lsoa21_england.geojson"), "--population", Paths.geodata("census21_population_lsoa21.csv"),
            "--attributes", bad, "-o", folder.appendingPathComponent("o.csv").path)
        #expect(result.status == 65)
        #expect(
            result.stderr.contains("bad.csv:3") && result.stderr.contains("population_aged_65_and_over") && result.stderr.contains("-3"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("o.csv").path))
        let usage = try placemap("overlap", "a.geojson", "b.geojson", "--attributes", bad)
        #expect(usage.status == 64)
    }

    /// The main job prints what the README lists, the age profile included.
    @Test func theMainJobPrintsTheREADMEListing() throws {
        let readme = try String(contentsOf: Paths.root.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "```\nPlacemap: England's councils"))
        let end = try #require(readme.range(of: "\n```", range: start.upperBound..<readme.endIndex))
        let listing = String(readme[readme.index(after: start.lowerBound)..<end.lowerBound].dropFirst(3))
        let result = try run(Paths.placemap, [], in: Paths.temporaryFolder())
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.trimmingCharacters(in: .newlines) == listing.trimmingCharacters(in: .newlines))
    }
}
