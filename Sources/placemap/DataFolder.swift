import Foundation
import PlaceIO

/// Finds the bundled `geodata/` folder: `$PLACEMAP_DATA`, `./geodata`, the installed
/// `PREFIX/share/placemap/geodata` beside `PREFIX/bin/placemap`, or next to the package the binary
/// was built in.
enum DataFolder {
    static func locate() -> String? {
        var candidates: [String] = []
        if let env = ProcessInfo.processInfo.environment["PLACEMAP_DATA"] { candidates.append(env) }
        candidates.append(FileManager.default.currentDirectoryPath + "/geodata")
        let binary = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
        candidates.append(binary.deletingLastPathComponent().appendingPathComponent("share/placemap/geodata").path)
        var url = binary
        for _ in 0..<5 {
            candidates.append(url.appendingPathComponent("geodata").path)
            url.deleteLastPathComponent()
        }
        return candidates.first { FileManager.default.fileExists(atPath: $0 + "/README.md") }
    }

    /// The running binary: /proc/self/exe where there is one (a binary found on PATH has no folder in
    /// argv[0]), else argv[0].
    static var executablePath: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    /// The bundled geodata folder, or an I/O error saying where it was looked for.
    static func folder() throws -> String {
        guard let folder = locate() else {
            throw PlacemapError(
                .io, message: "cannot find the bundled geodata/ folder",
                hint: "run from the repository, install with scripts/install, or set PLACEMAP_DATA to the geodata folder")
        }
        return relativeToWorkingFolder(folder)
    }

    /// `path` relative to the working folder when it lies inside it (`geodata/lsoa21_england.geojson`),
    /// so that provenance does not record where on this machine the run happened; else as it is.
    static func relativeToWorkingFolder(_ path: String) -> String {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
        let full = URL(fileURLWithPath: path).standardizedFileURL.path
        guard cwd != "/", full.hasPrefix(cwd + "/") else { return path }
        return String(full.dropFirst(cwd.count + 1))
    }

    static func path(_ file: String) throws -> String { try folder() + "/" + file }
}
