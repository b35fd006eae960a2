import Foundation
import PlaceAnalysis
import PlaceGeometry
import PlaceIO
import PlaceOutput
import PlaceTestSupport
import Testing

/// Outputs never destroy anything: existing files refused, special files written in place, links
/// followed, sets published together, failures leaving the old files as they were.
@Suite struct OutputSetTests {
    func text(_ path: String) -> String? { try? String(contentsOfFile: path, encoding: .utf8) }

    func kind(_ path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
    }

    @Test func anExistingFileIsRefusedWithoutOverwriteAndKept() throws {
        let folder = Paths.temporaryFolder().path
        let path = folder + "/table.csv"
        try "old".write(toFile: path, atomically: false, encoding: .utf8)
        let refused = #expect(throws: PlacemapError.self) { try OutputSet(policy: OutputPolicy()).add("new", to: path) }
        #expect(refused?.exitCode == 64 && refused?.hint?.contains("--overwrite") == true)
        #expect(text(path) == "old")
        let set = OutputSet(policy: OutputPolicy(overwrite: true))
        try set.add("new", to: path)
        #expect(text(path) == "old")  // nothing replaced before publish
        try set.publish()
        #expect(text(path) == "new")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["table.csv"])
    }

    @Test func anOutputThatIsAnInputIsRefusedEvenWithOverwrite() throws {
        let folder = Paths.temporaryFolder().path
        let input = folder + "/in.geojson"
        try "{}".write(toFile: input, atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: folder + "/alias.geojson", withDestinationPath: input)
        let set = OutputSet(policy: OutputPolicy(overwrite: true, inputs: [input]))
        let refused = #expect(throws: PlacemapError.self) { try set.reserve(folder + "/alias.geojson") }
        #expect(refused?.message.contains("is also an input") == true)
        #expect(text(input) == "{}")
    }

