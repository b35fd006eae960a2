import Foundation
import PlaceAnalysis

/// A progress line on stderr when stderr is a terminal; nothing otherwise.
func progressLine(_ label: String) -> ProgressHandler? {
    guard isatty(2) == 1 else { return nil }
    return { done, total in
        guard done == total || done % 500 == 0 else { return }
        let text = "\r\(label): \(done)/\(total)" + (done == total ? "\n" : "")
        FileHandle.standardError.write(Data(text.utf8))
    }
}
