import ArgumentParser
import PlaceAnalysis
import PlaceIO

extension PopulationMethod: ExpressibleByArgument {}

/// A population table: `--population FILE`, `--population-code COLUMN`, `--population-field COLUMN`.
struct PopulationTable: ParsableArguments {
    @Option(help: ArgumentHelp("CSV of population per block (e.g. geodata/census21_population_lsoa21.csv).", valueName: "csv"))
    var population: String?

    @Option(
        name: .customLong("population-code"),
        help: ArgumentHelp(
            "Column of block codes in the population table (default: named like the blocks' code field).", valueName: "column"))
    var code: String?

    @Option(
        name: .customLong("population-field"),
        help: ArgumentHelp("Column of population figures (default: usual_residents, population, …).", valueName: "column"))
    var field: String?

    /// The table joined to `blocks`.
    func join(_ blocks: AnalysisLayer, path: String) throws -> PopulationBlocks {
        try PopulationBlocks(blocks: blocks, table: CSVReader.read(path: path), codeColumn: code, valueColumn: field)
    }
}

/// Population weighting through small-area blocks: the blocks layer, its population table and the method.
struct WeightingOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Small-area polygons carrying population (e.g. geodata/lsoa21_england.geojson).", valueName: "layer"))
    var blocks: String?

    @OptionGroup(title: "Blocks") var blocksChoice: LayerChoice<Blocks>
    @OptionGroup var table: PopulationTable

    @Option(
        name: .customLong("population-method"),
        help: "centroid (ONS best-fit), area (area-weighted) or largest-share (default: centroid; largest-share for coterminosity).")
    var method: PopulationMethod?

    func validate() throws {
        if (blocks == nil) != (table.population == nil) { throw ValidationError("--blocks and --population go together") }
    }

    /// The blocks joined to their population, or nil when not asked for.
    func load() throws -> PopulationBlocks? {
        guard let blocks, let population = table.population else { return nil }
        return try table.join(blocksChoice.analysisLayer(blocks), path: population)
    }

    var inputs: [String?] { [blocks, table.population] }
}

/// Lines reporting population rows and blocks that did not join, or nothing when all joined.
func joinReport(_ p: PopulationBlocks?) -> String {
    guard let p else { return "" }
    var s = ""
    if !p.unmatchedCodes.isEmpty {
        s += "\n\(p.source): \(p.unmatchedCodes.count) codes match no block (e.g. \(p.unmatchedCodes.prefix(5).joined(separator: ", ")))"
    }
    if !p.blocksWithoutPopulation.isEmpty {
        s +=
            "\n\(p.blocks.source): \(p.blocksWithoutPopulation.count) blocks have no population row, counted as 0 "
            + "(e.g. \(p.blocksWithoutPopulation.prefix(5).joined(separator: ", ")))"
    }
    return s
}
