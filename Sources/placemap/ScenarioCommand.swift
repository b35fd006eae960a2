import ArgumentParser
import PlaceAnalysis
import PlaceIO
import PlaceOutput

/// `--upper-lookup CSV` with `--upper-lookup-code`, `--upper-by`, `--upper-by-name`: the upper tier of
/// places (e.g. counties and unitaries) as a lookup keyed by the places' codes, not by blocks.
struct UpperTierLookup: ParsableArguments {
    @Option(
        name: .customLong("upper-lookup"),
        help: ArgumentHelp(
            "Upper tier as a place lookup (CSV: place code → upper-tier code and name; default with the bundled places: "
                + "geodata/lookup_lad23_utla23.csv).", valueName: "csv"))
    var lookup: String?
    @Option(
        name: .customLong("upper-lookup-code"),
        help: ArgumentHelp("Place code column of that lookup (default: its first code column).", valueName: "column"))
    var placeCode: String?
    @Option(
        name: .customLong("upper-by"), help: ArgumentHelp("Upper-tier code column (default: its next code column).", valueName: "column"))
    var by: String?
    @Option(
        name: .customLong("upper-by-name"),
        help: ArgumentHelp("Upper-tier name column (default: the partner of the code column).", valueName: "column"))
    var byName: String?
    @Flag(name: .customLong("no-upper-tier"), help: "No upper tier (places of one tier only).") var none = false

    func validate() throws {
        if lookup == nil, placeCode != nil || by != nil || byName != nil {
            throw ValidationError("--upper-lookup-code, --upper-by and --upper-by-name need --upper-lookup")
        }
        if none, lookup != nil { throw ValidationError("give --upper-lookup or --no-upper-tier, not both") }
    }
}

