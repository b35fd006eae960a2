import Foundation
import PlaceTestSupport
import Testing

/// Every option a message or hint names exists: a hint that sends the user to an option placemap does
/// not have (or only under an old, hidden spelling) sends them the wrong way.
@Suite struct HintOptionsTests {
    /// Flags of the programs placemap runs (Chromium for `report --png`), not placemap's own.
    static let otherPrograms: Set = [
        "--headless", "--disable-gpu", "--no-sandbox", "--hide-scrollbars", "--force-device-scale-factor", "--window-size",
        "--screenshot",
    ]

    /// The options of every command, as `placemap help` shows them, and the root's.
    static func knownOptions() throws -> Set<String> {
        var help = try placemap("--help").stdout
        for command in HelpGoldenTests.commands { help += try placemap("help", command).stdout }
        return Set(options(in: help)).union(["--help", "--version", "--offline"])
    }

    static func options(in text: String) -> [String] {
        text.matches(of: /--[a-z][a-z0-9]*(-[a-z0-9]+)*/).map { String($0.output.0) }
    }

    @Test func everyOptionNamedInTheSourcesMessagesExists() throws {
        let known = try Self.knownOptions()
        let sources = Paths.root.appendingPathComponent("Sources")
        let files =
            FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
        #expect(files.count > 50)
        var unknown: [String] = []
        for file in files {
            let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            for (n, line) in lines.enumerated() {
                // The deprecation warnings name the old spellings on purpose.
                if line.contains("Deprecation.warn") || line.contains("help: .hidden") { continue }
                for literal in line.matches(of: /"([^"\\]|\\.)*"/) {
                    for option in Self.options(in: String(literal.output.0))
                    where !known.contains(option) && !Self.otherPrograms.contains(option) {
                        unknown.append("\(file.lastPathComponent):\(n + 1): \(option)")
                    }
                }
            }
        }
        #expect(unknown.isEmpty, "options named in messages that no command has:\n\(unknown.joined(separator: "\n"))")
    }

    @Test func theCheckSeesAnOptionThatDoesNotExist() throws {
        let known = try Self.knownOptions()
        #expect(known.contains("--places-lookup-code") && known.contains("--allow-gaps"))
        #expect(!known.contains("--code-field") && !known.contains("--population-code"))
    }
}
