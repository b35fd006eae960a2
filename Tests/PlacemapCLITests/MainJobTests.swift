import Foundation
import PlaceIO
import PlaceTestSupport
import Testing

/// `placemap` with no arguments: the main job on the bundled data.
@Suite struct MainJobTests {
    @Test func runsOnTheBundledDataAndWritesItsOutputs() throws {
        let folder = Paths.temporaryFolder()
        let result = try run(Paths.placemap, [], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("296 places (LAD24) against 42 systems (ICB24)"))
        #expect(result.stdout.contains("split: North Yorkshire (E06000065)"))
        #expect(result.stdout.contains("in one connected piece: 40 of 42"))
        #expect(result.stdout.contains("Hampshire and Isle of Wight ICB (E54000042): 3 pieces"))
        for name in ["places.csv", "pairs.csv", "systems.csv", "places.geojson", "coterminosity.json"] {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("placemap-output/lad24-icb24/\(name)").path))
        }
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("placemap-output/icb24-contiguity/groups.csv").path))
        let places = try CSVReader.read(path: folder.appendingPathComponent("placemap-output/utla23-icb24/places.csv").path)
        #expect(places.rows.count == 153)
        let map = try GeoJSONReader.read(path: folder.appendingPathComponent("placemap-output/lad24-icb24/places.geojson").path)
        #expect(map.features.count == 296 && map.crs == .wgs84)
    }
}
