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
    /// Each reserved output's place in the order of reservation: the order the manifest lists them in.
    private var reservationOrder: [String: Int] = [:]
    private var staged: [Staged] = []
    /// The folder published whole (see ``FolderSet``), once a folder output is reserved.
    private var folderSet: FolderSet?
    /// A folder that cannot be swapped whole (see ``FolderSet/canSwap(_:)``), published file by file
    /// under its lock, and whether this run created it (removed again, when empty, on failure).
    private var inPlaceFolder: (path: String, created: Bool)?
    /// What writers changed that the user should hear about (e.g. Shapefile field names shortened).
    public internal(set) var warnings: [String] = []

    private enum Staged {
        case file(temporary: String, path: String, shown: String)
        case inPlace(bytes: [UInt8], target: OutputTarget, shown: String)
        /// Written in the folder set's staging folder, published with it.
        case inSet(path: String, shown: String)

        /// The output's name as the user gave it.
        var shown: String {
            switch self {
            case .file(_, _, let shown), .inPlace(_, _, let shown), .inSet(_, let shown): return shown
            }
        }
    }

    public init(policy: OutputPolicy) {
        self.policy = policy
        let stamp = ISO8601DateFormatter().string(from: Date())
        let nonce = UUID().uuidString.prefix(8).lowercased()
        self.runID = "\(stamp)-\(ProcessInfo.processInfo.processIdentifier)-\(nonce)"
    }

    deinit { discard() }

    /// Declares `folder` the folder this run publishes as one set: every output inside it is staged in
    /// a folder beside it and published at once by ``publish(manifestIn:command:)``, with one manifest.
    /// Checks that it can be a local folder (exit 64 for `PG:…` or a file); the folder itself is created
    /// only when the run succeeds.
    public func reserve(set folder: String) throws(PlacemapError) {
        try Self.checkFolderTarget(folder)
        if let folderSet {
            guard folderSet.contains(folder) else {
                throw PlacemapError(
                    .usage, file: folder, message: "a run publishes one folder, and \(folderSet.root) is already its folder",
                    hint: "write the outputs into one folder")
            }
            return
        }
        if inPlaceFolder != nil { return try Self.makeFolder(folder) }
        guard FolderSet.canSwap(folder) else {
            let created = !FileManager.default.fileExists(atPath: folder)
            try Self.makeFolder(folder)
            inPlaceFolder = (folder, created)
            return
        }
        folderSet = try FolderSet(folder)
    }

    /// Checks an output before the work starts (see ``OutputPolicy/check(_:replacesWholeFile:)``).
    @discardableResult
    public func reserve(_ path: String, replacesWholeFile: Bool = true) throws(PlacemapError) -> OutputTarget {
        // A layer of a GeoPackage is checked as its file, which takes it beside the layers it holds:
        // so that a file that is also an input is refused here, before any work.
        if let named = LayerWriter.geoPackageLayer(path) {
            _ = try reserve(named.file, replacesWholeFile: false)
            if !policy.overwrite, reserved[path] == nil, LayerWriter.geoPackage(named.file, hasLayer: named.layer) {
                throw PlacemapError(
                    .usage, file: named.file, message: "already has a layer \"\(named.layer)\"",
                    hint: "pass --overwrite to replace it, or name another layer (FILE.gpkg:LAYER)")
            }
        }
        if let t = reserved[path] { return t }
        let target = try policy.check(path, replacesWholeFile: replacesWholeFile)
        reserved[path] = target
        reservationOrder[path] = reservationOrder.count
        return target
    }

    /// Checks every file a folder output would hold, creating the folder when missing. A folder
    /// output is a local folder: a PostGIS connection or an existing file is a usage error (exit 64).
    public func reserve(folder: String, files: [String]) throws(PlacemapError) {
        try reserve(set: folder)
        for f in files { try reserve(Self.join(folder, f)) }
    }

    /// Checks a table output (`-o FILE` of a command that writes a CSV table) before any work: a name
    /// that says a layer format (`.gpkg`, `.fgb`, `.shp`, `.geojson`, `PG:…`) would get CSV text under
    /// it, so it is refused (exit 64) with the spelling that works.
    @discardableResult
    public func reserveTable(_ path: String) throws(PlacemapError) -> OutputTarget {
        // An input named as the output is said first: that is the graver mistake.
        let target = try reserve(path)
        let lower = path.lowercased()
        let format =
            lower.hasPrefix("pg:")
            ? "a PostGIS connection"
            : [(".gpkg", "a GeoPackage"), (".fgb", "a FlatGeobuf file"), (".shp", "a Shapefile"), (".geojson", "a GeoJSON file")]
                .first { lower.hasSuffix($0.0) || (lower.contains($0.0 + ":") && $0.0 == ".gpkg") }?.1
        if let format {
            throw PlacemapError(
                .usage, file: path, message: "names \(format), but this output is a CSV table",
                hint: "name a .csv file (e.g. -o \(Self.csvName(for: path))), or - for standard output; to put the table into "
                    + "\(format) afterwards, convert it with ogr2ogr (add -update for an existing GeoPackage)")
        }
        return target
    }

    /// `x.gpkg` or `x.gpkg:layer` → `x.csv`, for hints.
    static func csvName(for path: String) -> String {
        if path.lowercased().hasPrefix("pg:") { return "table.csv" }
        let file = LayerWriter.geoPackageLayer(path)?.file ?? path
        return URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent + ".csv"
    }

    /// Refuses (exit 64) a folder output that cannot be a local folder: a `PG:` connection (the
    /// command writes files, not tables), or a path where a file (not a folder) already is.
    static func checkFolderTarget(_ folder: String) throws(PlacemapError) {
        if folder.hasPrefix("PG:") || folder.hasPrefix("pg:") {
            throw PlacemapError(
                .usage, file: folder, message: "--out names a folder of files, and this is a PostGIS connection",
                hint:
                    "write the folder locally (e.g. --out results), then load its tables with ogr2ogr -f PostgreSQL \"PG:…\" results/places.gpkg; "
                    + "a single layer can go to PostGIS directly where a layer output is offered (e.g. overlap --pieces \"PG:…\")")
        }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), !isFolder.boolValue {
            throw PlacemapError(
                .usage, file: folder, message: "--out names a folder, and this is a file",
                hint: "choose a folder name (created when missing), or remove the file first")
        }
    }

    /// Stages `bytes` for `path`.
    public func add(_ bytes: [UInt8], to path: String) throws(PlacemapError) {
        let target = try reserve(path)
        switch target {
        case .standardOutput, .special:
            staged.append(.inPlace(bytes: bytes, target: target, shown: path))
        case .regular(let file, _):
            if let inSet = try stagedInSet(file) {
                try Self.writeNew(bytes, to: inSet, shown: path)
                staged.append(.inSet(path: file, shown: path))
                return
            }
            let temporary = try temporaryPath(for: file)
            try Self.writeNew(bytes, to: temporary, shown: path)
            staged.append(.file(temporary: temporary, path: file, shown: path))
        }
    }

    /// Where `file` is staged when it lies inside the folder set (its folders created there), else nil.
    private func stagedInSet(_ file: String) throws(PlacemapError) -> String? {
        guard let inSet = folderSet?.staged(file) else { return nil }
        try Self.makeFolder((inSet as NSString).deletingLastPathComponent)
        unlink(inSet)
        return inSet
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
        let inSet = try stagedInSet(file)
        let temporary: String
        if let inSet { temporary = inSet } else { temporary = try temporaryPath(for: file) }
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
            // The user named the output, not the temporary it was built in.
            var error = error
            if error.file == temporary { error.file = path }
            throw error
        }
        staged.append(inSet != nil ? .inSet(path: file, shown: path) : .file(temporary: temporary, path: file, shown: path))
    }

    /// Puts every staged file in place; with `folder`, under the folder's lock and with its manifest.
    public func publish(manifestIn folder: String? = nil, command: [String] = []) throws(PlacemapError) {
        staged = inReservationOrder(staged)
        if let folderSet { return try publish(folderSet, command: command) }
        let lock = try folder.map { (f: String) throws(PlacemapError) in try FolderLock(f) }
        defer { lock?.release() }
        // The existence check again, under the lock: a file found missing that another run has
        // published meanwhile is not replaced without --overwrite.
        if folder != nil, !policy.overwrite,
            let taken = staged.compactMap({ s -> String? in
                if case .file(_, let path, _) = s, reservedNew.contains(path), FolderSet.exists(path) { return path }
                return nil
            }).first
        {
            throw PlacemapError(
                .usage, file: taken, message: "was written by another run while this one worked; nothing of this run is published",
                hint: "run again into another --out, or pass --overwrite to replace it")
        }
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
            case .inSet:
                continue
            }
        }
        staged = []
        inPlaceFolder = nil
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

    /// Publishes the folder set (its manifest listing its files, written into it first) and then the
    /// files outside it.
    private func publish(_ set: FolderSet, command: [String]) throws(PlacemapError) {
        let inside = staged.compactMap { s -> (path: String, shown: String)? in
            if case .inSet(let path, let shown) = s { return (path, shown) } else { return nil }
        }
        let files: [JSONValue] = inside.map { f in
            let size = set.staged(f.path).flatMap { try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int }
            let relative = set.staged(f.path).map { String($0.dropFirst(set.staging.count + 1)) } ?? f.shown
            return .object(JSONObject([("path", .string(relative)), ("bytes", size.map { .number(Double($0)) } ?? .null)]))
        }
        let manifest = JSONObject([
            ("tool", .string("placemap")), ("run", .string(runID)), ("folder", .string(set.root)),
            ("command", .array(command.map(JSONValue.string))), ("files", .array(files)),
        ])
        try Self.writeNew(
            Array((JSONText.text(.object(manifest)) + "\n").utf8), to: Self.join(set.staging, Self.manifestName),
            shown: Self.join(set.root, Self.manifestName))
        let mustBeNew = policy.overwrite ? [] : reservedNew.filter { set.contains($0) }
        try set.publish(mustBeNew: mustBeNew)
        folderSet = nil
        staged.removeAll { if case .inSet = $0 { return true } else { return false } }
        try publish()
    }

    /// The staged files in the order their outputs were reserved, the unreserved last: files staged
    /// side by side (``add(writing:beside:)``) are published and listed as if staged one after the other.
    private func inReservationOrder(_ files: [Staged]) -> [Staged] {
        files.enumerated().sorted { x, y in
            (reservationOrder[x.element.shown] ?? Int.max, x.offset) < (reservationOrder[y.element.shown] ?? Int.max, y.offset)
        }.map(\.element)
    }

    /// The files reserved as missing, which the run may only create: without `--overwrite`, one that
    /// exists at publishing was written by another run meanwhile.
    private var reservedNew: Set<String> {
        Set(reserved.values.compactMap { if case .regular(let path, false) = $0 { return path } else { return nil } })
    }

    /// Removes staged temporaries and the staging folder (nothing is published).
    public func discard() {
        for s in staged { if case .file(let temporary, _, _) = s { unlink(temporary) } }
        staged = []
        folderSet?.discard()
        folderSet = nil
        if let folder = inPlaceFolder, folder.created {
            unlink(Self.join(folder.path, ".placemap.lock"))
            rmdir(folder.path)
        }
        inPlaceFolder = nil
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
            // A file, or the staging folder of a folder set (see ``FolderSet``).
            if kill(pid, 0) != 0 && errno == ESRCH { try? FileManager.default.removeItem(atPath: join(folder, name)) }
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
            fd = try openSpecial(path, shown: shown)
            name = shown
        case .regular:
            return
        }
        defer { if fd != 1 { close(fd) } }
        try writeAll(bytes, to: fd, shown: name)
    }

    /// Seconds a FIFO output waits for a reader: `PLACEMAP_FIFO_TIMEOUT`, else 60.
    static var fifoTimeout: Double {
        ProcessInfo.processInfo.environment["PLACEMAP_FIFO_TIMEOUT"].flatMap(Double.init).flatMap { $0 >= 0 ? $0 : nil } ?? 60
    }

    /// Opens a special file for writing. A FIFO is opened without blocking and retried until a reader
    /// has it open (`open` fails with ENXIO until then), for at most ``fifoTimeout`` seconds, so that a
    /// FIFO nobody reads is an I/O error (exit 74) instead of a run that never ends.
    static func openSpecial(_ path: String, shown: String) throws(PlacemapError) -> Int32 {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFIFO else {
            let fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
            guard fd >= 0 else { throw OutputTarget.systemError(shown, "cannot be opened for writing") }
            return fd
        }
        let timeout = fifoTimeout
        let start = Date()
        while true {
            let fd = open(path, O_WRONLY | O_NONBLOCK | O_CLOEXEC)
            if fd >= 0 {
                // Writes block again from here on, as a reader is there to take them.
                _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
                return fd
            }
            guard errno == ENXIO || errno == EINTR else { throw OutputTarget.systemError(shown, "cannot be opened for writing") }
            if Date().timeIntervalSince(start) >= timeout {
                throw PlacemapError(
                    .io, file: shown, message: "is a FIFO (named pipe) that no reader opened within \(Int(timeout.rounded())) s",
                    hint: "start the program that reads it first (e.g. cat \(shown) &), or set PLACEMAP_FIFO_TIMEOUT to wait longer")
            }
            usleep(20_000)
        }
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
