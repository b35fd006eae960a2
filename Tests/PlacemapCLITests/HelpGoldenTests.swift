import Foundation
import PlaceTestSupport
import Testing

/// Every command's `--help`, compared with the golden copy under Golden/help/, so that drift in the
/// option vocabulary shows in review. `PLACEMAP_UPDATE_GOLDEN=1 swift test --filter HelpGoldenTests`
/// rewrites the copies.
@Suite struct HelpGoldenTests {
    static let commands = [
        "england", "coterminosity", "diff", "scenario", "contiguity", "catchments", "report", "explore", "dissolve", "overlap", "lookup",
        "info",
        "validate",
    ]

    @Test(arguments: commands) func helpMatchesTheGoldenCopy(command: String) throws {
        let result = try placemap("help", command)
        #expect(result.status == 0)
        let golden = Paths.root.appendingPathComponent("Tests/PlacemapCLITests/Golden/help/\(command).txt")
        if ProcessInfo.processInfo.environment["PLACEMAP_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
            try result.stdout.write(to: golden, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(result.stdout == expected, "placemap help \(command) differs from \(golden.path)")
    }

    /// The same word means the same thing everywhere: no command uses the retired spellings.
    @Test func noCommandUsesRetiredOptionNames() throws {
        let retired = [
            "--code-field", "--name-field", "--csv ", "--geojson ", "--gpkg ", "--geojson-crs", "--group-by", "--shares-area",
            "--blocks-code-field", "--trust-names", "-block-code", "--audit-code", "--audit-area", "--population-code",
            "--attributes-code", "--shares-code", "--tolerance <tolerance>", "Snapping tolerance", "Sliver tolerance",
        ]
        for command in Self.commands {
            let help = try placemap("help", command).stdout
            for word in retired { #expect(!help.contains(word), "\(command) still has \(word)") }
        }
    }
}
