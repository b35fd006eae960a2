import Foundation
import PlaceIO
import PlaceTestSupport
import Testing

/// The built binary on bad input (issue 13) and the `coterminosity` command end to end on a slice of
/// the bundled data (Yorkshire: 11 LAD24 places, 2 ICB24 systems).
@Suite struct HardeningCLITests {
    static let fixtures = Paths.root.appendingPathComponent("Tests/Fixtures")
    static let places = fixtures.appendingPathComponent("regressions/lad24_yorkshire.geojson").path
    static let systems = fixtures.appendingPathComponent("regressions/icb24_yorkshire.geojson").path

    func rows(_ path: String) throws -> [String: [String: String]] {
        let table = try CSVReader.read(path: path)
        var out: [String: [String: String]] = [:]
        for row in table.rows { out[row[0]] = Dictionary(uniqueKeysWithValues: zip(table.header, row)) }
        return out
    }

    @Test func coterminosityByAreaEndToEnd() throws {
        let folder = Paths.temporaryFolder()
        let out = folder.appendingPathComponent("cot").path
        let result = try placemap("coterminosity", "--places", Self.places, "--systems", Self.systems, "--out", out)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("11 places (LTLA24) against 2 systems (ICB24), shares by area"))
        #expect(result.stdout.contains("split: North Yorkshire (E06000065)"))
        let places = try rows(out + "/places.csv")
        #expect(places.count == 11)
        // Craven (in North Yorkshire since 2023) belongs to West Yorkshire ICB: North Yorkshire is split.
        #expect(places["E06000065"]?["status"] == "split")
        #expect(places["E06000065"]?["main_system_code"] == "E54000051")
        let share = Double(places["E06000065"]?["main_share"] ?? "") ?? 0
        #expect(share > 0.8 && share < 0.9)
        for code in ["E06000010", "E06000011", "E06000012", "E06000013", "E06000014"] {
            #expect(["coterminous", "partly outside"].contains(places[code]?["status"]) && places[code]?["main_system_code"] == "E54000051", "\(code)")
        }
        for code in ["E08000032", "E08000033", "E08000034", "E08000036"] {
            #expect(["coterminous", "partly outside"].contains(places[code]?["status"]) && places[code]?["main_system_code"] == "E54000054", "\(code)")
        }
        // Shares of each place add up to at most 1 (the rest is slivers or outside every system).
        let pairs = try CSVReader.read(path: out + "/pairs.csv")
        let placeColumn = try pairs.column("place_code")
        let shareColumn = try #require(pairs.header.firstIndex { $0.contains("share") })
        var sums: [String: Double] = [:]
        for row in pairs.rows { sums[row[placeColumn], default: 0] += Double(row[shareColumn]) ?? .nan }
        #expect(sums.count == 11 && sums.values.allSatisfy { $0 > 0.95 && $0 <= 1 + 1e-9 }, "\(sums)")
        let map = try GeoJSONReader.read(path: out + "/places.geojson")
        #expect(map.features.count == 11 && map.crs == .wgs84)
        let systems = try rows(out + "/systems.csv")
        #expect(Set(systems.keys) == ["E54000051", "E54000054"])
        #expect(FileManager.default.fileExists(atPath: out + "/coterminosity.json"))
    }

    @Test func coterminosityByPopulationEndToEnd() throws {
        let folder = Paths.temporaryFolder()
        let out = folder.appendingPathComponent("cot").path
        let result = try placemap(
            "coterminosity", "--places", Self.places, "--systems", Self.systems, "--blocks", Paths.geodata("lsoa21_england.geojson"),
            "--population", Paths.geodata("census21_population_lsoa21.csv"), "--out", out)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("shares by population"))
        let places = try rows(out + "/places.csv")
        #expect(places["E06000065"]?["status"] == "split")
        // North Yorkshire had 615,491 residents in 2021; border blocks of the generalised file move a few.
        let people = Double(places["E06000065"]?["population"] ?? "") ?? 0
        #expect(people > 550_000 && people < 700_000, "\(people)")
        #expect(places["E06000014"]?["status"] == "coterminous")
    }

    @Test func overlappingSystemsAreRefusedByTheCommand() throws {
        let folder = Paths.temporaryFolder()
        let square = Shapes.polygonJSON([Shapes.square(-1.5, 53.5, 0.1)])
        let systems = Paths.write(
            Shapes.collection([Shapes.feature("{\"s_code\":\"S1\"}", square), Shapes.feature("{\"s_code\":\"S2\"}", square)]), as: "s.geojson",
            in: folder)
        let places = Paths.write(Shapes.collection([Shapes.feature("{\"p_code\":\"P1\"}", square)]), as: "p.geojson", in: folder)
        let out = folder.appendingPathComponent("cot").path
        let result = try placemap("coterminosity", "--places", places, "--systems", systems, "--out", out)
        #expect(result.status == 65)
        #expect(result.stderr.contains("s.geojson") && result.stderr.contains("S1 and S2"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out + "/places.csv"))
    }

    @Test func unknownCRSsAreUsageOrDataErrorsNamingTheFile() throws {
        let folder = Paths.temporaryFolder()
        let square = Shapes.polygonJSON([Shapes.square(-1.5, 53.5, 0.1)])
        let plain = Paths.write(Shapes.collection([Shapes.feature("{\"p_code\":\"P1\"}", square)]), as: "p.geojson", in: folder)
        let usage = try placemap("info", plain, "--crs", "99999")
        // --crs is checked when the options are parsed (exit 64, naming the option and the code).
        #expect(usage.status == 64 && usage.stderr.contains("99999"), "\(usage.stderr)")
        let legacy = Paths.write(
            Shapes.collection(
                [Shapes.feature("{\"p_code\":\"P1\"}", square)], extra: "\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:99999\"}},"),
            as: "legacy.geojson", in: folder)
        let data = try placemap("info", legacy)
        #expect(data.status == 65 && data.stderr.contains("legacy.geojson:1:"), "\(data.stderr)")
        #expect(!data.stderr.contains("proj_create"))
    }

    @Test func hostileFilesGiveExit65NotASignal() throws {
        for name in ["trailing-backslash.geojson", "deep-coordinates.geojson", "duplicate-coordinates.geojson"] {
            let path = Self.fixtures.appendingPathComponent("fuzz-regressions/geojson/\(name)").path
            let result = try placemap("info", path)
            #expect(result.status == 65, "\(name): \(result.status) \(result.stderr)")
            #expect(result.stderr.contains(name))
        }
    }
}
