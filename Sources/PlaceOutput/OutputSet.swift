import Foundation
import PlaceIO

/// The files of one run, staged as temporaries beside their targets and published together.
///
/// Nothing is replaced until ``publish(manifestIn:)``: a failure (or a kill) before then leaves every
/// old output as it was, and the temporaries are removed (or, after a kill, by the next run). Publishing
/// into a folder holds a lock on it, removes the folder's manifest, renames every file into place and
/// writes a new manifest (`placemap-run.json`) last, so that two runs never mix their files and a
/// folder without a manifest is known to be incomplete.
public final class OutputSet {
    public static let manifestName = "placemap-run.json"

    public let policy: OutputPolicy
    /// Names the run in the manifest and in temporary file names.
    public let runID: String
    private var reserved: [String: OutputTarget] = [:]
    private var staged: [Staged] = []
    /// What writers changed that the user should hear about (e.g. Shapefile field names shortened).
    public internal(set) var warnings: [String] = []

    private enum Staged {
        case file(temporary: String, path: String, shown: String)
        case inPlace(bytes: [UInt8], target: OutputTarget, shown: String)
    }

    public init(policy: OutputPolicy) {
        self.policy = policy
        let stamp = ISO8601DateFormatter().string(from: Date())
        let nonce = UUID().uuidString.prefix(8).lowercased()
        self.runID = "\(stamp)-\(ProcessInfo.processInfo.processIdentifier)-\(nonce)"
    }

    deinit { discard() }

    /// Checks an output before the work starts (see ``OutputPolicy/check(_:replacesWholeFile:)``).
    @discardableResult
    public func reserve(_ path: String, replacesWholeFile: Bool = true) throws(PlacemapError) -> OutputTarget {
        if let t = reserved[path] { return t }
        let target = try policy.check(path, replacesWholeFile: replacesWholeFile)
        reserved[path] = target
        return target
    }

    /// Checks every file a folder output would hold, creating the folder when missing.
    public func reserve(folder: String, files: [String]) throws(PlacemapError) {
        try Self.makeFolder(folder)
        for f in files { try reserve(Self.join(folder, f)) }
    }

    /// Stages `bytes` for `path`.
    public func add(_ bytes: [UInt8], to path: String) throws(PlacemapError) {
        let target = try reserve(path)
        switch target {
        case .standardOutput, .special:
            staged.append(.inPlace(bytes: bytes, target: target, shown: path))
        case .regular(let file, _):
            let temporary = try temporaryPath(for: file)
            try Self.writeNew(bytes, to: temporary, shown: path)
            staged.append(.file(temporary: temporary, path: file, shown: path))
        }
    }

    public func add(_ text: String, to path: String) throws(PlacemapError) { try add(Array(text.utf8), to: path) }

    /// Stages a file that `fill` builds at a temporary path (for writers that need a file name, such as
    /// OGR's). With `startFromExisting` the temporary starts as a copy of the current file, so that a
    /// GeoPackage keeps its other layers.
    public func add(
        to path: String, startFromExisting: Bool = false, fill: (_ temporary: String) throws(PlacemapError) -> Void
    ) throws(PlacemapError) {
        let target = try reserve(path, replacesWholeFile: !startFromExisting)
        guard case .regular(let file, let exists) = target else {
            throw PlacemapError(
                .usage, file: path, message: "this format cannot be written to standard output or a special file",
                hint: "name a regular file")
        }
        let temporary = try temporaryPath(for: file)
        do throws(PlacemapError) {
            if startFromExisting && exists {
                do {
                    try FileManager.default.copyItem(atPath: file, toPath: temporary)
                } catch {
                    throw PlacemapError(
                        .io, file: path, message: "cannot be copied for update: \(error.localizedDescription)",
                        hint: "check the folder is writable and has space")
                }
            }
            try fill(temporary)
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
        staged.append(.file(temporary: temporary, path: file, shown: path))
    }

    /// Puts every staged file in place; with `folder`, under the folder's lock and with its manifest.
    public func publish(manifestIn folder: String? = nil, command: [String] = []) throws(PlacemapError) {
        let lock = try folder.map { (f: String) throws(PlacemapError) in try FolderLock(f) }
        defer { lock?.release() }
        if let folder { try? FileManager.default.removeItem(atPath: Self.join(folder, Self.manifestName)) }
        var files: [JSONValue] = []
        for s in staged {
            switch s {
            case .file(let temporary, let path, let shown):
                guard rename(temporary, path) == 0 else {
                    throw PlacemapError(
                        .io, file: shown, message: "cannot be written: \(String(cString: strerror(errno)))",
                        hint: "check the folder is writable")
                }
                let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
                files.append(.object(JSONObject([("path", .string(shown)), ("bytes", size.map { .number(Double($0)) } ?? .null)])))
            case .inPlace(let bytes, let target, let shown):
                try Self.writeInPlace(bytes, to: target, shown: shown)
            }
        }
        staged = []
        guard let folder else { return }
        let manifest = JSONObject([
            ("tool", .string("placemap")), ("run", .string(runID)),
            ("command", .array(command.map(JSONValue.string))), ("files", .array(files)),
        ])
        let path = Self.join(folder, Self.manifestName)
        let temporary = try temporaryPath(for: path)
        try Self.writeNew(Array((JSONText.text(.object(manifest)) + "\n").utf8), to: temporary, shown: path)
        guard rename(temporary, path) == 0 else {
            try? FileManager.default.removeItem(atPath: temporary)
            throw PlacemapError(
                .io, file: path, message: "cannot be written: \(String(cString: strerror(errno)))", hint: "check the folder")
        }
    }

    /// Removes staged temporaries (nothing is published).
    public func discard() {
        for s in staged { if case .file(let temporary, _, _) = s { unlink(temporary) } }
        staged = []
    }

    /// `.NAME.placemap-PID.tmp` beside `file`; temporaries left by killed runs in that folder are removed.
    private func temporaryPath(for file: String) throws(PlacemapError) -> String {
        let url = URL(fileURLWithPath: file)
        let folder = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw PlacemapError(.io, file: file, message: "the folder \(folder) does not exist", hint: "create it first")
        }
        Self.removeStaleTemporaries(in: folder)
        var n = 0
        while true {
            let name = ".\(url.lastPathComponent).placemap-\(getpid())\(n == 0 ? "" : "-\(n)").tmp"
            let path = Self.join(folder, name)
            if !FileManager.default.fileExists(atPath: path) && !stagedPaths.contains(path) { return path }
            n += 1
        }
    }

