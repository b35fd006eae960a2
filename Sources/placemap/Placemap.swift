import ArgumentParser
import PlaceGeometry

@main
struct Placemap: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "placemap",
        abstract: "Place-based population and boundary mapping for England's health and care system.",
        discussion: """
            Run with no arguments to analyse the bundled England data (the `england` subcommand). Exit codes: 0 \
            success, 64 usage error, 65 bad input data, 74 I/O error.
            """,
        version: "placemap 0.1.0 (GEOS \(GEOSContext.geosVersion), PROJ \(CoordinateTransform.projVersion))",
        subcommands: [
            England.self, CoterminosityCommand.self, ContiguityCommand.self, CatchmentsCommand.self, DissolveCommand.self,
            Overlap.self, Lookup.self, Info.self, Validate.self,
        ],
        defaultSubcommand: England.self)
}
