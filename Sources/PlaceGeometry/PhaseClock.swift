import Foundation

/// Wall and CPU seconds of a run's phases, printed to standard error when `PLACEMAP_PHASES` is set
/// (for finding the serial parts of a command: a phase whose CPU/wall ratio is near 1 uses one core).
public enum PhaseClock {
    /// Whether phases are timed: `PLACEMAP_PHASES` is set in the environment.
    public static let enabled = ProcessInfo.processInfo.environment["PLACEMAP_PHASES"] != nil

    /// Runs `body`; when timing, prints `phase NAME wall W s cpu C s (C/W cores)` after it.
    public static func time<T, E: Error>(_ name: String, _ body: () throws(E) -> T) throws(E) -> T {
        guard enabled else { return try body() }
        let wall = Date()
        let cpu = processCPUSeconds()
        let value = try body()
        let w = Date().timeIntervalSince(wall)
        let c = processCPUSeconds() - cpu
        let line = String(format: "phase %-28@ wall %.3f s cpu %.3f s (%.2f cores)\n", name as NSString, w, c, w > 0 ? c / w : 0)
        FileHandle.standardError.write(Data(line.utf8))
        return value
    }

    /// User plus system CPU seconds of the whole process so far.
    public static func processCPUSeconds() -> Double {
        var usage = rusage()
        guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return 0 }
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