    private var stagedPaths: Set<String> {
        Set(staged.compactMap { if case .file(let t, _, _) = $0 { return t } else { return nil } })
    }

    /// Removes `.*.placemap-PID[-n].tmp` files whose process is gone.
    static func removeStaleTemporaries(in folder: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(".") && name.hasSuffix(".tmp") {
            guard let r = name.range(of: ".placemap-", options: .backwards) else { continue }
            let digits = name[r.upperBound...].prefix { $0.isNumber }
            guard let pid = Int32(digits), pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { unlink(join(folder, name)) }
        }
    }

    /// Creates `temporary` and writes `bytes` to it, flushed to the disk before it is renamed into
    /// place; on failure it is removed and the error names `shown` with the system's message.
    static func writeNew(_ bytes: [UInt8], to temporary: String, shown: String) throws(PlacemapError) {
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw OutputTarget.systemError(shown, "cannot be written") }
        do throws(PlacemapError) {
            try writeAll(bytes, to: fd, shown: shown)
            guard fsync(fd) == 0 else { throw OutputTarget.systemError(shown, "cannot be written") }
        } catch {
            close(fd)
            unlink(temporary)
            throw error
        }
        guard close(fd) == 0 else {
            let failure = OutputTarget.systemError(shown, "cannot be written")
            unlink(temporary)
            throw failure
        }
    }

    /// Writes every byte to `fd`, retrying interrupted and short writes.
    static func writeAll(_ bytes: [UInt8], to fd: Int32, shown: String) throws(PlacemapError) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw PlacemapError(
                    .io, file: shown, message: "cannot be written: \(String(cString: strerror(errno)))",
                    hint: "check the disk has space and the reader is still there")
            }
            offset += n
        }
    }

    /// Writes to standard output or a special file, checking every write (a full disk or a closed pipe
    /// is an error, not a silent loss).
    static func writeInPlace(_ bytes: [UInt8], to target: OutputTarget, shown: String) throws(PlacemapError) {
        let fd: Int32
        let name: String
        switch target {
        case .standardOutput:
            fd = 1
            name = "standard output"
        case .special(let path):
            fd = open(path, O_WRONLY | O_APPEND)
            name = shown
            guard fd >= 0 else { throw OutputTarget.systemError(shown, "cannot be opened for writing") }
        case .regular:
            return
        }
        defer { if fd != 1 { close(fd) } }
        try writeAll(bytes, to: fd, shown: name)
    }

    public static func makeFolder(_ path: String) throws(PlacemapError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw PlacemapError(
                .io, file: path, message: "the output folder cannot be created: \(error.localizedDescription)",
                hint: "check the path and its permissions")
        }
    }

    public static func join(_ folder: String, _ name: String) -> String {
        URL(fileURLWithPath: folder).appendingPathComponent(name).path
    }
}
