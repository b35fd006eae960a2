import Foundation
import PlaceIO

/// A folder a run publishes whole: its new content is built in a staging folder beside it
/// (`.NAME.placemap-PID.tmp`) and swapped in with one `renameat2(2)`, so that at every moment the folder
/// holds one run's complete set, never files of two runs, and a failed run leaves nothing behind.
///
/// Publishing holds an exclusive `flock(2)` on the parent folder across the check and the rename: a file
/// this run found missing (and may not replace without `--overwrite`) that another run has published
/// meanwhile stops this run (exit 64) instead of being silently replaced. A new folder is renamed into
/// place with `RENAME_NOREPLACE`; an existing one is exchanged (`RENAME_EXCHANGE`) after the files of
/// its own that this run does not write (a user's notes, other layers' folders) have been linked into
/// the staging folder, and the old content is then removed.
final class FolderSet {
    /// The folder as published (links resolved).
    let root: String
    /// Where the new content is built.
    let staging: String
    /// Folders created on the way to `root` (removed again, when empty, if nothing is published).
    private var createdParents: [String] = []

    init(_ folder: String) throws(PlacemapError) {
        let path = SourceFiles.realPath(folder)
        root = path
        let parent = (path as NSString).deletingLastPathComponent
        var missing: [String] = []
        var ancestor = parent
        while !ancestor.isEmpty, ancestor != "/", !FileManager.default.fileExists(atPath: ancestor) {
            missing.append(ancestor)
            ancestor = (ancestor as NSString).deletingLastPathComponent
        }
        try OutputSet.makeFolder(parent)
        createdParents = missing
        OutputSet.removeStaleTemporaries(in: parent)
        let name = (path as NSString).lastPathComponent
        var n = 0
        var candidate: String
        repeat {
            candidate = OutputSet.join(parent, ".\(name).placemap-\(getpid())\(n == 0 ? "" : "-\(n)").tmp")
            n += 1
        } while FileManager.default.fileExists(atPath: candidate)
        staging = candidate
        guard mkdir(staging, 0o755) == 0 else { throw OutputTarget.systemError(staging, "cannot be created") }
    }

    /// Whether `folder` can be built beside itself and swapped in: not the working folder or one above it
    /// (a shell there would be left in the old, removed folder), not a mount point (a rename cannot move
    /// it), and in a parent this process may write. Otherwise its files are published one by one.
    static func canSwap(_ folder: String) -> Bool {
        let root = SourceFiles.realPath(folder)
        let working = SourceFiles.realPath(FileManager.default.currentDirectoryPath)
        if root == "/" || working == root || working.hasPrefix(root + "/") { return false }
        var parent = (root as NSString).deletingLastPathComponent
        while !parent.isEmpty, parent != "/", !exists(parent) { parent = (parent as NSString).deletingLastPathComponent }
        guard access(parent, W_OK) == 0 else { return false }
        var here = stat()
        var above = stat()
        if stat(root, &here) == 0, stat(parent, &above) == 0, here.st_dev != above.st_dev { return false }
        return true
    }

    /// The staged path of `path` when it lies inside the folder (links resolved), else nil.
    func staged(_ path: String) -> String? {
        let real = SourceFiles.realPath(path)
        if real == root { return staging }
        guard real.hasPrefix(root + "/") else { return nil }
        return staging + real.dropFirst(root.count)
    }

    /// Whether `path` lies inside the folder.
    func contains(_ path: String) -> Bool { staged(path) != nil }

    /// Publishes the staged folder: under the parent's lock, refuses when any of `mustBeNew` (paths
    /// inside the folder that did not exist when reserved) exists now, then renames or exchanges.
    func publish(mustBeNew: [String]) throws(PlacemapError) {
        let parent = (root as NSString).deletingLastPathComponent
        let lock = try FolderLock(directory: parent)
        defer { lock.release() }
        if let taken = mustBeNew.first(where: { Self.exists($0) }) {
            throw PlacemapError(
                .usage, file: taken, message: "was written by another run while this one worked; nothing of this run is published",
                hint: "run again into another --out, or pass --overwrite to replace it")
        }
        var info = stat()
        guard lstat(root, &info) == 0 else {
            try Self.rename(staging, root, flags: Self.noReplace)
            createdParents = []
            return
        }
        chmod(staging, info.st_mode & 0o7777)
        try carryOver(from: root, to: staging)
        try Self.rename(staging, root, flags: Self.exchange)
        // The old content is now at the staging path.
        try? FileManager.default.removeItem(atPath: staging)
        createdParents = []
    }

