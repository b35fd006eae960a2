import ArgumentParser
import PlaceAnalysis
import PlaceIO
import PlaceMaps
import PlaceOutput

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "What changed between two footprints (e.g. ICB 2022 and ICB 2024), for which people; or what a proposed merger would do.",
        discussion: """
            OLD and NEW are each a block lookup (.csv: block code → area code and name; exact, no geometry) or polygons \
            (any layer placemap reads; each block goes wholly to the area holding most of its area). Both are compared \
            over the same --blocks with --population. Areas are matched by footprint (people in common), never by \
            code: a recoded area is `recoded` (or `grown`/`shrunk`), not gone and new. Instead of NEW, --scenario \
            builds a proposed footprint from OLD (the file of `placemap scenario`; its move-place and merge-place rows \
            name --places); --merge and --reassign are its older, deprecated spellings. Writes moves.csv (people and blocks per old × new area), \
            areas.csv (each area's fate), with --places also places.csv and systems.csv (coterminosity before and \
            after), changed_blocks.geojson and .gpkg (for a map) and diff.json into --out (default: diff), and prints \
            a summary. With --attributes (e.g. residents by age band), moves.csv, places.csv and systems.csv carry their \
            columns, areas.csv each count kept, gained and lost, and the summary each count that moved; every block needs \
            a row. --report FILE also writes the HTML page of the diff (before/after maps, fates, moves), the page \
            placemap report makes of the --out folder. Bad data (blocks missing from a lookup or the population, an unknown, repeated or unassigned \
            code in a scenario file) exits 65 naming the file, row and code.
            """)

    @Argument(help: ArgumentHelp("The current or earlier footprint: a block lookup (.csv) or a polygon layer.", valueName: "old"))
    var old: String
    @Argument(help: ArgumentHelp("The later footprint (omit with --scenario).", valueName: "new"))
    var new: String?

    @OptionGroup(title: "OLD") var oldChoice: LayerChoice<OldFootprint>
    @OptionGroup(title: "OLD as a block lookup (.csv)") var oldColumns: LookupColumns<OldFootprint>
    @OptionGroup(title: "NEW") var newChoice: LayerChoice<NewFootprint>
    @OptionGroup(title: "NEW as a block lookup (.csv)") var newColumns: LookupColumns<NewFootprint>

    @Option(
        help: ArgumentHelp(
            "Places (e.g. councils, as polygons) for coterminosity before and after, or give --places-lookup.", valueName: "layer"))
    var places: String?
    @OptionGroup(title: "Places") var placesChoice: LayerChoice<Places>
    @OptionGroup(title: "Places as a block lookup (exact)") var placesLookup: LookupChoice<Places>

    @Option(
        help: ArgumentHelp(
            "Scenario applied to OLD instead of NEW (CSV: change,code,to_code,to_name, as `placemap scenario` reads).", valueName: "csv"))
    var scenario: String?
    @Option(
        help: ArgumentHelp(
            "Deprecated (use --scenario with merge-system rows): CSV of system code, proposed code, proposed name (every system of OLD).",
            valueName: "csv"))
    var merge: String?
    @Option(
        help: ArgumentHelp(
            "Deprecated (use --scenario with move-block rows): CSV of block code, system code[, system name] (after --merge).",
            valueName: "csv"))
    var reassign: String?

    @OptionGroup(title: "Population weighting") var weighting: WeightingOptions
    @OptionGroup(title: "Output") var output: FolderOutput
    @OptionGroup(title: "Output") var page: ReportOutput

    func validate() throws {
        guard weighting.blocks != nil else {
            throw ValidationError("diff needs --blocks and --population (the blocks both footprints are drawn on)")
        }
        let proposal = scenario != nil || merge != nil || reassign != nil
        if new != nil, proposal { throw ValidationError("give NEW or a scenario (--scenario), not both") }
        if !proposal, new == nil { throw ValidationError("give NEW, or a scenario with --scenario") }
        if scenario != nil, merge != nil || reassign != nil {
            throw ValidationError("give --scenario or the deprecated --merge/--reassign, not both (put their rows in the scenario file)")
        }
        if places != nil, placesLookup.lookup != nil { throw ValidationError("give --places or --places-lookup, not both") }
        if let places, places.lowercased().hasSuffix(".csv") { Deprecation.warn("--places with a lookup (.csv)", use: "--places-lookup") }
        try weighting.requireLargestShare(in: "diff")
    }

    func run() throws {
        try reportingErrors {
            let folder = output.out ?? "diff"
            let placesPath = placesLookup.lookup ?? places
            let outputs = output.flags.outputs(inputs: [old, new, placesPath, scenario, merge, reassign] + weighting.inputs)
            try outputs.reserve(folder: folder, files: FolderOutputs.diff(places: placesPath != nil))
            if let file = page.report { try outputs.reserve(file) }
            guard let population = try weighting.load() else { return }
            try population.requireEveryBlockPopulated()
            let blocks = population.blocks
            let before = try FootprintInput(choice: oldChoice, columns: oldColumns).read(old, blocks: blocks)
            var placesFootprint = try placesPath.map {
                try FootprintInput(choice: placesChoice, columns: placesLookup.columns).read($0, blocks: blocks)
            }
            var after: Footprint
            if let new {
                after = try FootprintInput(choice: newChoice, columns: newColumns).read(new, blocks: blocks)
            } else if let scenario {
                let applied = try ScenarioApplication(
                    Scenario(table: CSVReader.read(path: scenario)), places: placesFootprint ?? .none(blocks: blocks.count), upperTier: nil,
                    systems: before, blockCodes: blocks.codes)
                after = applied.newSystems
                if placesFootprint != nil { placesFootprint = applied.newPlaces }
            } else {
                note("diff: --merge and --reassign are deprecated: use --scenario (merge-system and move-block rows)")
                after = before
                if let merge { after = try after.merging(CSVReader.read(path: merge)) }
                if let reassign { after = try after.reassigning(CSVReader.read(path: reassign), blocks: blocks) }
            }
            for w in before.nameWarnings + (new != nil ? after.nameWarnings : []) + (placesFootprint?.nameWarnings ?? []) {
                Console.warning(w)
            }
            let diff = try FootprintDiff(old: before, new: after, population: population)
            let coterminosity = try placesFootprint.map { try FootprintCoterminosity(places: $0, diff: diff) }
            try outputs.add(diff, coterminosity: coterminosity, folder: folder)
            if let file = page.report {
                try outputs.add(HTMLReport(ReportContent(diff, coterminosity: coterminosity, folder: folder)).bytes, to: file)
            }
            try outputs.publish(manifestIn: folder, command: CommandLine.arguments)
            warnJoin(population)
            guard !Console.quiet else { return }
            print(diff.summary)
            if !diff.attributeSummary.isEmpty { print(diff.attributeSummary) }
            if let coterminosity { print(coterminosity.summary) }
            print("  outputs: \(folder)/" + FolderOutputs.diff(places: placesPath != nil).joined(separator: ", "))
            if let file = page.report { print("  report: \(file)") }
        }
    }
}
