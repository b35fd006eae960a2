import Foundation

/// Reading whole input files, with I/O failures turned into `PlacemapError`.
enum FileData {
    static func read(_ path: String) throws(PlacemapError) -> [UInt8] { [UInt8](try mapped(path)) }

    /// The file mapped into memory, not copied (`Data` with `.alwaysMapped`).
    static func mapped(_ path: String) throws(PlacemapError) -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw PlacemapError(.io, file: path, message: "no such file", hint: "check the path")
        }
        guard !isDirectory.boolValue else { throw PlacemapError(.io, file: path, message: "is a folder, not a file") }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        } catch {
            throw PlacemapError(.io, file: path, message: "cannot be read: \(error.localizedDescription)", hint: "check its permissions")
        }
    }
}
