import ArgumentParser
import Foundation
import PlaceAnalysis
import PlaceIO
import PlaceMaps
import PlaceOutput

/// `placemap explore`: the scenario explorer page.
struct ExploreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explore",
        abstract:
            "One self-contained HTML page where a scenario of councils and ICBs is built by clicking, every figure recomputed at once.",
        discussion: """
            With no arguments it uses the bundled England data: LSOA 2021 blocks, census 2021 people and ages, \
            LAD 2024 councils (geodata/lookup_lsoa21_lad24.csv), UTLA 2023 upper tier (geodata/lookup_lad23_utla23.csv) \
            and ICB 2024 systems (geodata/lookup_lsoa21_sicbl24_icb24.csv). The page moves councils between systems, \
            merges systems and merges districts into unitaries; it recomputes the split councils, each system's people, \
            65+ share and contiguity, and the design checks, exactly as `placemap scenario` does on the CSV it downloads. \
            It loads a scenario from its address: explore.html#scenario= followed by the URL-encoded CSV.
            """)

    @Option(
        name: [.customShort("o"), .customLong("output")],
        help: ArgumentHelp("The HTML file to write (default: explore.html).", valueName: "file"))
    var output: String?
    @Option(help: ArgumentHelp("Title of the page.", valueName: "text")) var title: String?

    @OptionGroup(title: "Places (lower tier)") var places: LookupChoice<Places>
    @OptionGroup(title: "Upper tier") var uppers: UpperTierLookup
    @OptionGroup(title: "Systems") var systems: LookupChoice<Systems>
    @OptionGroup(title: "Population weighting") var weighting: WeightingOptions
    @OptionGroup(title: "Output") var flags: WriteFlags

    func validate() throws {
        if (places.lookup == nil) != (systems.lookup == nil) {
            throw ValidationError("give both --places-lookup and --systems-lookup, or neither (the bundled England lookups)")
        }
        if places.lookup != nil, weighting.blocks == nil { throw ValidationError("--places-lookup needs --blocks and --population") }
        if uppers.lookup != nil, places.lookup == nil { throw ValidationError("--upper-lookup needs --places-lookup") }
    }

    func run() throws {
        try reportingErrors {
            let html = output ?? "explore.html"
            let inputs = [places.lookup, systems.lookup, uppers.lookup] + weighting.inputs
            let outputs = flags.outputs(inputs: inputs)
            try outputs.reserve(html)
            let atoms: ScenarioAtoms
            if let custom = try weighting.load() {
                let graph = try ContiguityGraph(custom.blocks, progress: Console.progress("contiguity"))
                guard let placeGrouping = try places.grouping(of: custom.blocks),
                    let systemGrouping = try systems.grouping(of: custom.blocks)
                else { throw ValidationError("--blocks needs --places-lookup and --systems-lookup") }
                let upperGrouping = try uppers.grouping(through: placeGrouping) ?? placeGrouping
                atoms = try ScenarioAtoms(
                    places: placeGrouping, uppers: upperGrouping, systems: systemGrouping, population: custom, graph: graph,
                    geographies: (
                        LayerFields(code: placeGrouping.field, name: nil).prefix, LayerFields(code: upperGrouping.field, name: nil).prefix,
                        LayerFields(code: systemGrouping.field, name: nil).prefix
                    ), progress: Console.progress("atoms"))
            } else {
                atoms = try Self.england()
            }
            let page = ExplorerPage(atoms, title: title ?? ExplorerPage.defaultTitle)
            try outputs.add(page.bytes, to: html)
            try outputs.publish()
            if !Console.quiet { print("explorer: \(html) (\(page.bytes.count / 1024) KB, \(atoms.atoms.count) atoms)") }
        }
    }

    /// The atoms of the bundled England data.
    static func england() throws -> ScenarioAtoms {
        let folder = try DataFolder.folder()
        let population = try EnglandJob.readPopulation(folder, blocks: EnglandJob.readBlocks(folder))
        let graph = try ContiguityGraph(population.blocks, progress: Console.progress("contiguity"))
        return try EnglandJob.atoms(folder, population: population, graph: graph, progress: Console.progress("atoms"))
    }
}

extension UpperTierLookup {
    /// The upper tier of each block, through its place (the lookup's place column defaults to its first
    /// code column, the upper-tier column to its next, as in `placemap scenario`); nil when not asked for.
    func grouping(through places: Grouping) throws -> Grouping? {
        guard let lookup, !none else { return nil }
        let table = try CSVReader.read(path: lookup)
        let codes = table.header.filter { $0.lowercased().hasSuffix("_code") || $0.uppercased().hasSuffix("CD") }
        guard let from = placeCode ?? codes.first, let to = by ?? codes.first(where: { $0 != from }) else {
            throw ValidationError("\(lookup): name its place and upper-tier code columns with --upper-lookup-code and --upper-by")
        }
        return try places.through(table, codeColumn: from, groupColumn: to, nameColumn: byName)
    }
}
