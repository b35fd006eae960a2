import ArgumentParser
import PlaceAnalysis
import PlaceIO
import PlaceMaps
import PlaceOutput

struct CoterminosityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coterminosity",
        abstract:
            "Which places (e.g. councils) lie wholly in one system (e.g. an ICB), which are split, and how many people sit on each side.",
        discussion: """
            Writes places.csv, pairs.csv, systems.csv, places.geojson and places.gpkg (for a map) and coterminosity.json \
            (inputs, method, tolerance) into --out (default: coterminosity), and prints a summary. With --blocks and --population the \
            shares are by population, each block going wholly to the place and the system holding most of its \
            area (largest-share), which stays right when places and systems come from differently generalised \
            boundary files; without them, by area.
            """)

    @Option(help: ArgumentHelp("Places layer, e.g. council areas (any vector source placemap reads).", valueName: "layer")) var places:
        String
    @Option(help: ArgumentHelp("Systems layer, e.g. ICBs.", valueName: "layer")) var systems: String
    @OptionGroup(title: "Places") var placesChoice: LayerChoice<Places>
    @OptionGroup(title: "Systems") var systemsChoice: LayerChoice<Systems>
    @Option(
        name: .customLong("sliver-share"),
        help: "Without population: overlaps below this share of a place's area are slivers. With population: those where nobody lives.")
    var sliverShare: Double = 0.005
    @OptionGroup(title: "Population weighting") var weighting: WeightingOptions
    @OptionGroup(title: "Output") var output: FolderOutput

    func validate() throws {
        guard (0..<1).contains(sliverShare) else { throw ValidationError("--sliver-share must be at least 0 and below 1") }
    }

    func run() throws {
        try reportingErrors {
            let folder = output.out ?? "coterminosity"
            let outputs = output.flags.outputs(inputs: [places, systems] + weighting.inputs)
            try outputs.reserve(folder: folder, files: FolderOutputs.coterminosity)
            var options = CoterminosityOptions()
            options.sliverShare = sliverShare
            options.population = try weighting.load()
            options.method = weighting.method ?? .largestShare
            options.progress = Console.progress("coterminosity")
            let result = try Coterminosity(
                places: placesChoice.analysisLayer(places), systems: systemsChoice.analysisLayer(systems), options: options)
            try outputs.add(result, folder: folder, placesStyle: QGISStyle.places)
            try outputs.publish(manifestIn: folder, command: CommandLine.arguments)
            guard !Console.quiet else { return }
            print(result.summary + joinReport(options.population))
            print("  outputs: \(folder)/" + FolderOutputs.coterminosity.joined(separator: ", "))
        }
    }
}
