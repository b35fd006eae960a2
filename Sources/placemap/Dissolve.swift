import ArgumentParser
import Foundation
import PlaceAnalysis
import PlaceGeometry
import PlaceIO

struct DissolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dissolve",
        abstract: "Build areas from building blocks (e.g. ICBs from LSOAs) with GEOS coverage union.",
        discussion: """
            Each block goes to the group the lookup gives it (or its own --by property without --lookup). Blocks \
            missing from the lookup and lookup rows with no block are reported, never dropped silently. Where \
            the blocks of a group are not a clean coverage, the group is built by unary union instead and the \
            overlapping block pairs are reported. The report goes to OUT.json.
            """)

    @Argument(help: "Building blocks (GeoJSON), e.g. geodata/lsoa21_england.geojson.") var blocks: String
    @Option(help: "Lookup CSV from block code to group.") var lookup: String?
    @Option(help: "Group code column of the lookup (or property of the blocks without --lookup), e.g. icb24_code.") var by: String
    @Option(name: .customLong("by-name"), help: "Group name column (default: the partner of --by, e.g. icb24_name).") var byName: String?
    @Option(name: .customLong("lookup-code"), help: "Block code column of the lookup (default: named like the blocks' code field).")
    var lookupCode: String?
    @Option(name: .customLong("blocks-code-field"), help: "Property of the blocks holding their code.") var blocksCodeField: String?
    @Option(help: "Numeric block property to sum per area (repeatable).") var sum: [String] = []
    @Option(help: "CSV of population per block, summed per area.") var population: String?
    @Option(name: .customLong("population-field"), help: "Column of population figures.") var populationField: String?
    @Option(name: .customLong("population-code"), help: "Column of block codes in the population CSV.") var populationCode: String?
    @Option(name: .customLong("code-as"), help: "Name of the output code property (default: --by), e.g. ICB24CD.") var codeAs: String?
    @Option(name: .customLong("name-as"), help: "Name of the output name property (default: --by-name), e.g. ICB24NM.") var nameAs: String?
    @Option(help: "Output file: GeoJSON, or a GeoPackage when it ends in .gpkg.") var out: String
    @Option(
        name: .customLong("output-crs"), help: "27700 (default: exact, with a crs member, for placemap to read again) or 4326 (RFC 7946).")
    var outputCRS: Int = 27700

    func validate() throws {
        guard [4326, 27700].contains(outputCRS) else { throw ValidationError("--output-crs must be 27700 or 4326") }
    }

    func run() throws {
        try reportingErrors {
            let layer = try LayerReader.read(path: blocks)
            let blockLayer = try AnalysisLayer(layer, fields: LayerFields.detect(in: layer, code: blocksCodeField))
            let grouping =
                try lookup.map { path in
                    try Grouping.lookup(
                        CSVReader.read(path: path), codeColumn: lookupCode, groupColumn: by, nameColumn: byName, for: blockLayer)
                } ?? Grouping.property(by, of: blockLayer, nameField: byName)
            let people = try population.map { path in
                try PopulationBlocks(
                    blocks: blockLayer, table: CSVReader.read(path: path), codeColumn: populationCode, valueColumn: populationField)
            }
            let output = try DissolveOutput(
                blocks: blockLayer, grouping: grouping, sumFields: sum, population: people,
                progress: progressLine("dissolve"))
            let report = output.report
            var result = output.layer(codeField: codeAs, nameField: nameAs)
            if outputCRS == 4326 { result = try result.reprojected(to: .wgs84) }
            if out.lowercased().hasSuffix(".gpkg") {
                try GeoPackageWriter.write(result, to: out, description: JSONText.text(.object(report)))
            } else {
                try GeoJSONWriter(keepCRS: outputCRS == 27700).write(result, to: out, members: JSONObject([("placemap", .object(report))]))
            }
            try AtomicFile.write(
                JSONText.text(.object(report)) + "\n", to: sidecar(of: out))
            note(summary(output))
        }
    }

    func summary(_ o: DissolveOutput) -> String {
        let unary = o.areas.filter { $0.method != "coverage union" }
        var lines = ["dissolve: \(o.areas.count) areas from \(o.blocks.count) blocks → \(out)"]
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
