import ArgumentParser
import Foundation
import PlaceGeometry
import PlaceIO

@main
struct Placemap: ParsableCommand {
    /// Refuses to run against GEOS or PROJ releases other than those it was built for (exit 69), with
    /// a message instead of a crash deep inside a call whose behaviour changed.
    static func main() {
        if let mismatch = LibraryVersions.mismatch {
            FileHandle.standardError.write(
                Data("placemap: error: \(mismatch)\n  hint: rebuild placemap (scripts/install) against the installed libraries\n".utf8))
            Foundation.exit(69)
        }
        let arguments = Offline.strip(Array(CommandLine.arguments.dropFirst()))
        UnknownOptions.check(arguments, root: Self.self)
        Self.main(arguments)
    }

    static let configuration = CommandConfiguration(
        commandName: "placemap",
        abstract: "Place-based population and boundary mapping for England's health and care system.",
        discussion: """
            Run with no arguments to analyse the bundled England data (the `england` subcommand). Exit codes: 0 \
            success, 64 usage error, 65 bad input data, 69 GEOS or PROJ is not the release placemap was built for, \
            74 I/O error. The bundled data is found in $PLACEMAP_DATA, ./geodata, PREFIX/share/placemap/geodata \
            beside the installed binary, or the source tree it was built in. Any layer may be an http(s):// URL \
            (downloaded once into ~/.cache/placemap, or $XDG_CACHE_HOME/placemap, and revalidated by ETag) or a \
            file inside a zip (archive.zip/dir/file.shp); --offline, anywhere on the command line, forbids downloads.
            """,
        version: PackageInfo.version(
            "placemap 0.1.0 (\(LibraryVersions.running), GDAL \(GDALVersion.running); built for GEOS \(LibraryVersions.geosBuilt), PROJ \(LibraryVersions.projBuilt))"
        ),
        subcommands: [
            EnglandCommand.self, CoterminosityCommand.self, DiffCommand.self, ScenarioCommand.self, ContiguityCommand.self,
            CatchmentsCommand.self, ReportCommand.self, ExploreCommand.self,
            DissolveCommand.self,
            OverlapCommand.self, LookupCommand.self, InfoCommand.self, ValidateCommand.self,
        ],
        defaultSubcommand: EnglandCommand.self)
}
