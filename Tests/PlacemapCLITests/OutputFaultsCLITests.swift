import Foundation
import PlaceIO
import PlaceTestSupport
import Testing

/// Faults while writing: a full disk, a read-only folder, the process killed part-way. Each leaves the
/// old outputs as they were (or absent), never a half-written file, and exits 74 naming the path.
@Suite(.serialized) struct OutputFaultsCLITests {
    let lad = Paths.geodata("built/lad24.geojson")
    let icb = Paths.geodata("built/icb24.geojson")

    /// A small tmpfs of the test's own, or nil (with a note) where this machine does not allow mounts.
    func mountTmpfs(_ options: String) -> String? {
        let point = Paths.temporaryFolder().appendingPathComponent("mnt").path
        try? FileManager.default.createDirectory(atPath: point, withIntermediateDirectories: true)
        guard let r = try? run("/bin/mount", ["-t", "tmpfs", "-o", options, "tmpfs", point]), r.status == 0 else {
            print("OutputFaultsCLITests: cannot mount a tmpfs here (needs root); skipping")
            return nil
        }
        return point
    }

    func unmount(_ point: String) { _ = try? run("/bin/umount", [point]) }

    @Test func aFullDiskIsExit74AndLeavesNoFile() throws {
        guard let disk = mountTmpfs("size=16k") else { return }
        defer { unmount(disk) }
        let result = try placemap("overlap", lad, icb, "-o", disk + "/pairs.csv")
        #expect(result.status == 74, "\(result.stderr)")
        #expect(result.stderr.contains(disk + "/pairs.csv") && result.stderr.contains("space"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: disk).isEmpty)
    }

    @Test func aReadOnlyFolderIsExit74AndKeepsItsFiles() throws {
        guard let disk = mountTmpfs("size=1m") else { return }
        defer { unmount(disk) }
        try "old".write(toFile: disk + "/pairs.csv", atomically: false, encoding: .utf8)
        #expect(try run("/bin/mount", ["-o", "remount,ro", disk]).status == 0)
        let result = try placemap("overlap", lad, icb, "-o", disk + "/pairs.csv", "--overwrite")
        #expect(result.status == 74, "\(result.stderr)")
        #expect(result.stderr.contains(disk + "/pairs.csv"))
        #expect(try String(contentsOfFile: disk + "/pairs.csv", encoding: .utf8) == "old")
    }

    @Test func killedPartWayTheOldSetStaysWholeAndTheNextRunCleansUp() throws {
        let folder = Paths.temporaryFolder().appendingPathComponent("cot").path
        let arguments = ["coterminosity", "--places", lad, "--systems", icb, "--out", folder, "--overwrite", "--quiet"]
        #expect(try run(Paths.placemap, arguments).status == 0)
        let names = ["places.csv", "pairs.csv", "systems.csv", "places.geojson", "places.gpkg", "coterminosity.json"]
        let before = try names.map { try Data(contentsOf: URL(fileURLWithPath: folder + "/" + $0)) }
        // Kill runs at different moments; every file is always the old one or a complete new one.
        for delay in [50_000, 150_000, 300_000, 600_000] as [useconds_t] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Paths.placemap)
            process.arguments = arguments
            try process.run()
            usleep(delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            for (n, name) in names.enumerated() {
                let now = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
                // Same inputs, so a complete new file equals the old one byte for byte (GeoPackages carry a timestamp).
                if name.hasSuffix(".gpkg") { #expect(now.count > 1000) } else { #expect(now == before[n], "\(name) after a kill") }
            }
        }
        #expect(try run(Paths.placemap, arguments).status == 0)
        let left = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".tmp") }
        #expect(left.isEmpty, "temporaries left: \(left)")
        #expect(FileManager.default.fileExists(atPath: folder + "/placemap-run.json"))
    }
}