    /// Removes the staging folder and the folders created for it (nothing is published).
    func discard() {
        try? FileManager.default.removeItem(atPath: staging)
        for folder in createdParents { rmdir(folder) }
        createdParents = []
    }

    /// Links (or copies, across devices) every entry of `old` that the new content does not have into
    /// it, so that exchanging the two keeps what this run does not write. Old manifests are left out: the
    /// folder has one, this run's.
    private func carryOver(from old: String, to new: String) throws(PlacemapError) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: old) else { return }
        for name in names where name != OutputSet.manifestName && name != ".placemap.lock" && !Self.isTemporary(name) {
            let from = OutputSet.join(old, name)
            let to = OutputSet.join(new, name)
            var info = stat()
            guard lstat(from, &info) == 0 else { continue }
            var there = stat()
            let present = lstat(to, &there) == 0
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                if !present { guard mkdir(to, info.st_mode & 0o7777) == 0 else { throw OutputTarget.systemError(to, "cannot be created") } }
                if !present || there.st_mode & S_IFMT == S_IFDIR { try carryOver(from: from, to: to) }
            case S_IFLNK where !present:
                let target = try OutputTarget.linkTarget(of: from)
                guard symlink(target, to) == 0 else { throw OutputTarget.systemError(to, "cannot be linked") }
            case S_IFREG where !present:
                if link(from, to) != 0 {
                    do {
                        try FileManager.default.copyItem(atPath: from, toPath: to)
                    } catch {
                        throw PlacemapError(
                            .io, file: from, message: "cannot be kept in the new folder: \(error.localizedDescription)",
                            hint: "check the folder is writable and has space")
                    }
                }
            default:
                continue
            }
        }
    }

    /// `.NAME.placemap-PID….tmp` (or `.parts`): a file or folder being written by some run.
    static func isTemporary(_ name: String) -> Bool {
        name.hasPrefix(".") && name.contains(".placemap-") && (name.hasSuffix(".tmp") || name.hasSuffix(".parts"))
    }

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    static let noReplace: UInt32 = 1  // RENAME_NOREPLACE
    static let exchange: UInt32 = 2  // RENAME_EXCHANGE

    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    /// glibc's `renameat2` (2.28 and later), looked up at run time: Swift's Glibc module does not
    /// declare it.
    private static let renameat2: RenameAt2? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2").map {
        unsafeBitCast($0, to: RenameAt2.self)
    }

    /// Renames `from` to `to` with `renameat2` flags. Where the file system or C library lacks them
    /// (EINVAL, ENOSYS) it falls back to what the lock still makes safe between placemap runs: a plain
    /// rename onto a missing path, or two renames for an exchange.
    static func rename(_ from: String, _ to: String, flags: UInt32) throws(PlacemapError) {
        if let renameat2 {
            if renameat2(AT_FDCWD, from, AT_FDCWD, to, flags) == 0 { return }
            if errno == EEXIST || errno == ENOTEMPTY {
                throw PlacemapError(
                    .usage, file: to, message: "was created by another program while this run worked; nothing of this run is published",
                    hint: "run again into another --out, or pass --overwrite")
            }
            guard errno == EINVAL || errno == ENOSYS else { throw OutputTarget.systemError(to, "cannot be published") }
        }
        if flags == exchange {
            let aside = from + ".old"
            guard Glibc.rename(to, aside) == 0 else { throw OutputTarget.systemError(to, "cannot be published") }
            guard Glibc.rename(from, to) == 0 else {
                let failure = OutputTarget.systemError(to, "cannot be published")
                _ = Glibc.rename(aside, to)
                throw failure
            }
            guard Glibc.rename(aside, from) == 0 else { throw OutputTarget.systemError(from, "cannot be removed") }
            return
        }
        guard Glibc.rename(from, to) == 0 else { throw OutputTarget.systemError(to, "cannot be published") }
    }
}
