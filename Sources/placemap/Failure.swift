import ArgumentParser
import Foundation
import PlaceIO

/// Runs a command body, turning `InputError`s into a message on stderr and a sysexits exit code.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as InputError {
        FileHandle.standardError.write(Data("placemap: error: \(error)\n".utf8))
        throw ExitCode(error.exitCode)
    }
}

/// Writes a line to stderr.
func note(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
