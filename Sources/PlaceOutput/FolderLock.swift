import Foundation
import PlaceIO

/// An exclusive `flock(2)` on `FOLDER/.placemap.lock`, held while a run publishes into the folder.
final class FolderLock {
    private var fd: Int32

    init(_ folder: String) throws(PlacemapError) {
        let path = OutputSet.join(folder, ".placemap.lock")
        fd = open(path, O_RDWR | O_CREAT, 0o644)
        guard fd >= 0 else { throw OutputTarget.systemError(path, "cannot be created") }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else {
                close(fd)
                fd = -1
                throw OutputTarget.systemError(path, "cannot be locked")
            }
        }
    }

    func release() {
        guard fd >= 0 else { return }
        flock(fd, LOCK_UN)
        close(fd)
        fd = -1
    }

    deinit { release() }
}
