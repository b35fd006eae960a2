import Foundation

/// Writes files all at once: to a temporary file in the same folder, then renamed into place,
/// so a failure never leaves a half-written output.
public enum AtomicFile {
    public static func write(_ bytes: [UInt8], to path: String) throws(InputError) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw InputError(.io, file: path, message: "the folder \(folder.path) does not exist", hint: "create it first")
        }
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try Data(bytes).write(to: temporary)
            if FileManager.default.fileExists(atPath: path) {
                _ = try FileManager.default.replaceItemAt(url, withItemAt: temporary)
            } else {
                try FileManager.default.moveItem(at: temporary, to: url)
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw InputError(.io, file: path, message: "cannot be written: \(error.localizedDescription)",
                             hint: "check the folder exists and is writable")
        }
    }

    public static func write(_ text: String, to path: String) throws(InputError) {
        try write(Array(text.utf8), to: path)
    }
}
