import Foundation
import PlaceIO
import PlaceTestSupport
import Testing

/// The output rules end to end: existing outputs refused without --overwrite, standard output that
/// fails is an error, an output that is an input is refused, folder sets carry a manifest.
@Suite struct OutputSafetyCLITests {
    let lad = Paths.geodata("built/lad24.geojson")
    let icb = Paths.geodata("built/icb24.geojson")

    @Test func anExistingTableIsRefusedAndKeptUntilOverwrite() throws {
        let folder = Paths.temporaryFolder()
        let csv = folder.appendingPathComponent("pairs.csv").path
        try "keep me".write(toFile: csv, atomically: false, encoding: .utf8)
        let refused = try placemap("overlap", lad, icb, "-o", csv)
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("pairs.csv: already exists") && refused.stderr.contains("--overwrite"))
        #expect(try String(contentsOfFile: csv, encoding: .utf8) == "keep me")
        let replaced = try placemap("overlap", lad, icb, "-o", csv, "--overwrite")
        #expect(replaced.status == 0, "\(replaced.stderr)")
        #expect(try CSVReader.read(path: csv).rows.count == 310)
    }

    @Test func anOutputNamingAnInputIsRefused() throws {
        let folder = Paths.temporaryFolder()
        let copy = folder.appendingPathComponent("lad.geojson").path
        try FileManager.default.copyItem(atPath: lad, toPath: copy)
        let before = try Data(contentsOf: URL(fileURLWithPath: copy))
        let result = try placemap("overlap", copy, icb, "-o", copy, "--overwrite")
        #expect(result.status == 64 && result.stderr.contains("is also an input"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: copy)) == before)
    }

    @Test func standardOutputThatFailsIsAnIOError() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Paths.placemap)
        process.arguments = ["overlap", lad, icb]
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        process.standardOutput = full
        let err = Pipe()
        process.standardError = err
        try process.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 74)
        #expect(message.contains("standard output: cannot be written: No space left on device"))
    }

    @Test func dashIsStandardOutput() throws {
        let result = try placemap("overlap", lad, icb, "-o", "-")
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("a_code,a_name,b_code,b_name,area_m2,share_of_a,share_of_b\r\n"))
    }

    @Test func aFolderCommandRefusesItsOldFilesAndWritesAManifest() throws {
        let folder = Paths.temporaryFolder().appendingPathComponent("cot").path
        let first = try placemap("coterminosity", "--places", lad, "--systems", icb, "--out", folder)
        #expect(first.status == 0, "\(first.stderr)")
        let manifest = try String(contentsOfFile: folder + "/placemap-run.json", encoding: .utf8)
        #expect(manifest.contains("\"run\"") && manifest.contains("places.gpkg"))
        let again = try placemap("coterminosity", "--places", lad, "--systems", icb, "--out", folder)
        #expect(again.status == 64 && again.stderr.contains("already exists"))
        let forced = try placemap("coterminosity", "--places", lad, "--systems", icb, "--out", folder, "--overwrite", "--quiet")
        #expect(forced.status == 0 && forced.stdout.isEmpty && forced.stderr.isEmpty)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { !$0.hasPrefix(".placemap.lock") }
        #expect(
            names.sorted() == [
                "border.csv", "coterminosity.json", "pairs.csv", "placemap-run.json", "places.csv", "places.geojson", "places.gpkg",
                "systems.csv",
            ])
    }

    @Test func crsOptionsTakeEPSGPrefixesAndRefuseNonsense() throws {
        let wgs84 = Paths.geodata("lad24_england.geojson")
        let plain = try placemap("info", wgs84, "--crs", "EPSG:4326")
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(try placemap("info", wgs84, "--crs", "4326").stdout == plain.stdout)
        #expect(try placemap("info", wgs84, "--crs", "urn:ogc:def:crs:EPSG::4326").stdout == plain.stdout)
        let bad = try placemap("info", lad, "--crs", "EPSG:-4326")
        #expect(bad.status == 64 && bad.stderr.contains("EPSG:-4326"))
        let unknown = try placemap("info", lad, "--crs", "99999")
        #expect(unknown.status == 64)
    }
}

@Suite struct ShapefileOutputCLITests {
    @Test func overlapPiecesAsAShapefileAreWrittenTogetherAndReadBack() throws {
        let folder = Paths.temporaryFolder()
        let shp = folder.appendingPathComponent("pieces.shp").path
        let result = try placemap(
            "overlap", Paths.geodata("built/lad24.geojson"), Paths.geodata("built/icb24.geojson"), "-o", "-", "--pieces", shp)
        #expect(result.status == 0, "\(result.stderr)")
        let info = try placemap("info", shp)
        #expect(info.status == 0 && info.stdout.contains("features:    310"), "\(info.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names.contains("pieces.shp") && names.contains("pieces.dbf") && names.contains("pieces.prj") && names.contains("pieces.shx"))
        #expect(!names.contains { $0.hasPrefix(".") })
        let again = try placemap(
            "overlap", Paths.geodata("built/lad24.geojson"), Paths.geodata("built/icb24.geojson"), "-o", "-", "--pieces", shp)
        #expect(again.status == 64 && again.stderr.contains("already exists"))
    }
}
