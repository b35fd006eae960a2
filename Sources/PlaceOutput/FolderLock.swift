import Foundation
import PlaceIO

/// An exclusive `flock(2)` on `FOLDER/.placemap.lock` (or on a folder itself), held while a run publishes.
final class FolderLock {
    private var fd: Int32

    init(_ folder: String) throws(PlacemapError) {
        let path = OutputSet.join(folder, ".placemap.lock")
        fd = try Self.locked(path, flags: O_RDWR | O_CREAT, "cannot be created")
    }

    /// An exclusive lock on the folder itself (Linux locks a folder opened read-only), held while a run
    /// renames a folder set into it; nothing is created.
    init(directory: String) throws(PlacemapError) {
        fd = try Self.locked(directory, flags: O_RDONLY | O_DIRECTORY, "cannot be opened to lock it")
    }

    /// Opens `path` and waits for an exclusive lock on it; the descriptor is closed on failure.
    private static func locked(_ path: String, flags: Int32, _ failure: String) throws(PlacemapError) -> Int32 {
        let fd = open(path, flags | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw OutputTarget.systemError(path, failure) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else {
                let error = OutputTarget.systemError(path, "cannot be locked")
                close(fd)
                throw error
            }
        }
        return fd
    }

    func release() {
        guard fd >= 0 else { return }
        flock(fd, LOCK_UN)
        close(fd)
        fd = -1
    }

    deinit { release() }
}
