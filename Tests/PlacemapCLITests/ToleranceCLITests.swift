import Foundation
import PlaceIO
import PlaceTestSupport
import Testing

/// `placemap coterminosity --tolerance`: checked, and used in place of the measured misregistration.
@Suite struct ToleranceCLITests {
    @Test(arguments: ["-5", "nan", "1e9"]) func aNegativeOrAbsurdToleranceIsAUsageError(value: String) throws {
        let folder = Paths.temporaryFolder()
        let result = try placemap(
            "coterminosity", "--places", Paths.geodata("built/lad24.geojson"), "--systems", Paths.geodata("built/icb24.geojson"),
            "--tolerance=\(value)", "--out", folder.appendingPathComponent("c").path)
        #expect(result.status == 64)
        #expect(result.stderr.contains("--tolerance must be a distance in metres"))
    }

    @Test func aGivenToleranceIsUsedAndReported() throws {
        let folder = Paths.temporaryFolder()
        let out = folder.appendingPathComponent("c").path
        // ONS 500 m districts against ICBs from LSOAs with a tolerance of 4 km: only splits deeper than that remain.
        let result = try placemap(
            "coterminosity", "--places", Paths.geodata("lad24_england.geojson"), "--systems", Paths.geodata("built/icb24.geojson"),
            "--blocks", Paths.geodata("lsoa21_england.geojson"), "--population", Paths.geodata("census21_population_lsoa21.csv"),
            "--tolerance", "4000", "--out", out)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("tolerance: 4000 m (given)"))
        let border = try CSVReader.read(path: out + "/border.csv")
        let depth = try border.column("depth_m")
        let evidence = try border.column("evidence")
        for row in border.rows { #expect((row[evidence] == "interior") == (Double(row[depth])! > 4000)) }
        let json = try String(contentsOfFile: out + "/coterminosity.json", encoding: .utf8)
        #expect(json.contains("\"tolerance_m\": 4000") && json.contains("\"tolerance_measured\": false"))
    }
}
