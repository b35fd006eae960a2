import ArgumentParser
import PlaceAnalysis
import PlaceGeometry
import PlaceIO

extension PopulationMethod: ExpressibleByArgument {}

/// Options for population weighting through small-area blocks.
struct PopulationOptions: ParsableArguments {
    @Option(help: "Small-area polygons carrying population (e.g. geodata/lsoa21_england.geojson).")
    var blocks: String?

    @Option(help: "CSV of population per block (e.g. geodata/census21_population_lsoa21.csv).")
    var population: String?

    @Option(name: .customLong("population-code"), help: "Column of block codes in the population CSV (default: the blocks' code field).")
    var populationCode: String?

    @Option(name: .customLong("population-field"), help: "Column of population figures (default: usual_residents, population, …).")
    var populationField: String?

    @Option(name: .customLong("blocks-code-field"), help: "Property of the blocks holding their code (detected when omitted).")
    var blocksCodeField: String?

    @Option(
        name: .customLong("population-method"),
        help: "centroid (ONS best-fit), area (area-weighted) or largest-share (default: centroid; largest-share for coterminosity).")
    var method: PopulationMethod?

    func validate() throws {
        if (blocks == nil) != (population == nil) {
            throw ValidationError("--blocks and --population go together")
        }
    }

    /// The blocks joined to their population, or nil when not asked for.
    func load() throws -> PopulationBlocks? {
        guard let blocks, let population else { return nil }
        let layer = try LayerReader.read(path: blocks)
        let fields = try LayerFields.detect(in: layer, code: blocksCodeField)
        let table = try CSVReader.read(path: population)
        return try PopulationBlocks(
            blocks: AnalysisLayer(layer, fields: fields), table: table,
            codeColumn: populationCode, valueColumn: populationField)
    }
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

/// Options naming a layer's code and name fields, with a prefix (e.g. "a" → --a-code, --a-name).
struct FieldChoice {
    var code: String?
    var name: String?
    var crs: Int?

    func analysisLayer(_ path: String) throws -> AnalysisLayer {
        let layer = try LayerReader.read(path: path, crs: crs.map(CRS.init(epsg:)))
        return try AnalysisLayer(layer, fields: LayerFields.detect(in: layer, code: code, name: name))
    }
}
