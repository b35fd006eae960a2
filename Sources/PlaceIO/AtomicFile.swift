import Foundation

/// Writes files all at once: to a temporary file in the same folder, then renamed into place,
/// so a failure never leaves a half-written output.
public enum AtomicFile {
    public static func write(_ bytes: [UInt8], to path: String) throws(InputError) {
        try write(to: path) { (temporary: String) throws(InputError) in
            do {
                try Data(bytes).write(to: URL(fileURLWithPath: temporary))
            } catch {
                throw InputError(
                    .io, file: path, message: "cannot be written: \(error.localizedDescription)",
                    hint: "check the folder is writable and has space")
            }
        }
    }

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

    /// Creates an output folder (and its parents) when missing.
    public static func makeFolder(_ path: String) throws(InputError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw InputError(
                .io, file: path, message: "the output folder cannot be created: \(error.localizedDescription)",
                hint: "check the path and its permissions")
        }
    }

    public static func write(_ text: String, to path: String) throws(InputError) {
        try write(Array(text.utf8), to: path)
    }
}
