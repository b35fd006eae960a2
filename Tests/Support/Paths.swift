import Foundation

/// Where the repository, its bundled data and the built tools are.
public enum Paths {
    /// The repository root (the folder holding Package.swift).
    public static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    /// A file in the bundled `geodata/`.
    public static func geodata(_ name: String) -> String { root.appendingPathComponent("geodata/\(name)").path }

    /// The built `placemap` binary beside the test bundle.
    public static var placemap: String {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for folder in [beside, Bundle.main.bundleURL, beside.deletingLastPathComponent()] {
            let candidate = folder.appendingPathComponent("placemap").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return root.appendingPathComponent(".build/debug/placemap").path
    }

    /// A new empty folder for one test's files.
    public static func temporaryFolder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("placemap-test-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `text` to `name` in a fresh folder and returns its path.
    public static func write(_ text: String, as name: String, in folder: URL? = nil) -> String {
        let folder = folder ?? temporaryFolder()
        let url = folder.appendingPathComponent(name)
        try? Data(text.utf8).write(to: url)
        return url.path
    }
}
