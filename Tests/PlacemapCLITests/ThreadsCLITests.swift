import Foundation
import PlaceTestSupport
import Testing

/// The results do not depend on the number of workers (`PLACEMAP_THREADS`).
@Suite struct ThreadsCLITests {
    @Test func oneTwoAndThreeWorkersWriteTheSameFiles() throws {
        var outputs: [[Data]] = []
        for threads in ["1", "3", "2"] {
            let folder = Paths.temporaryFolder()
            let csv = folder.appendingPathComponent("overlap.csv").path
            // ONS districts against ICBs built from LSOAs: border blocks cut by the boundaries, the
            // area method's three-way pieces, and every block through the shared allocation pass.
            let result = try run(
                Paths.placemap,
                [
                    "overlap", Paths.geodata("lad24_england.geojson"), Paths.geodata("built/icb24.geojson"), "-o", csv,
                    "--blocks", Paths.geodata("lsoa21_england.geojson"), "--population", Paths.geodata("census21_population_lsoa21.csv"),
                    "--population-method", "area",
                ], environment: ["PLACEMAP_THREADS": threads])
            #expect(result.status == 0, "\(result.stderr)")
            // The sidecar too: its totals (people outside every piece) are summed in a fixed order.
            let json = folder.appendingPathComponent("overlap.json")
            outputs.append([try Data(contentsOf: URL(fileURLWithPath: csv)), try Data(contentsOf: json)])
        }
        #expect(outputs[0] == outputs[1])
        #expect(outputs[1] == outputs[2])
        #expect(outputs[0][0].count > 10_000)
    }
}
