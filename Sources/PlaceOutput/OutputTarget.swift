import Foundation
import PlaceIO

/// What an output path names once links are followed, and how it must be written.
public enum OutputTarget: Equatable, Sendable {
    /// `-`: standard output.
    case standardOutput
    /// A character device, FIFO or socket (e.g. `/dev/null`, a named pipe): written in place, never
    /// replaced by a regular file.
    case special(path: String)
    /// A regular file (existing or not), written to a temporary file beside it and renamed into place.
    /// `path` is the link target when the user named a symbolic link.
    case regular(path: String, exists: Bool)

    /// Resolves `path`: follows symbolic links to their final target (a dangling link names the file
    /// it points to) and classifies what is there.
    public static func resolve(_ path: String) throws(PlacemapError) -> OutputTarget {
        if path == "-" { return .standardOutput }
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0 else {
                if errno == ENOENT { return .regular(path: current, exists: false) }
                throw OutputTarget.systemError(current, "cannot be examined")
            }
            switch info.st_mode & S_IFMT {
            case S_IFLNK:
                current = try linkTarget(of: current)
            case S_IFREG:
                return .regular(path: current, exists: true)
            case S_IFDIR:
                throw PlacemapError(
                    .usage, file: path, message: "is a folder, not a file",
                    hint: "name a file inside it, or use --out for commands that write a folder")
            default:
                return .special(path: current)
            }
        }
        throw PlacemapError(.io, file: path, message: "has too many levels of symbolic links", hint: "check the link chain")
    }

    /// The file a symbolic link points to, made absolute against the link's folder.
    static func linkTarget(of link: String) throws(PlacemapError) -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink(link, &buffer, buffer.count - 1)
        guard n >= 0 else { throw systemError(link, "is a symbolic link that cannot be read") }
        let target = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if target.hasPrefix("/") { return target }
        return URL(fileURLWithPath: link).deletingLastPathComponent().appendingPathComponent(target).path
    }

    static func systemError(_ path: String, _ what: String) -> PlacemapError {
        PlacemapError(.io, file: path, message: "\(what): \(String(cString: strerror(errno)))", hint: "check the path and its permissions")
    }

    /// The file's identity (device and inode), when it exists.
    static func identity(of path: String) -> [UInt64]? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return [UInt64(info.st_dev), UInt64(info.st_ino)]
    }
}

/// How a run treats what is already at its output paths.
public struct OutputPolicy: Sendable {
    /// Replace existing outputs (files, or layers of a GeoPackage). Without it they are refused.
    public var overwrite: Bool
    /// Files this run reads: an output that is one of them is refused, whatever `overwrite` says.
    public var inputs: [String]

    public init(overwrite: Bool = false, inputs: [String] = []) {
        self.overwrite = overwrite
        self.inputs = inputs
    }

    /// Checks `path` before any work is done: refuses an existing file without `overwrite`, and any
    /// output that is also an input. `replacesWholeFile` is false for containers that take a new
    /// layer beside the ones they hold (GeoPackage), where the layer is checked when written.
    public func check(_ path: String, replacesWholeFile: Bool = true) throws(PlacemapError) -> OutputTarget {
        let target = try OutputTarget.resolve(path)
        guard case .regular(let file, let exists) = target else { return target }
        // Every file an input consists of (a Shapefile's companions, a GeoPackage's sidecars, a
        // File Geodatabase folder), existing or not, after links are resolved.
        if let input = inputs.first(where: { SourceFiles(Self.container($0)).contains(file) }) {
            throw PlacemapError(
                .usage, file: path, message: "is also an input of this run, or one of its files (\(input))",
                hint: "write the output to another file")
        }
        guard exists else { return target }
        if let id = OutputTarget.identity(of: file),
            let input = inputs.first(where: { OutputTarget.identity(of: Self.container($0)) == id })
        {
            throw PlacemapError(
                .usage, file: path, message: "is also an input of this run (\(input))", hint: "write the output to another file")
        }
        if replacesWholeFile && !overwrite {
            throw PlacemapError(
                .usage, file: path, message: "already exists", hint: "pass --overwrite to replace it, or choose another name")
        }
        return target
    }

    /// The file behind an input name: `FILE.gpkg:LAYER` → `FILE.gpkg`, `/vsizip/x.zip/…` → `x.zip`.
    static func container(_ input: String) -> String {
        if FileManager.default.fileExists(atPath: input) { return input }
        if let r = input.range(of: ".gpkg:", options: [.caseInsensitive, .backwards]) {
            return String(input[..<r.lowerBound]) + ".gpkg"
        }
        return input
    }
}
