import ArgumentParser
import Foundation
import PlaceAnalysis
import PlaceGeometry
import PlaceIO
import PlaceOutput

struct DissolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dissolve",
        abstract: "Build areas from building blocks (e.g. ICBs from LSOAs) with GEOS coverage union.",
        discussion: """
            Each block goes to the group the lookup gives it (or its own --by property without --lookup). Blocks \
            missing from the lookup and lookup rows with no block are reported, never dropped silently. Where \
            the blocks of a group are not a clean coverage, the group is built by unary union instead and the \
            overlapping block pairs are reported. The report goes beside the output (OUT.json).
            """)

    @Argument(help: "Building blocks (any vector source placemap reads), e.g. geodata/lsoa21_england.geojson.") var blocks: String
    @OptionGroup(title: "Blocks") var blocksChoice: LayerChoice<Blocks>
    @OptionGroup(title: "Groups") var groups: LookupChoice<OnlyLayer>
    @Option(help: ArgumentHelp("Numeric block property to sum per area (repeatable).", valueName: "field")) var sum: [String] = []
    @OptionGroup var population: PopulationTable
    @Option(
        name: .customLong("code-as"),
        help: ArgumentHelp("Name of the output code property (default: --by), e.g. ICB24CD.", valueName: "name"))
    var codeAs: String?
    @Option(
        name: .customLong("name-as"),
        help: ArgumentHelp("Name of the output name property (default: --by-name), e.g. ICB24NM.", valueName: "name"))
    var nameAs: String?
    @Option(
        name: [.short, .long],
        help: ArgumentHelp("Output layer: .geojson, .gpkg or FILE.gpkg:LAYER; the report goes beside it (.json).", valueName: "file"))
    var output: String
    @OptionGroup var layerOutput: LayerOutputChoice
    @OptionGroup var flags: WriteFlags

    func validate() throws {
        if groups.by == nil { throw ValidationError("dissolve needs --by: the group code column of --lookup, or a property of the blocks") }
    }

    func run() throws {
        try reportingErrors {
            let outputs = flags.outputs(inputs: [blocks, groups.lookup, population.population])
            try outputs.reserve(output)
            let report = sidecar(of: output) ?? output + ".json"
            try outputs.reserve(report)
            let blockLayer = try blocksChoice.analysisLayer(blocks)
            guard let grouping = try groups.grouping(of: blockLayer) else { return }
            let people = try population.population.map { path in try population.join(blockLayer, path: path) }
            let dissolved = try DissolveResult(
                blocks: blockLayer, grouping: grouping, sumFields: sum, population: people,
                progress: Console.progress("dissolve"))
            var result = dissolved.layer(codeField: codeAs, nameField: nameAs)
            // Layers built from blocks keep EPSG:27700 by default, so that they share their edges exactly.
            let keep = try layerOutput.keepsBritishNationalGrid(default: true)
            if !keep { result = try result.reprojected(to: .wgs84) }
            try outputs.add(
                result, to: output,
                options: LayerOutputOptions(keepBritishNationalGrid: keep, format: layerOutput.format, provenance: dissolved.report))
            try outputs.add(dissolved.report, to: report)
            try outputs.publish()
            for w in outputs.warnings { Console.warning(w) }
            note(dissolved.summary(output: output))
        }
    }
}
