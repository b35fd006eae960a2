import ArgumentParser
import PlaceAnalysis
import PlaceIO

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
