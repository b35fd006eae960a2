import ArgumentParser
import PlaceAnalysis
import PlaceIO

struct CatchmentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catchments",
        abstract:
            "Acute trust catchment populations (OHID proportional flow and first past the post), polygons, and the places each trust serves.",
        discussion: """
            With no options it uses the bundled OHID 2019 shares, MSOA 2011 polygons with census 2021 \
            populations converted from LSOA 2021, and the LAD 2024 and ICB 2024 layers. Writes trusts.csv, \
            trust_places.csv, trust_systems.csv, places_served.csv, msoa_population.csv, catchments.geojson and .gpkg \
            (and catchments_min_share.geojson with --min-share) and catchments.json into --out.
            """)

    @Option(help: "Patient shares CSV (OHID layout). Default: geodata/ohid_trust_msoa11_shares_2019.csv.") var shares: String?
    @Option(name: .customLong("shares-area"), help: "Column of area codes in the shares table.") var sharesArea = "msoa_code"
    @Option(name: .customLong("shares-trust"), help: "Column of trust codes.") var sharesTrust = "trust_code"
    @Option(name: .customLong("shares-value"), help: "Column of shares (0–1).") var sharesValue = "proportion"
    @Option(help: "Small-area polygons of the shares table. Default: geodata/msoa11_england.geojson.") var blocks: String?
    @Option(
        help: "CSV of population per block (code column named like the blocks' code field). Default: census 2021 converted to MSOA 2011.")
    var population: String?
    @Option(name: .customLong("population-field"), help: "Column of population figures in --population.") var populationField: String?
    @Option(help: "Council areas. Default: geodata/built/lad24.geojson.") var places: String?
    @Option(help: "Systems (ICBs). Default: geodata/built/icb24.geojson.") var systems: String?
    @Option(name: .customLong("trust-names"), help: "CSV of trust codes and names. Default: geodata/nhs_trusts22.csv.") var trustNames:
        String?
    @Option(name: .customLong("min-share"), help: "Also write, per trust, the area where it takes at least this share of patients (0–1).")
    var minShare: Double?
    @Option(name: .customLong("span-share"), help: "A system counts for a trust when it provides at least this share of its patients.")
    var spanShare: Double = 0.05
    @Option(help: "Output folder.") var out: String = "catchments"

    func validate() throws {
        if let minShare, !(minShare > 0 && minShare <= 1) { throw ValidationError("--min-share must be above 0 and at most 1") }
        guard spanShare > 0 && spanShare <= 1 else { throw ValidationError("--span-share must be above 0 and at most 1") }
    }

    func run() throws {
        try reportingErrors {
            let blockLayer = try FieldChoice().analysisLayer(blocks ?? DataFolder.path("msoa11_england.geojson"))
            var conversion: PopulationConversion?
            let people: [String: Double]
            if let population {
                let table = try PopulationBlocks(blocks: blockLayer, table: CSVReader.read(path: population), valueColumn: populationField)
                people = Dictionary(uniqueKeysWithValues: zip(blockLayer.codes, table.population))
            } else {
                let converted = try PopulationConversion.msoa11(
                    census: CSVReader.read(path: DataFolder.path("census21_population_lsoa21.csv")),
                    lsoa11ToLSOA21: CSVReader.read(path: DataFolder.path("lookup_lsoa11_lsoa21.csv")),
                    lsoa11ToMSOA11: CSVReader.read(path: DataFolder.path("lookup_lsoa11_msoa11.csv")))
                conversion = converted
                people = converted.population
            }
            let table = try CSVReader.read(path: shares ?? DataFolder.path("ohid_trust_msoa11_shares_2019.csv"))
            let patientShares = try PatientShares(
                table: table, areaColumn: sharesArea, trustColumn: sharesTrust, shareColumn: sharesValue,
                areas: Set(blockLayer.codes))
            let catchments = Catchments(blocks: blockLayer, population: people, shares: patientShares)
            let footprint = try TrustFootprint(
                catchments, places: FieldChoice().analysisLayer(places ?? DataFolder.path("built/lad24.geojson")),
                systems: FieldChoice().analysisLayer(systems ?? DataFolder.path("built/icb24.geojson")))
            let names = try trustNameTable()
            let report = CatchmentReport(
                catchments: catchments, footprint: footprint, conversion: conversion,
                firstPolygons: try catchments.firstPastThePostPolygons(),
                minSharePolygons: try minShare.map { share throws(InputError) in try catchments.polygons(atLeast: share) },
                minShare: minShare, spanShare: spanShare, trustNames: names)
            try report.write(to: out)
            print(report.summary)
            print(
                "  outputs: \(out)/trusts.csv, trust_places.csv, trust_systems.csv, places_served.csv, catchments.geojson, catchments.gpkg, catchments.json")
        }
    }

    func trustNameTable() throws -> [String: String] {
        let table = try CSVReader.read(path: trustNames ?? DataFolder.path("nhs_trusts22.csv"))
        guard let code = table.firstColumn(among: ["nhs_trust22_code", "trust_code", "code"]),
            let name = table.firstColumn(among: ["nhs_trust22_name", "trust_name", "name"])
        else {
            throw InputError(
                .usage, file: table.source, message: "no trust code and name columns",
                hint: "expected trust_code and trust_name; the columns are: " + table.header.joined(separator: ", "))
        }
        return Dictionary(table.rows.map { ($0[code], $0[name]) }, uniquingKeysWith: { first, _ in first })
    }
}
