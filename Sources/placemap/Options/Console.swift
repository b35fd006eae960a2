import Foundation
import PlaceAnalysis
import PlaceGeometry
import PlaceIO

/// What the tool says on stderr: notes, warnings and progress, silenced by `--quiet`.
enum Console {
    nonisolated(unsafe) static var quiet = false

    /// A line on stderr, unless quiet.
    static func note(_ text: String) {
        guard !quiet else { return }
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// A warning on stderr; warnings are shown even when quiet. Inside ``both(_:_:)`` it is held
    /// until both tasks are done.
    static func warning(_ text: String) {
        say("placemap: warning: \(text)\n")
    }

    /// Writes a warning line, or holds it when this thread runs a step of ``both(_:_:)``.
    private static func say(_ line: String) {
        if let held = Thread.current.threadDictionary[Held.key] as? Held {
            held.lines.append(line)
        } else {
            FileHandle.standardError.write(Data(line.utf8))
        }
    }

    /// Ends a run that succeeded: standard output flushed, exit status 0. The run's values are left to
    /// the system, which takes the memory back at once, rather than freed one by one (for a large run,
    /// tens of milliseconds). Called last by the commands whose runs hold the most (overlap, catchments).
    static func finish() -> Never {
        fflush(nil)
        Foundation.exit(0)
    }

    /// Runs two independent steps at once (``Parallel/both(_:_:)``), such as reading two inputs.
    /// The warnings each step says are held and said afterwards, the first step's first, so stderr
    /// reads as if they had run one after the other; when the first step fails, only its warnings.
    static func both<A, B>(_ first: @escaping () throws -> A, _ second: () throws -> B) throws -> (A, B) {
        let held = (Held(), Held())
        do {
            let results = try Parallel.both({ try held.0.holding(first) }, { try held.1.holding(second) })
            held.0.say()
            held.1.say()
            return results
        } catch {
            held.0.say()
            if !held.0.failed { held.1.say() }
            throw error
        }
    }

    /// Warnings held for one step of ``both(_:_:)``, kept in the running thread's dictionary.
    private final class Held: @unchecked Sendable {
        static let key = "placemap.console.held"
        var lines: [String] = []
        var failed = false

        func holding<T>(_ body: () throws -> T) throws -> T {
            let dictionary = Thread.current.threadDictionary
            let previous = dictionary[Self.key]
            dictionary[Self.key] = self
            defer { dictionary[Self.key] = previous }
            do { return try body() } catch {
                failed = true
                throw error
            }
        }

        /// Says the held lines (held again by an enclosing step, if any).
        func say() { for line in lines { Console.say(line) } }
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
