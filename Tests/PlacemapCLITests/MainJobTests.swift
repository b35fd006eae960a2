import Foundation
import PlaceIO
import PlaceTestSupport
import Testing

/// `placemap` with no arguments: the main job on the bundled data, run by a copy installed with
/// `scripts/install` into a temporary prefix, from a folder outside the repository, with no
/// PLACEMAP_DATA: the installed binary finds its own data.
@Suite struct MainJobTests {
    @Test func runsOnTheBundledDataAndWritesItsOutputs() throws {
        let prefix = Paths.temporaryFolder().appendingPathComponent("prefix")
        let configuration = URL(fileURLWithPath: Paths.placemap).deletingLastPathComponent().lastPathComponent
        let install = try run(
            "/bin/bash",
            [
                Paths.root.appendingPathComponent("scripts/install").path, "--prefix", prefix.path, "--configuration", configuration,
                "--no-build",
            ])
        #expect(install.status == 0, "\(install.stderr)")
        for file in [
            "bin/placemap", "share/placemap/geodata/README.md", "share/man/man1/placemap.1", "share/man/man1/placemap.coterminosity.1",
            "share/bash-completion/completions/placemap", "share/zsh/site-functions/_placemap",
            "share/fish/vendor_completions.d/placemap.fish",
        ] {
            #expect(FileManager.default.fileExists(atPath: prefix.appendingPathComponent(file).path), "\(file) not installed")
        }
        let folder = Paths.temporaryFolder()
        var environment = ProcessInfo.processInfo.environment
        environment["PLACEMAP_DATA"] = nil
        let result = try run(prefix.appendingPathComponent("bin/placemap").path, [], in: folder, replacingEnvironment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("296 places (LAD24) against 42 systems (ICB24)"))
        #expect(result.stdout.contains("split: North Yorkshire (E06000065)"))
        #expect(result.stdout.contains("in one connected piece: 40 of 42"))
        #expect(result.stdout.contains("Hampshire and Isle of Wight ICB (E54000042): 3 pieces"))
        for name in ["places.csv", "pairs.csv", "systems.csv", "places.geojson", "coterminosity.json"] {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("placemap-output/lad24-icb24/\(name)").path))
        }
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("placemap-output/icb24-contiguity/groups.csv").path))
        // The report: one self-contained page, under 1.5 MB.
        #expect(result.stdout.contains("report: placemap-output/report.html"))
        // The scenario explorer beside it: one self-contained page under 2.5 MB.
        #expect(result.stdout.contains("explorer: placemap-output/explore.html"))
        let explorer = folder.appendingPathComponent("placemap-output/explore.html").path
        let explorerBytes = try FileManager.default.attributesOfItem(atPath: explorer)[.size] as? Int
        #expect((explorerBytes ?? 0) > 100_000 && (explorerBytes ?? .max) < 2_500_000, "explore.html: \(explorerBytes ?? -1) bytes")
        let report = folder.appendingPathComponent("placemap-output/report.html").path
        let bytes = (try? FileManager.default.attributesOfItem(atPath: report)[.size] as? Int) ?? nil
        #expect((bytes ?? 0) > 100_000 && (bytes ?? .max) < 1_500_000, "report.html: \(bytes ?? -1) bytes")
        let places = try CSVReader.read(path: folder.appendingPathComponent("placemap-output/utla23-icb24/places.csv").path)
        #expect(places.rows.count == 153)
        let map = try GeoJSONReader.read(path: folder.appendingPathComponent("placemap-output/lad24-icb24/places.geojson").path)
        #expect(map.features.count == 296 && map.crs == .wgs84)
    }
}
