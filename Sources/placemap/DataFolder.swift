import Foundation
import PlaceIO

/// Finds the bundled `geodata/` folder: $PLACEMAP_DATA, ./geodata, or next to the package the
/// binary was built in.
enum DataFolder {
    static func locate() -> String? {
        var candidates: [String] = []
        if let env = ProcessInfo.processInfo.environment["PLACEMAP_DATA"] { candidates.append(env) }
        candidates.append(FileManager.default.currentDirectoryPath + "/geodata")
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            candidates.append(url.appendingPathComponent("geodata").path)
            url.deleteLastPathComponent()
        }
        return candidates.first { FileManager.default.fileExists(atPath: $0 + "/README.md") }
    }

    static func path(_ file: String) throws -> String {
        guard let folder = locate() else {
            throw InputError(
                .io, message: "cannot find the bundled geodata/ folder",
                hint: "run from the repository, or set PLACEMAP_DATA to the geodata folder")
        }
        return folder + "/" + file
    }
}
