import ArgumentParser
import PlaceAnalysis
import PlaceIO

struct CoterminosityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coterminosity",
        abstract:
            "Which places (e.g. councils) lie wholly in one system (e.g. an ICB), which are split, and how many people sit on each side.",
        discussion: """
            Writes places.csv, pairs.csv, systems.csv, places.geojson and places.gpkg (for a map) and coterminosity.json \
            (inputs, method, tolerance) into --out, and prints a summary. With --blocks and --population the \
            shares are by population, each block going wholly to the place and the system holding most of its \
            area (largest-share), which stays right when places and systems come from differently generalised \
            boundary files; without them, by area.
            """)

    @Option(help: "Places layer (GeoJSON), e.g. council areas.") var places: String
    @Option(help: "Systems layer (GeoJSON), e.g. ICBs.") var systems: String
    @Option(name: .customLong("places-code"), help: "Property of the places holding codes (detected when omitted).") var placesCode: String?
    @Option(name: .customLong("places-name"), help: "Property of the places holding names.") var placesName: String?
    @Option(name: .customLong("systems-code"), help: "Property of the systems holding codes.") var systemsCode: String?
    @Option(name: .customLong("systems-name"), help: "Property of the systems holding names.") var systemsName: String?
    @Option(
        name: .customLong("sliver-share"),
        help: "Without population: overlaps below this share of a place's area are slivers. With population: those where nobody lives.")
    var sliverShare: Double = 0.005
    @Option(help: "Output folder.") var out: String = "coterminosity"
    @OptionGroup var population: PopulationOptions

    func validate() throws {
        guard (0..<1).contains(sliverShare) else { throw ValidationError("--sliver-share must be at least 0 and below 1") }
    }

    func run() throws {
        try reportingErrors {
            var options = CoterminosityOptions()
            options.sliverShare = sliverShare
            options.population = try population.load()
            options.method = population.method ?? .largestShare
            options.progress = progressLine("coterminosity")
            let result = try Coterminosity(
                places: FieldChoice(code: placesCode, name: placesName).analysisLayer(places),
                systems: FieldChoice(code: systemsCode, name: systemsName).analysisLayer(systems), options: options)
            try result.write(to: out)
            print(result.summary + joinReport(options.population))
            print("  outputs: \(out)/places.csv, pairs.csv, systems.csv, places.geojson, places.gpkg, coterminosity.json")
        }
    }
}
