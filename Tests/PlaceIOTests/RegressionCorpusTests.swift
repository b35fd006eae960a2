import Foundation
import PlaceTestSupport
import Testing

import PlaceIO

/// Replays every file of the fuzz regression corpus (Tests/Fixtures/fuzz-regressions/TARGET/,
/// crashers found by scripts/fuzz and the reproducers of issue 13) through its parser: each must
/// give a result or an error, never a crash.
@Suite struct RegressionCorpusTests {
    static func files(_ target: String) -> [String] {
        let folder = Paths.root.appendingPathComponent("Tests/Fixtures/fuzz-regressions/\(target)")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().map { folder.appendingPathComponent($0).path }
    }

    @Test func theCorpusIsThere() {
        #expect(Self.files("geojson").count >= 4)
        #expect(!Self.files("csv").isEmpty)
    }

    @Test(arguments: files("geojson")) func geojson(_ path: String) throws {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        do {
            _ = try GeoJSONReader.parse(bytes, source: path)
        } catch {
            #expect(error.exitCode == 64 || error.exitCode == 65, "\(error)")
        }
    }

    @Test(arguments: files("csv")) func csv(_ path: String) throws {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        do {
            let table = try CSVReader.parse(bytes, source: path)
            for r in table.rows.indices { for c in table.header.indices { _ = try? table.count(row: r, column: c) } }
        } catch {
            #expect(error.exitCode == 65, "\(error)")
        }
    }
}
