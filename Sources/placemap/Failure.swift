import ArgumentParser
import Foundation
import PlaceGeometry
import PlaceIO

/// Runs a command body, turning `PlacemapError`s (and GEOS/PROJ errors that escape) into a message on
/// stderr and a sysexits exit code.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as PlacemapError {
        FileHandle.standardError.write(Data("placemap: error: \(error)\n".utf8))
        throw ExitCode(error.exitCode)
    } catch let error as GeometryError {
        FileHandle.standardError.write(Data("placemap: error: \(error)\n".utf8))
        throw ExitCode(65)
    }
}

/// Writes a line to stderr, unless `--quiet`.
func note(_ text: String) { Console.note(text) }
