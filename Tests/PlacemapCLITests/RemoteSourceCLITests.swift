import Foundation
import PlaceIO
import PlaceTestSupport
import Testing

/// Layers by URL and inside zips: a zipped Shapefile served by a local HTTP server on 127.0.0.1
/// (Tests/http/serve.py, which logs every request) gives the same table as the local file; the second
/// run revalidates the cached copy with a conditional request (304, no body sent again); `--offline`
/// reads the cache without a request, and without a cached copy is exit 74; a 404 is exit 74 naming
/// the URL and the status.
@Suite(.serialized) struct RemoteSourceCLITests {
    struct ServerError: Error, CustomStringConvertible {
        var output: String
        var description: String { "the test HTTP server did not start: \(output)" }
    }

    /// The local HTTP server, stopped when the test ends (and by itself after two minutes).
    final class Server {
        let process = Process()
        let port: Int
        let log: String

        init(serving folder: URL) throws {
            log = folder.appendingPathComponent("requests.log").path
            FileManager.default.createFile(atPath: log, contents: nil)
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", Paths.root.appendingPathComponent("Tests/http/serve.py").path, folder.path, log, "120"]
            let out = Pipe()
            process.standardOutput = out
            try process.run()
            var text = ""
            while !text.contains("\n") {
                let data = out.fileHandleForReading.availableData
                if data.isEmpty { break }
                text += String(decoding: data, as: UTF8.self)
            }
            guard let port = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
                process.terminate()
                throw ServerError(output: text)
            }
            self.port = port
        }

        var requests: [String] {
            (try? String(contentsOfFile: log, encoding: .utf8))?.split(separator: "\n").map(String.init) ?? []
        }

        deinit {
            process.terminate()
            process.waitUntilExit()
        }
    }

    func overlap(_ layer: String, output: String, cache: URL, offline: Bool = false) throws -> RunResult {
        try run(
            Paths.placemap,
            ["overlap", layer, Paths.geodata("built/icb24.geojson"), "-o", output] + (offline ? ["--offline"] : []),
            environment: ["XDG_CACHE_HOME": cache.path])
    }

    @Test func aZippedShapefileByURLIsDownloadedOnceAndRevalidated() throws {
        guard GDALTools.available else {
            print("RemoteSourceCLITests: skipped, ogr2ogr (gdal-bin) is not installed to make the zipped Shapefile")
            return
        }
        let zip = try ConvertedLAD.zippedShapefile.convert()
        let served = Paths.temporaryFolder()
        try FileManager.default.copyItem(atPath: zip, toPath: served.appendingPathComponent("lad24.shp.zip").path)
        let server = try Server(serving: served)
        let url = "http://127.0.0.1:\(server.port)/lad24.shp.zip"
        let work = Paths.temporaryFolder()
        let cache = work.appendingPathComponent("cache")
        func at(_ name: String) -> String { work.appendingPathComponent(name).path }

        let local = try overlap(zip, output: at("local.csv"), cache: cache)
        #expect(local.status == 0, "\(local.stderr)")
        let first = try overlap(url, output: at("first.csv"), cache: cache)
        #expect(first.status == 0, "\(first.stderr)")
        let expected = try String(contentsOfFile: at("local.csv"), encoding: .utf8)
        #expect(expected.split(whereSeparator: \.isNewline).count > 296)
        #expect(try String(contentsOfFile: at("first.csv"), encoding: .utf8) == expected)
        #expect(server.requests == ["GET /lad24.shp.zip 200 if-none-match=-"])

        // The provenance names the URL and the date of the download.
        let sidecar = try String(contentsOfFile: at("first.json"), encoding: .utf8)
        #expect(sidecar.contains(url), "\(sidecar.prefix(1500))")
        let today = ISO8601DateFormatter().string(from: Date()).prefix(10)
        #expect(sidecar.contains("\"downloaded\"") && sidecar.contains(String(today)), "\(sidecar.prefix(1500))")

        // Second run: one conditional request, answered 304; the cached copy is read.
        let second = try overlap(url, output: at("second.csv"), cache: cache)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(try String(contentsOfFile: at("second.csv"), encoding: .utf8) == expected)
        #expect(server.requests.count == 2)
        #expect(server.requests.last?.hasPrefix("GET /lad24.shp.zip 304 if-none-match=\"") == true, "\(server.requests)")

        // --offline: the cache, and no request at all. `info` (quicker than an overlap) tells the same
        // layer by its features, fields and area; its first line names the source.
        func described(_ result: RunResult) -> String { result.stdout.split(separator: "\n").dropFirst().joined(separator: "\n") }
        let localInfo = try run(Paths.placemap, ["info", zip])
        #expect(localInfo.status == 0 && localInfo.stdout.contains("features:    296"), "\(localInfo.stdout)\(localInfo.stderr)")
        let environment = ["XDG_CACHE_HOME": cache.path]
        let offline = try run(Paths.placemap, ["--offline", "info", url], environment: environment)
        #expect(offline.status == 0, "\(offline.stderr)")
        #expect(described(offline) == described(localInfo))
        #expect(server.requests.count == 2)

        // A member of the zip, by URL (the cached zip again) and as a local path.
        let member = try run(Paths.placemap, ["info", url + "/lad24_england.shp", "--offline"], environment: environment)
        #expect(member.status == 0, "\(member.stderr)")
        #expect(described(member) == described(localInfo))
        let localMember = try run(Paths.placemap, ["info", zip + "/lad24_england.shp"])
        #expect(localMember.status == 0, "\(localMember.stderr)")
        #expect(described(localMember) == described(localInfo))
        #expect(server.requests.count == 2)

        // --offline with an empty cache: exit 74, naming the URL.
        let empty = try overlap(url, output: at("empty.csv"), cache: work.appendingPathComponent("empty-cache"), offline: true)
        #expect(empty.status == 74)
        #expect(empty.stderr.contains(url) && empty.stderr.contains("--offline"), "\(empty.stderr)")
        #expect(!FileManager.default.fileExists(atPath: at("empty.csv")))

        // A 404: exit 74 with the URL and the HTTP status; nothing cached, nothing written.
        let missing = "http://127.0.0.1:\(server.port)/no-such-file.zip"
        let notFound = try overlap(missing, output: at("missing.csv"), cache: cache)
        #expect(notFound.status == 74)
        #expect(notFound.stderr.contains(missing) && notFound.stderr.contains("HTTP 404"), "\(notFound.stderr)")
        #expect(!FileManager.default.fileExists(atPath: at("missing.csv")))
        #expect(server.requests.last == "GET /no-such-file.zip 404 if-none-match=-")
        let cached = try FileManager.default.contentsOfDirectory(atPath: cache.appendingPathComponent("placemap/downloads").path)
        #expect(cached.count == 2 && cached.allSatisfy { $0.contains("-lad24.shp.zip") }, "\(cached)")
    }
}
