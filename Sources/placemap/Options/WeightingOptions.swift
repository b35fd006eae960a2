import ArgumentParser
import PlaceAnalysis
import PlaceIO

extension PopulationMethod: ExpressibleByArgument {}
extension AttributeKind: ExpressibleByArgument {}

/// A table of block attributes: `--attributes FILE`, `--attributes-code COLUMN`, `--attributes-kind KIND`.
struct AttributeTable: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "CSV of block attributes carried with the population: long form (code,category,value) or one column per variable "
                + "(e.g. geodata/census21_age_lsoa21.csv, geodata/ruc21_lsoa21.csv).", valueName: "csv"))
    var attributes: String?

    @Option(
        name: .customLong("attributes-code"),
        help: ArgumentHelp(
            "Column of block codes in the attributes table (default: named like the blocks' code field).", valueName: "column"))
    var code: String?

    @Option(
        name: .customLong("attributes-kind"),
        help: ArgumentHelp(
            "counts (summed), rates (population-weighted means) or classes (share of people in each class); default: inferred.",
            valueName: "kind"))
    var kind: AttributeKind?

    func validate() throws {
        if attributes == nil && (code != nil || kind != nil) {
            throw ValidationError("--attributes-code and --attributes-kind need --attributes")
        }
    }

    /// `population` with the attribute table joined to its blocks (unchanged without --attributes).
    func attach(to population: PopulationBlocks) throws -> PopulationBlocks {
        guard let attributes else { return population }
        var p = population
        try p.attach(CSVReader.read(path: attributes), kind: kind, codeColumn: code)
        return p
    }

    /// The attributes joined to the census LSOA 2021 codes and people of `census`, moved to `codes`
    /// (MSOA 2011) the way `conversion` moves the population; nil without --attributes.
    func converted(census: CSVTable, by conversion: PopulationConversion, to codes: [String]) throws -> BlockAttributes? {
        guard let attributes else { return nil }
        let source = try PopulationBlocks.codesAndPeople(census)
        let read = try BlockAttributes(
            table: CSVReader.read(path: attributes), blockCodes: source.codes, population: source.people, kind: kind, codeColumn: code,
            defaultCodeColumn: "lsoa21_code")
        return read.converted(by: conversion, sourceCodes: source.codes, to: codes)
    }
}

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
    @OptionGroup var attributeTable: AttributeTable

    @Option(
        name: .customLong("population-method"),
        help: "centroid (ONS best-fit), area (area-weighted) or largest-share (default: centroid; largest-share for coterminosity).")
    var method: PopulationMethod?

    func validate() throws {
        if (blocks == nil) != (table.population == nil) { throw ValidationError("--blocks and --population go together") }
        if attributeTable.attributes != nil && blocks == nil { throw ValidationError("--attributes needs --blocks and --population") }
    }

    /// The blocks joined to their population, or nil when not asked for.
    func load() throws -> PopulationBlocks? {
        guard let blocks, let population = table.population else { return nil }
        return try attributeTable.attach(to: table.join(blocksChoice.analysisLayer(blocks), path: population))
    }

    var inputs: [String?] { [blocks, table.population, attributeTable.attributes] }

    /// For commands that give each block wholly to one area: another --population-method is a usage error.
    func requireLargestShare(in command: String) throws {
        guard let m = method, m != .largestShare else { return }
        throw ValidationError(
            "\(command) gives each block wholly to one area (largest-share); --population-method \(m.rawValue) does not apply")
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
    if let a = p.attributes { s += attributeJoinReport(a) }
    return s
}

/// Lines reporting attribute rows and blocks that did not join, and the table's warnings.
func attributeJoinReport(_ a: BlockAttributes) -> String {
    var s = ""
    if !a.unmatchedCodes.isEmpty {
        s += "\n\(a.source): \(a.unmatchedCodes.count) codes match no block (e.g. \(a.unmatchedCodes.prefix(5).joined(separator: ", ")))"
    }
    if !a.blocksWithoutRow.isEmpty {
        s +=
            "\n\(a.source): \(a.blocksWithoutRow.count) blocks have no row: 0 in counts, left out of means and shares "
            + "(e.g. \(a.blocksWithoutRow.prefix(5).joined(separator: ", ")))"
    }
    for w in a.warnings { s += "\nwarning: " + w }
    return s
}
