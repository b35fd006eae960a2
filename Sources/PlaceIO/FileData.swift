import Foundation

/// Reading whole input files, with I/O failures turned into `InputError`.
enum FileData {
    static func read(_ path: String) throws(InputError) -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(.io, file: path, message: "no such file", hint: "check the path")
        }
        guard !isDirectory.boolValue else { throw InputError(.io, file: path, message: "is a folder, not a file") }
        do {
            return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped))
        } catch {
            throw InputError(.io, file: path, message: "cannot be read: \(error.localizedDescription)", hint: "check its permissions")
        }
    }
}
