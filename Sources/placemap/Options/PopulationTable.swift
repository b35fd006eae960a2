import ArgumentParser
import PlaceAnalysis
import PlaceIO

/// A population table: `--population FILE`, `--population-lookup-code COLUMN`, `--population-field COLUMN`,
/// and `--population-category NAME` for a long-form table.
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
        if category != nil && population == nil {
            throw ValidationError("--population-category picks the rows of one category of --population: give --population too")
        }
    }

    @Option(
        name: .customLong("population-field"),
        help: ArgumentHelp("Column of population figures (default: usual_residents, population, …).", valueName: "column"))
    var field: String?

    @Option(
        name: .customLong("population-category"),
        help: ArgumentHelp(
            "In a long-form table (a row per block and category, e.g. code,age,count), the category whose rows are the population.",
            valueName: "name"))
    var category: String?

    /// The table joined to `blocks`.
    func join(_ blocks: AnalysisLayer, path: String) throws -> PopulationBlocks {
        try PopulationBlocks(blocks: blocks, table: CSVReader.read(path: path), codeColumn: code, valueColumn: field, category: category)
    }
}