struct ScenarioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenario",
        abstract: "What a proposal would do: systems merged, councils and blocks moved, districts merged into unitaries.",
        discussion: """
            FILE is a scenario (CSV: change,code,to_code,to_name; changes merge-system, move-place, move-block, \
            merge-place; rows apply in order, a later row wins for a block an earlier row moved). With no other \
            arguments it runs on the bundled England data: LSOA 2021 blocks, census 2021 usual residents and age \
            bands, LAD 2024 districts, UTLA 2023 upper-tier councils and ICB 2024 systems, all from ONS lookups \
            (exact). Writes into --out (default: scenario): summary.json and summary.txt (printed), scenario.csv, \
            systems.csv (each system after: people, 65+, whole places, pieces), overrides.csv, lower-tier/ and \
            upper-tier/ places.csv, pairs.csv and border.csv (coterminosity after), diff/ (the systems today → after, with the \
            districts before and after) and contiguity/ (pieces of the systems after; rook: blocks sharing a border, not \
            only a corner). A bad row (unknown change or code, \
            empty code, a code named twice by one change, a to_code with two names, a new area without a name) \
            exits 65 naming the file, line and code, and nothing is written.
            """)

    @Argument(help: ArgumentHelp("The scenario file (CSV: change,code,to_code,to_name).", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("Places layer (default: the bundled LAD 2024 districts), or give --places-lookup.", valueName: "layer"))
    var places: String?
    @OptionGroup(title: "Places") var placesChoice: LayerChoice<Places>
    @OptionGroup(title: "Places as a block lookup (exact)") var placesLookup: LookupChoice<Places>
    @OptionGroup(title: "Upper tier") var upper: UpperTierLookup
    @Option(help: ArgumentHelp("Systems layer (default: the bundled ICB 2024), or give --systems-lookup.", valueName: "layer"))
    var systems: String?
    @OptionGroup(title: "Systems") var systemsChoice: LayerChoice<Systems>
    @OptionGroup(title: "Systems as a block lookup (exact)") var systemsLookup: LookupChoice<Systems>
    @OptionGroup(title: "Population weighting") var weighting: WeightingOptions
    @OptionGroup(title: "Output") var output: FolderOutput

    func validate() throws {
        if places != nil, placesLookup.lookup != nil { throw ValidationError("give --places or --places-lookup, not both") }
        if systems != nil, systemsLookup.lookup != nil { throw ValidationError("give --systems or --systems-lookup, not both") }
        try placesLookup.requireLookupForColumns()
        try systemsLookup.requireLookupForColumns()
        try weighting.requireLargestShare(in: "scenario")
    }

    func run() throws {
        try reportingErrors {
            let folder = output.out ?? "scenario"
            let bundledPlaces = places == nil && placesLookup.lookup == nil
            // Read the file first: a bad row is reported before the data is loaded.
            let scenario = try Scenario(table: CSVReader.read(path: file))
            let population = try loadPopulation()
            let blocks = population.blocks
            let placesFootprint = try footprint(
                places, placesChoice, placesLookup, blocks: blocks, bundled: ("lookup_lsoa21_lad24.csv", "ltla24_code"))
            let systemsFootprint = try footprint(
                systems, systemsChoice, systemsLookup, blocks: blocks, bundled: ("lookup_lsoa21_sicbl24_icb24.csv", "icb24_code"))
            let upperTier = try upperFootprint(placesFootprint, bundledPlaces: bundledPlaces)
            let application = try ScenarioApplication(
                scenario, places: placesFootprint, upperTier: upperTier, systems: systemsFootprint, blockCodes: blocks.codes)
            let analysis = try ScenarioAnalysis(application, population: population)
            let outputs = output.flags.outputs(
                inputs: [file, places, systems, placesLookup.lookup, systemsLookup.lookup, upper.lookup] + weighting.inputs)
            let files = FolderOutputs.scenario(upperTier: upperTier != nil)
            for sub in ["", "lower-tier", "upper-tier", "diff", "contiguity"] {
                let inside = files.filter { sub.isEmpty ? !$0.contains("/") : $0.hasPrefix(sub + "/") }
                guard !inside.isEmpty else { continue }
                try outputs.reserve(
                    folder: sub.isEmpty ? folder : OutputSet.join(folder, sub),
                    files: inside.map { sub.isEmpty ? $0 : String($0.dropFirst(sub.count + 1)) })
            }
            try outputs.add(analysis, folder: folder)
            try outputs.publish(manifestIn: folder, command: CommandLine.arguments)
            warnJoin(population)
            guard !Console.quiet else { return }
            print(analysis.summary)
            print(
                "  outputs: \(folder)/ (summary.json, summary.txt, systems.csv, lower-tier/, \(upperTier != nil ? "upper-tier/, " : "")diff/, contiguity/)"
            )
        }
    }

    /// The blocks and their population (with the census age bands when bundled).
    func loadPopulation() throws -> PopulationBlocks {
        if let p = try weighting.load() {
            try p.requireEveryBlockPopulated()
            return p
        }
        let layer = try GeoJSONReader.read(path: DataFolder.path("lsoa21_england.geojson"))
        let blocks = try AnalysisLayer(layer, fields: LayerFields.detect(in: layer))
        var population = try PopulationBlocks(
            blocks: blocks, table: CSVReader.read(path: DataFolder.path("census21_population_lsoa21.csv")))
        try population.attach(CSVReader.read(path: DataFolder.path("census21_age_lsoa21.csv")), kind: .counts)
        return population
    }

    /// A side as a footprint: its block lookup, its layer (largest share of each block), or the bundled lookup.
    func footprint<R: InputRole>(
        _ path: String?, _ choice: LayerChoice<R>, _ lookup: LookupChoice<R>, blocks: AnalysisLayer, bundled: (String, String)
    ) throws -> Footprint {
        if let table = lookup.lookup {
            return try Footprint(
                lookup: CSVReader.read(path: table), blocks: blocks, blockColumn: lookup.blockCode, codeColumn: lookup.by,
                nameColumn: lookup.byName)
        }
        if let path {
            return try Footprint(layer: choice.analysisLayer(path), blocks: blocks, progress: Console.progress("blocks in \(path)"))
        }
        return try Footprint(lookup: CSVReader.read(path: DataFolder.path(bundled.0)), blocks: blocks, codeColumn: bundled.1)
    }

    /// The upper tier: --upper-lookup, the bundled LAD 2023 → UTLA 2023 lookup with the bundled places, or none.
    func upperFootprint(_ places: Footprint, bundledPlaces: Bool) throws -> Footprint? {
        if upper.none { return nil }
        if let path = upper.lookup {
            return try Footprint(
                grouping: places, lookup: CSVReader.read(path: path), placeColumn: upper.placeCode, codeColumn: upper.by,
                nameColumn: upper.byName)
        }
        guard bundledPlaces else { return nil }
        return try Footprint(
            grouping: places, lookup: CSVReader.read(path: DataFolder.path("lookup_lad23_utla23.csv")), placeColumn: "ltla23_code",
            codeColumn: "utla23_code", nameColumn: "utla23_name")
    }
}
