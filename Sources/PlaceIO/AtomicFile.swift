import Foundation

/// Builds a file at a temporary path in the same folder, then renames it into place, so a failure never
/// leaves a half-written file. Only for writers that need a file name of their own (GeoPackage); every
/// command output goes through PlaceOutput's `OutputSet`.
public enum AtomicFile {
    /// Lets `fill` build the file at a temporary path beside `path`, then renames it into place; on
    /// any failure the temporary file is removed and `path` is left as it was.
    public static func write(to path: String, using fill: (_ temporary: String) throws(InputError) -> Void) throws(InputError) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw InputError(.io, file: path, message: "the folder \(folder.path) does not exist", hint: "create it first")
        }
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp").path
        try? FileManager.default.removeItem(atPath: temporary)
        do {
            try fill(temporary)
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
        // rename(2) replaces the target in one step.
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw InputError(.io, file: path, message: "cannot be written: \(reason)", hint: "check the path is not a folder")
        }
    }
}
