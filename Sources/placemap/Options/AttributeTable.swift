import ArgumentParser
import PlaceAnalysis
import PlaceIO

/// A table of block attributes: `--attributes FILE`, `--attributes-lookup-code COLUMN`, `--attributes-kind KIND`.
struct AttributeTable: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "CSV of block attributes carried with the population: long form (code,category,value) or one column per variable "
                + "(e.g. geodata/census21_age_lsoa21.csv, geodata/ruc21_lsoa21.csv).", valueName: "csv"))
    var attributes: String?

    @Option(
        name: .customLong("attributes-lookup-code"),
        help: ArgumentHelp(
            "Column of block codes in the attributes table (default: named like the blocks' code field).", valueName: "column"))
    var lookupCode: String?
    @Option(name: .customLong("attributes-code"), help: .hidden) var codeAlias: String?
    /// The block code column, given in either spelling.
    var code: String? { lookupCode ?? codeAlias }

    @Option(
        name: .customLong("attributes-kind"),
        help: ArgumentHelp(
            "counts (summed), rates (population-weighted means) or classes (share of people in each class); default: inferred.",
            valueName: "kind"))
    var kind: AttributeKind?

    func validate() throws {
        if codeAlias != nil { Deprecation.warn("--attributes-code", use: "--attributes-lookup-code") }
        if attributes == nil && (code != nil || kind != nil) {
            throw ValidationError("--attributes-lookup-code and --attributes-kind need --attributes")
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
