import Foundation
import PlaceIO
import PlaceTestSupport
import Testing

/// `placemap overlap` gives the same pairs and shares as geopandas.overlay on the same files.
@Suite(.enabled(if: Oracle.shouldRun, "needs the Python oracle venv (scripts/oracle-venv: geopandas)"))
struct OracleOverlapTests {
    func compare(_ a: String, _ b: String, _ aCode: String, _ bCode: String) throws {
        let folder = Paths.temporaryFolder()
        let ours = folder.appendingPathComponent("placemap.csv").path
        let theirs = folder.appendingPathComponent("geopandas.csv").path
        let result = try placemap("overlap", a, b, "-o", ours)
        #expect(result.status == 0, "\(result.stderr)")
        _ = try Oracle.output(of: "overlay.py", [a, b, aCode, bCode, theirs])
        let mine = try CSVReader.read(path: ours)
        let oracle = try CSVReader.read(path: theirs)
        #expect(mine.header == ["a_code", "a_name", "b_code", "b_name", "area_m2", "share_of_a", "share_of_b"])
        #expect(mine.rows.map { [$0[0], $0[2]] } == oracle.rows.map { [$0[0], $0[1]] }, "the same pairs in the same order")
        var worst = 0.0
        for (m, o) in zip(mine.rows, oracle.rows) {
            for (x, y) in [(m[5], o[3]), (m[6], o[4])] { worst = max(worst, abs(Double(x)! - Double(y)!)) }
            #expect(abs(Double(m[4])! - Double(o[2])!) <= 1e-6 * Double(o[2])! + 1e-3)
        }
        #expect(worst <= 1e-6, "largest share difference \(worst)")
    }

    @Test func lad2024ByICB2024BuiltFromLSOAs() throws {
        try compare(Paths.geodata("built/lad24.geojson"), Paths.geodata("built/icb24.geojson"), "LAD24CD", "ICB24CD")
    }

    @Test func lsoa2021ByLAD2024() throws {
        try compare(Paths.geodata("lsoa21_england.geojson"), Paths.geodata("lad24_england.geojson"), "lsoa21_code", "ltla24_code")
    }
}
