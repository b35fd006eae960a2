import Foundation

/// An independent Python toolchain (Shapely, pyproj, GeoPandas) in its own venv, used as a test oracle.
///
/// `scripts/oracle-venv` creates the venv on first use. Outside CI, tests that need it are skipped
/// with a message when it cannot be set up; in CI (`CI` set) they fail instead.
public enum Oracle {
    /// The venv's python, or nil with the reason it could not be set up.
    public static let python: (path: String?, reason: String) = {
        let script = Paths.root.appendingPathComponent("scripts/oracle-venv").path
        guard let result = try? PlaceTestSupport.run("/bin/bash", [script]) else { return (nil, "cannot run scripts/oracle-venv") }
        let path = result.stdout.split(separator: "\n").last.map(String.init) ?? ""
        if result.status == 0, FileManager.default.isExecutableFile(atPath: path) { return (path, "") }
        return (nil, "scripts/oracle-venv failed: " + result.stderr.suffix(400))
    }()

    /// True when the oracle can run, or when in CI (so that a missing oracle fails instead of skipping).
    public static var shouldRun: Bool { python.path != nil || ProcessInfo.processInfo.environment["CI"] != nil }

    /// Runs `Tests/oracle/<script>` with arguments and returns its stdout.
    public static func output(of script: String, _ arguments: [String]) throws -> String {
        guard let python = python.path else { throw OracleError(message: python.reason) }
        let result = try PlaceTestSupport.run(python, [Paths.root.appendingPathComponent("Tests/oracle/\(script)").path] + arguments)
        guard result.status == 0 else { throw OracleError(message: "\(script) failed: \(result.stderr.suffix(1000))") }
        return result.stdout
    }
}

public struct OracleError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
