import Foundation

/// Every file a source consists of, with links resolved, so that no output lands on any of them:
/// a Shapefile's companions (`.shp`, `.shx`, `.dbf`, `.prj`, `.cpg`, `.qix`, …, whether they exist
/// yet or not: a new `.cpg` or `.qix` would change how the layer reads), a GeoPackage's `-wal`,
/// `-shm` and `-journal`, and everything inside a folder source (a File Geodatabase).
struct SourceFiles {
    /// Real paths of the files.
    var files: Set<String> = []
    /// Real paths of folders whose whole content belongs to the source.
    var folders: [String] = []

    static let shapefileCompanions = ["shp", "shx", "dbf", "prj", "cpg", "qix", "sbn", "sbx", "fix", "qmd", "shp.xml"]
    static let sqliteSidecars = ["-wal", "-shm", "-journal"]

    /// The files of the source named `input` (a path as the user gave it, after `FILE:LAYER` is
    /// reduced to the file).
    init(_ input: String) {
        guard !input.hasPrefix("PG:"), !input.hasPrefix("/vsi") else { return }
        let real = Self.realPath(input)
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: real, isDirectory: &isFolder), isFolder.boolValue {
            folders.append(real)
            return
        }
        files.insert(real)
        let url = URL(fileURLWithPath: real)
        let lower = url.lastPathComponent.lowercased()
        if let ext = Self.shapefileCompanions.first(where: { lower.hasSuffix("." + $0) }) {
            let stem = String(url.lastPathComponent.dropLast(ext.count + 1))
            let folder = url.deletingLastPathComponent().path
            for companion in Self.shapefileCompanions {
                files.insert(Self.join(folder, stem + "." + companion).lowercased())
            }
        }
        for sidecar in Self.sqliteSidecars { files.insert(real + sidecar) }
    }

    /// Whether the output at `path` (links resolved) is one of the source's files or inside its folder.
    func contains(_ path: String) -> Bool {
        let real = Self.realPath(path)
        if files.contains(real) || files.contains(real.lowercased()) { return true }
        return folders.contains { real == $0 || real.hasPrefix($0 + "/") }
    }

    /// `path` with every link resolved: the whole path when it exists, else its folder's real path
    /// and its name (`realpath(3)`).
    static func realPath(_ path: String) -> String {
        if let resolved = resolved(path) { return resolved }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        guard folder != path, let parent = resolved(folder) else { return url.standardizedFileURL.path }
        return join(parent, url.lastPathComponent)
    }

    private static func resolved(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    private static func join(_ folder: String, _ name: String) -> String { folder == "/" ? "/" + name : folder + "/" + name }
}
