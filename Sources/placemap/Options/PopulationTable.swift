import ArgumentParser
import PlaceAnalysis
import PlaceIO

/// A population table: `--population FILE`, `--population-lookup-code COLUMN`, `--population-field COLUMN`.
struct PopulationTable: ParsableArguments {
    @Option(help: ArgumentHelp("CSV of population per block (e.g. geodata/census21_population_lsoa21.csv).", valueName: "csv"))
    var population: String?

    @Option(
        name: .customLong("population-lookup-code"),
        help: ArgumentHelp(
            "Column of block codes in the population table (default: named like the blocks' code field).", valueName: "column"))
    var lookupCode: String?
    @Option(name: .customLong("population-code"), help: .hidden) var codeAlias: String?
    /// The block code column, given in either spelling.
    var code: String? { lookupCode ?? codeAlias }

    func validate() throws {
        if codeAlias != nil { Deprecation.warn("--population-code", use: "--population-lookup-code") }
    }

    @Option(
        name: .customLong("population-field"),
        help: ArgumentHelp("Column of population figures (default: usual_residents, population, …).", valueName: "column"))
    var field: String?

    /// The table joined to `blocks`.
    func join(_ blocks: AnalysisLayer, path: String) throws -> PopulationBlocks {
        try PopulationBlocks(blocks: blocks, table: CSVReader.read(path: path), codeColumn: code, valueColumn: field)
    }
}
