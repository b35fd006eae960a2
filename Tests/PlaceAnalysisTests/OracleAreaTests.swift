import PlaceAnalysis
import PlaceIO
import PlaceTestSupport
import Testing

/// Areas agree with an independent toolchain (Shapely + pyproj) on the same file.
@Suite(.enabled(if: Oracle.shouldRun, "needs the Python oracle venv (scripts/oracle-venv: shapely, pyproj)"))
struct OracleAreaTests {
    @Test func lad2024AreasMatchShapelyToOnePartInAMillion() throws {
        let file = Paths.geodata("lad24_england.geojson")
        let expected = try Oracle.output(of: "areas.py", [file, "ltla24_code"])
            .split(separator: "\n").map { $0.split(separator: ",") }
        let layer = try GeoJSONReader.read(path: file)
        let codes = try LayerFields.detect(in: layer).values(in: layer).map(\.code)
        let areas = zip(codes, try LayerCheck.areas(of: layer))
        #expect(expected.count == 296 && codes.count == 296)
        for (row, (code, area)) in zip(expected, areas) {
            let oracle = try #require(Double(row[1]))
            #expect(String(row[0]) == code)
            #expect(abs(area - oracle) <= 1e-6 * oracle, "\(code): \(area) vs \(oracle)")
        }
    }
}
