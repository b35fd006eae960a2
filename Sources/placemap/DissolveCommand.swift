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
    @Option(help: ArgumentHelp("Lookup CSV from block code to group.", valueName: "csv")) var lookup: String?
    @Option(
        name: .customLong("lookup-code"),
        help: ArgumentHelp("Block code column of the lookup (default: named like the blocks' code field).", valueName: "column"))
    var lookupCode: String?
    @Option(
        help: ArgumentHelp(
            "Group code column of the lookup (or property of the blocks without --lookup), e.g. icb24_code.", valueName: "field"))
    var by: String
    @Option(
        name: .customLong("by-name"),
        help: ArgumentHelp("Group name column (default: the partner of --by, e.g. icb24_name).", valueName: "field"))
    var byName: String?
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

    func run() throws {
        try reportingErrors {
            let outputs = flags.outputs(inputs: [blocks, lookup, population.population])
            try outputs.reserve(output)
            let report = sidecar(of: output) ?? output + ".json"
            try outputs.reserve(report)
            let blockLayer = try blocksChoice.analysisLayer(blocks)
            let grouping =
                try lookup.map { path in
                    try Grouping.lookup(
                        CSVReader.read(path: path), codeColumn: lookupCode, groupColumn: by, nameColumn: byName, for: blockLayer)
                } ?? Grouping.property(by, of: blockLayer, nameField: byName)
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
            note(summary(dissolved))
        }
    }

    func summary(_ o: DissolveResult) -> String {
        let unary = o.areas.filter { $0.method != "coverage union" }
        var lines = ["dissolve: \(o.areas.count) areas from \(o.blocks.count) blocks → \(output)"]
        lines.append("  coverage union: \(o.areas.count - unary.count); unary union (blocks not a clean coverage): \(unary.count)")
        let pairs = o.areas.flatMap(\.overlappingBlocks)
        if !pairs.isEmpty { lines.append("  overlapping block pairs: \(pairs.count), \(fmt(pairs.reduce(0) { $0 + $1.area })) m²") }
        if !o.areaOverlaps.isEmpty {
            lines.append(
                "  output areas overlapping each other: \(o.areaOverlaps.count) pairs, \(fmt(o.areaOverlaps.reduce(0) { $0 + $1.area })) m²"
            )
        }
        let gaps = o.areas.reduce(0) { $0 + $1.gapCount }
        if gaps > 0 {
            lines.append("  gaps between blocks (holes no block fills): \(gaps), \(fmt(o.areas.reduce(0) { $0 + $1.gapArea })) m²")
        }
        if !o.blocksWithoutGroup.isEmpty {
            lines.append(
                "  blocks missing from the lookup: \(o.blocksWithoutGroup.count) (e.g. \(o.blocksWithoutGroup.prefix(5).joined(separator: ", ")))"
            )
        }
        if !o.grouping.unmatchedCodes.isEmpty {
            lines.append(
                "  lookup rows with no block: \(o.grouping.unmatchedCodes.count) (e.g. \(o.grouping.unmatchedCodes.prefix(5).joined(separator: ", ")))"
            )
        }
        if let p = o.population {
            lines.append("  population: \(fmt(p.total)) in blocks, \(fmt(o.areas.reduce(0) { $0 + ($1.sums.last ?? 0) })) in areas")
        }
        return lines.joined(separator: "\n")
    }
}