    @Test func aFIFOReceivesTheBytesAndStaysAFIFO() throws {
        let folder = Paths.temporaryFolder().path
        let fifo = folder + "/pipe"
        #expect(mkfifo(fifo, 0o644) == 0)
        // A link to the FIFO, as /dev/stdout is a link to /proc/self/fd/1.
        let link = folder + "/stdout-link"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: fifo)
        nonisolated(unsafe) var received = Data()
        let reader = Thread {
            if let h = FileHandle(forReadingAtPath: fifo) { received = h.readDataToEndOfFile() }
        }
        reader.start()
        let set = OutputSet(policy: OutputPolicy())
        #expect(try set.reserve(link) == .special(path: fifo))
        try set.add("a,b\r\n1,2\r\n", to: link)
        try set.publish()
        while !reader.isFinished { usleep(1000) }
        #expect(String(decoding: received, as: UTF8.self) == "a,b\r\n1,2\r\n")
        #expect(kind(fifo) == S_IFIFO)
        #expect(kind(link) == S_IFLNK)
    }

    @Test func aSymlinkedOutputUpdatesItsTarget() throws {
        let folder = Paths.temporaryFolder().path
        try FileManager.default.createDirectory(atPath: folder + "/real", withIntermediateDirectories: true)
        try "old".write(toFile: folder + "/real/t.csv", atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: folder + "/t.csv", withDestinationPath: "real/t.csv")
        let set = OutputSet(policy: OutputPolicy(overwrite: true))
        try set.add("new", to: folder + "/t.csv")
        try set.publish()
        #expect(kind(folder + "/t.csv") == S_IFLNK)
        #expect(text(folder + "/real/t.csv") == "new")
        // A dangling link names the file to create.
        try FileManager.default.createSymbolicLink(atPath: folder + "/d.csv", withDestinationPath: "real/d.csv")
        let second = OutputSet(policy: OutputPolicy())
        try second.add("made", to: folder + "/d.csv")
        try second.publish()
        #expect(kind(folder + "/d.csv") == S_IFLNK && text(folder + "/real/d.csv") == "made")
    }

    @Test func aFailurePartWayLeavesTheOldFilesAndNoTemporary() throws {
        let folder = Paths.temporaryFolder().path
        try "old a".write(toFile: folder + "/a.csv", atomically: false, encoding: .utf8)
        try "old b".write(toFile: folder + "/b.gpkg", atomically: false, encoding: .utf8)
        do {
            let set = OutputSet(policy: OutputPolicy(overwrite: true))
            try set.add("new a", to: folder + "/a.csv")
            #expect(throws: PlacemapError.self) {
                try set.add(to: folder + "/b.gpkg") { (temporary: String) throws(PlacemapError) in
                    try? "half".write(toFile: temporary, atomically: false, encoding: .utf8)
                    throw PlacemapError(.io, file: temporary, message: "disk full (simulated)")
                }
            }
            // The run stops here; the set is dropped without publishing.
        }
        #expect(text(folder + "/a.csv") == "old a" && text(folder + "/b.gpkg") == "old b")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["a.csv", "b.gpkg"])
    }

    @Test func aFailureAddingALayerToAGeoPackageLeavesItAsItWas() throws {
        let folder = Paths.temporaryFolder().path
        let path = folder + "/project.gpkg"
        let square = Shape.polygon([Shapes.square(400_000, 300_000, 10)])
        try LayerWriter.write(Layer(name: "first", source: "t", crs: .britishNationalGrid, features: [Feature(shape: square)]), to: path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        // A CRS GDAL does not know fails after the staged copy is opened: the original is untouched.
        let bad = Layer(name: "bad", source: "t", crs: CRS(epsg: 999_999), features: [Feature(shape: square)])
        let set = OutputSet(policy: OutputPolicy(overwrite: false))
        #expect(throws: PlacemapError.self) { try set.add(bad, to: path + ":bad") }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["project.gpkg"])
    }

    @Test func aFolderSetCarriesAManifestAndTwoRunsNeverMix() throws {
        let folder = Paths.temporaryFolder().path
        let names = ["one.csv", "two.csv", "three.csv"]
        let runs = (0..<2).map { _ in OutputSet(policy: OutputPolicy(overwrite: true)) }
        for (k, set) in runs.enumerated() {
            for n in names { try set.add(String(repeating: "run \(k) ", count: 20_000), to: folder + "/" + n) }
        }
        // Publish both at once: the folder lock makes one whole set win.
        let group = DispatchGroup()
        for set in runs {
            nonisolated(unsafe) let s = set
            DispatchQueue.global().async(group: group) { try? s.publish(manifestIn: folder) }
        }
        group.wait()
        let manifest = try #require(text(folder + "/" + OutputSet.manifestName))
        let winner = try #require(runs.firstIndex { manifest.contains($0.runID) })
        for n in names { #expect(text(folder + "/" + n)?.hasPrefix("run \(winner) ") == true) }
        #expect(manifest.contains("one.csv") && manifest.contains("three.csv"))
        let left = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".tmp") }
        #expect(left.isEmpty)
    }

    @Test func temporariesOfAKilledRunAreRemovedByTheNext() throws {
        let folder = Paths.temporaryFolder().path
        // A process id that cannot be running: above the kernel's pid_max.
        let stale = folder + "/.places.csv.placemap-99999999.tmp"
        try "half".write(toFile: stale, atomically: false, encoding: .utf8)
        let set = OutputSet(policy: OutputPolicy())
        try set.add("x", to: folder + "/places.csv")
        try set.publish()
        #expect(!FileManager.default.fileExists(atPath: stale))
    }

    @Test func aFolderIsNotAFile() throws {
        let folder = Paths.temporaryFolder().path
        let refused = #expect(throws: PlacemapError.self) { try OutputSet(policy: OutputPolicy(overwrite: true)).reserve(folder) }
        #expect(refused?.exitCode == 64)
    }

    @Test func sidecarsAndGeoPackageLayersAreNamedBesideTheOutput() {
        #expect(sidecar(of: "/tmp/x/lad.csv") == "/tmp/x/lad.json")
        #expect(sidecar(of: "-") == nil)
        #expect(beside("areas.gpkg:icb24", ".json") == "areas-icb24.json")
        #expect(
            VectorFormat.of(path: "a.gpkg:icb") == .geoPackage && VectorFormat.of(path: "a.GeoJSON") == .geoJSON
                && VectorFormat.of(path: "a.txt") == nil)
    }
}
