import Foundation
import PlaceAnalysis
import PlaceIO

/// What the tool says on stderr: notes, warnings and progress, silenced by `--quiet`.
enum Console {
    nonisolated(unsafe) static var quiet = false

    /// A line on stderr, unless quiet.
    static func note(_ text: String) {
        guard !quiet else { return }
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// A warning on stderr; warnings are shown even when quiet.
    static func warning(_ text: String) {
        FileHandle.standardError.write(Data("placemap: warning: \(text)\n".utf8))
    }

    /// The reader's warnings about a layer.
    static func warn(_ layer: Layer) {
        for w in layer.warnings { warning("\(layer.source): \(w)") }
    }

    /// A progress line on stderr when stderr is a terminal and not quiet; nothing otherwise.
    static func progress(_ label: String) -> ProgressHandler? {
        guard !quiet, isatty(2) == 1 else { return nil }
        return { done, total in
            guard done == total || done % 500 == 0 else { return }
            let text = "\r\(label): \(done)/\(total)" + (done == total ? "\n" : "")
            FileHandle.standardError.write(Data(text.utf8))
        }
    }
}
