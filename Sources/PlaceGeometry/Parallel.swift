import Dispatch
import Foundation

/// Runs per-item GEOS work on every core, one `GEOSContext` per worker, results in item order.
public enum ParallelGEOS {
    /// The number of workers: `PLACEMAP_THREADS` when it is set to a positive whole number, else the
    /// active processor count. Results never depend on it (items are dealt out and gathered in order).
    public static let workerCount: Int = {
        if let text = ProcessInfo.processInfo.environment["PLACEMAP_THREADS"], let n = Int(text), n > 0 { return n }
        return max(1, ProcessInfo.processInfo.activeProcessorCount)
    }()

    /// Calls `body(context, i)` for i in 0..<count and returns the results in order. Each worker owns one
    /// context; items are dealt round-robin, so the output does not depend on timing.
    public static func map<T: Sendable, E: Error>(
        _ count: Int, workers: Int = ParallelGEOS.workerCount,
        _ body: @Sendable (GEOSContext, Int) throws(E) -> T
    ) throws(E) -> [T] {
        try map(count, workers: workers, state: { $0 }, body)
    }

    /// Like `map`, with per-worker state made once by `state` from the worker's context (for
    /// example a cache of GEOS geometries), which never leaves its worker.
    public static func map<T: Sendable, S, E: Error>(
        _ count: Int, workers: Int = ParallelGEOS.workerCount,
        state: @Sendable (GEOSContext) -> S,
        _ body: @Sendable (S, Int) throws(E) -> T
    ) throws(E) -> [T] {
        try Parallel.map(count, workers: workers, state: { state(GEOSContext()) }, body)
    }
}

/// Runs per-item work on every core with per-worker state (a GEOS context, a PROJ transform),
/// results in item order.
public enum Parallel {
    /// Calls `body(state, i)` for i in 0..<count; each worker makes its state once with `state`.
    /// Items are dealt round-robin, so the output does not depend on timing.
    public static func map<T: Sendable, S, E: Error>(
        _ count: Int, workers: Int = ParallelGEOS.workerCount,
        state: @Sendable () -> S,
        _ body: @Sendable (S, Int) throws(E) -> T
    ) throws(E) -> [T] {
        guard count > 0 else { return [] }
        let n = min(workers, count)
        let results = UnsafeMutableBufferPointer<Result<T, E>?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer {
            results.deinitialize()
            results.deallocate()
        }
        nonisolated(unsafe) let slots = results
        DispatchQueue.concurrentPerform(iterations: n) { worker in
            let local = state()
            var i = worker
            while i < count {
                do throws(E) { slots[i] = .success(try body(local, i)) } catch { slots[i] = .failure(error) }
                i += n
            }
        }
        var out: [T] = []
        out.reserveCapacity(count)
        // Every slot was filled: each index in 0..<count belongs to exactly one worker.
        for slot in results { if let slot { out.append(try slot.get()) } }
        return out
    }
}

extension Parallel {
    /// Runs two independent tasks at once, the first on a thread of its own and the second on the
    /// calling thread, and returns both results. When either throws, the first task's error wins, as
    /// if they had run one after the other. The tasks must not share mutable state; each may itself
    /// use `Parallel.map` at full width (a thread, not a dispatch worker: a `concurrentPerform`
    /// nested in another runs on one core).
    public static func both<A, B>(_ first: @escaping () throws -> A, _ second: () throws -> B) throws -> (A, B) {
        nonisolated(unsafe) let task = first
        nonisolated(unsafe) var a: Result<A, any Error> = .failure(CancellationError())
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            a = Result { try task() }
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
        let b = Result { try second() }
        done.wait()
        return (try a.get(), try b.get())
    }
}
