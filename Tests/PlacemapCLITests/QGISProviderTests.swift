import Foundation
import PlaceTestSupport
import Testing

/// The QGIS Processing provider (qgis/placemap) in headless QGIS (Debian's python3-qgis,
/// QT_QPA_PLATFORM=offscreen), driven by qgis/tests/test_provider.py: it registers the provider,
/// runs placemap:coterminosity on the bundled layers loaded as QGIS layers and finds the same 13 split
/// districts and populations as the tool run directly, does the same with a memory-provider layer, and
/// sees a tool error come back as a Processing error. Skipped, with a message, where QGIS's Python
/// bindings cannot be imported (scripts/setup --tests installs python3-qgis).
@Suite struct QGISProviderTests {
    @Test func theProviderRunsCoterminosityOnQGISLayers() throws {
        let python = "/usr/bin/python3"
        let probe = FileManager.default.isExecutableFile(atPath: python) ? try run(python, ["-c", "import qgis.core"]) : nil
        guard let probe, probe.status == 0 else {
            print(
                "QGISProviderTests: skipped, QGIS's Python bindings cannot be imported (\(probe?.stderr.suffix(200) ?? "no /usr/bin/python3"))"
            )
            return
        }
        let result = try run(
            python, [Paths.root.appendingPathComponent("qgis/tests/test_provider.py").path, Paths.root.path],
            environment: ["QT_QPA_PLATFORM": "offscreen", "PLACEMAP_BINARY": Paths.placemap])
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr.suffix(3000))")
        #expect(result.stdout.contains("ok   13 split districts through Processing"))
        #expect(result.stdout.contains("ok   the same split districts, systems and populations as the CLI"))
        #expect(result.stdout.contains("ok   a memory layer gives the same 13 splits and populations"))
        #expect(result.stdout.contains("ok   the tool's error is the Processing error"))
        #expect(result.stdout.contains("0 failure(s)"))
    }
}
