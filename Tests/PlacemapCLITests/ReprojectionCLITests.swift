import Foundation
import PlaceTestSupport
import Testing

/// The native WGS 84 → British National Grid path changes no output: the same run with every point
/// given to PROJ (`PLACEMAP_PROJ_ONLY`) writes the same table, byte for byte.
@Suite struct ReprojectionCLITests {
    @Test func overlapTableIsTheSameWithPROJAlone() throws {
        let folder = Paths.temporaryFolder()
        var tables: [Data] = []
        for projOnly in [false, true] {
            let out = folder.appendingPathComponent("overlap-\(projOnly).csv").path
            let arguments = ["overlap", Paths.geodata("msoa11_england.geojson"), Paths.geodata("lad24_england.geojson"), "-o", out]
            let result = try run(Paths.placemap, arguments, environment: projOnly ? ["PLACEMAP_PROJ_ONLY": "1"] : [:])
            #expect(result.status == 0, "\(result.stderr)")
            tables.append(try Data(contentsOf: URL(fileURLWithPath: out)))
        }
        #expect(tables[0].count > 100_000)
        #expect(tables[0] == tables[1])
    }
}
