import Dispatch
import Foundation
import PlaceGeometry
import Testing

/// `Parallel.both`: two tasks at once, results and errors as if one after the other.
@Suite struct ParallelTests {
    struct Failure: Error, Equatable { var name: String }

    @Test func bothRunsTheTwoTasksAtOnce() throws {
        // The first task waits for a signal only the second gives: run one after the other, the
        // first would time out.
        let signal = DispatchSemaphore(value: 0)
        let (waited, given) = try Parallel.both(
            { signal.wait(timeout: .now() + 20) == .success },
            {
                signal.signal()
                return "given"
            })
        #expect(waited)
        #expect(given == "given")
    }

    @Test func theFirstTasksErrorWinsAsIfRunInOrder() {
        #expect(throws: Failure(name: "first")) {
            try Parallel.both({ () throws -> Int in throw Failure(name: "first") }, { () throws -> Int in throw Failure(name: "second") })
        }
        #expect(throws: Failure(name: "second")) {
            try Parallel.both({ 1 }, { () throws -> Int in throw Failure(name: "second") })
        }
        #expect(throws: Failure(name: "first")) {
            try Parallel.both({ () throws -> Int in throw Failure(name: "first") }, { 2 })
        }
    }

    @Test func eachTaskMayMapOnEveryWorker() throws {
        let (a, b) = try Parallel.both(
            { Parallel.map(1000, state: {}) { _, i in i * i } }, { Parallel.map(1000, state: {}) { _, i in i + 1 } })
        #expect(a == (0..<1000).map { $0 * $0 })
        #expect(b == Array(1...1000))
    }
}
