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
            Writes places.csv, pairs.csv, systems.csv, border.csv, places.geojson and places.gpkg (for a map) and \
            coterminosity.json (inputs, method, tolerance) into --out (default: coterminosity), and prints a summary. With \
            --blocks and --population the shares are by population, each block going wholly to the place and the system \
            holding most of its area (largest-share), and a place is split only where blocks of another system reach deeper \
            into it than the layers' misregistration (measured from the blocks, or --tolerance); shallower groups are border \
            uncertainty (border.csv), or undecidable when the misregistration is too large. Without them, by area, by the \
            same principle: a piece in another system counts only where it reaches deeper than the misregistration \
            measured from the pieces (or --tolerance). Blocks with people that a lookup or the attributes leave out are \
            exit 65 unless --allow-gaps.
            """)

    @Option(
        help: ArgumentHelp(
            "Places layer, e.g. council areas (any vector source placemap reads), or give --places-lookup.", valueName: "layer"))
    var places: String?
    @Option(help: ArgumentHelp("Systems layer, e.g. ICBs, or give --systems-lookup.", valueName: "layer")) var systems: String?
    @OptionGroup(title: "Places") var placesChoice: LayerChoice<Places>
    @OptionGroup(title: "Places as a block lookup (exact)") var placesLookup: LookupChoice<Places>
    @OptionGroup(title: "Systems") var systemsChoice: LayerChoice<Systems>
    @OptionGroup(title: "Systems as a block lookup (exact)") var systemsLookup: LookupChoice<Systems>
    @OptionGroup var sliver: SliverShare
    @OptionGroup var misregistration: ToleranceOption
    @Option(
        name: .customLong("decidable-limit"),
        help: ArgumentHelp("A tolerance above this many metres makes border groups undecidable.", valueName: "metres"))
    var decidableLimit: Double = InteriorEvidence.defaultDecidableLimit
    @Option(
        help: ArgumentHelp(
            "Scenario applied to the places and systems first (CSV: change,code,to_code,to_name, as `placemap scenario` reads); "
                + "needs both as block lookups.", valueName: "csv"))
    var scenario: String?
    @OptionGroup(title: "Population weighting") var weighting: WeightingOptions
    @OptionGroup(title: "Output") var output: FolderOutput

    func validate() throws {
        if scenario != nil, placesLookup.lookup == nil || systemsLookup.lookup == nil {
            throw ValidationError("--scenario needs the places and systems as block lookups (--places-lookup, --systems-lookup)")
        }
        if places == nil && placesLookup.lookup == nil {
            throw ValidationError("give --places (a layer) or --places-lookup (a block lookup)")
        }
        if systems == nil && systemsLookup.lookup == nil {
            throw ValidationError("give --systems (a layer) or --systems-lookup (a block lookup)")
        }
        try placesLookup.requireLookupForColumns()
        try systemsLookup.requireLookupForColumns()
        if (placesLookup.lookup != nil || systemsLookup.lookup != nil) && weighting.blocks == nil {
            throw ValidationError("a lookup needs the blocks it names: --blocks and --population")
        }
        guard decidableLimit.isFinite, decidableLimit > 0 else {
            throw ValidationError("--decidable-limit must be a positive number of metres")
        }
    }

    func run() throws {
        try reportingErrors {
            let folder = output.out ?? "coterminosity"
            // A scenario is applied (and a bad row reported) before anything is written.
            let early = try scenario.map { _ in try weighting.loadWithGaps() }
            let population = early?.population
            let groupings = try population.flatMap { try scenarioGroupings($0.blocks) }
            let outputs = output.flags.outputs(
                inputs: [places, systems, placesLookup.lookup, systemsLookup.lookup, scenario] + weighting.inputs)
            try outputs.reserve(folder: folder, files: FolderOutputs.coterminosity)
            let audited = [("places", places, placesLookup.lookup), ("systems", systems, systemsLookup.lookup)]
                .filter { $0.1 != nil && $0.2 != nil }.map { "\($0.0)_lookup_audit.csv" }
            try outputs.reserve(folder: folder, files: audited)
            var options = CoterminosityOptions()
            options.sliverShare = sliver.sliverShare
            (options.population, options.gaps) = try early ?? weighting.loadWithGaps()
            options.method = weighting.method ?? .largestShare
            options.tolerance = misregistration.tolerance
            options.decidableLimit = decidableLimit
            options.progress = Console.progress("coterminosity")
            var audits: [(String, LookupAudit)] = []
            /// A side from its lookup when given (checked against its layer when both are), else its layer.
            func side<R: InputRole>(
                _ path: String?, _ choice: LayerChoice<R>, _ lookup: LookupChoice<R>, after scenario: Grouping?
            ) throws -> AnalysisLayer {
                guard let population = options.population, let grouping = try lookup.grouping(of: population.blocks) else {
                    return try choice.analysisLayer(path ?? "")
                }
                let blocks = population.blocks
                if let gap = try weighting.gap(
                    CoverageGap(role: "\(R.prefix) lookup", source: grouping.source, uncovered: grouping.ungrouped, population: population))
                {
                    options.gaps.append(gap)
                }
                if let path {
                    let audit = try LookupAudit(
                        blocks: blocks, areas: choice.analysisLayer(path), lookup: grouping, tolerance: misregistration.tolerance)
                    audits.append((R.prefix, audit))
                }
                return try lookup.areas(scenario ?? grouping, blocks: blocks)
            }
            let result = try Coterminosity(
                places: side(places, placesChoice, placesLookup, after: groupings?.places),
                systems: side(systems, systemsChoice, systemsLookup, after: groupings?.systems), options: options)
            try outputs.add(result, folder: folder, placesStyle: QGISStyle.places)
            for (role, audit) in audits { try outputs.add(audit.table, to: OutputSet.join(folder, "\(role)_lookup_audit.csv")) }
            try outputs.publish(manifestIn: folder, command: CommandLine.arguments)
            for w in result.warnings { Console.warning("coterminosity: \(w)") }
            warnJoin(options.population)
            guard !Console.quiet else { return }
            print(result.summary)
            if !result.attributeSummary.isEmpty { print(result.attributeSummary) }
            for (role, audit) in audits {
                print("\(role): the lookup is used (exact); where the layer disagrees with it (\(role)_lookup_audit.csv):")
                print(audit.summary.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
            }
            print("  outputs: \(folder)/" + (FolderOutputs.coterminosity + audited).joined(separator: ", "))
        }
    }

    /// The places' and systems' lookups after the scenario.
    func scenarioGroupings(_ blocks: AnalysisLayer) throws -> (places: Grouping, systems: Grouping)? {
        guard let scenario, let p = try placesLookup.grouping(of: blocks), let s = try systemsLookup.grouping(of: blocks) else {
            return nil
        }
        let applied = try ScenarioApplication(
            Scenario(table: CSVReader.read(path: scenario)), places: Footprint(groups: p), upperTier: nil, systems: Footprint(groups: s),
            blockCodes: blocks.codes)
        return (applied.newPlaces.grouping(like: p), applied.newSystems.grouping(like: s))
    }
}
