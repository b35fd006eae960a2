import Foundation

/// The outcome of running a command.
public struct RunResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

/// Runs an executable with arguments, waiting for it and capturing its output.
public func run(
    _ executable: String, _ arguments: [String], in folder: URL? = nil, environment: [String: String]? = nil,
    replacingEnvironment: [String: String]? = nil
) throws -> RunResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let folder { process.currentDirectoryURL = folder }
    if let environment { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
    if let replacingEnvironment { process.environment = replacingEnvironment }
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Read both pipes before waiting, so a large output cannot block the child.
    nonisolated(unsafe) var errData = Data()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
        errData = err.fileHandleForReading.readDataToEndOfFile()
        group.leave()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return RunResult(
        status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
        stderr: String(decoding: errData, as: UTF8.self))
}

/// Runs the built `placemap` binary.
public func placemap(_ arguments: String..., in folder: URL? = nil) throws -> RunResult {
    try run(Paths.placemap, arguments, in: folder)
}

/// Runs the built `placemap` binary with an argument list.
public func placemap(_ arguments: [String], in folder: URL? = nil) throws -> RunResult {
    try run(Paths.placemap, arguments, in: folder)
}
