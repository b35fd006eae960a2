import ArgumentParser
import PlaceAnalysis
import PlaceGeometry
import PlaceIO
import PlaceMaps
import PlaceOutput

struct CatchmentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catchments",
        abstract:
            "Acute trust catchment populations (OHID proportional flow and first past the post), polygons, and the places each trust serves.",
        discussion: """
            With no options it uses the bundled OHID 2019 shares, MSOA 2011 polygons with census 2021 \
            populations converted from LSOA 2021, and the LAD 2024 and ICB 2024 layers. Writes trusts.csv, \
            trust_places.csv, trust_systems.csv, places_served.csv, msoa_population.csv, catchments.geojson and .gpkg \
            (and catchments_min_share.geojson with --min-share) and catchments.json into --out (default: catchments); \
            --report FILE also writes the HTML page of the catchments, the page placemap report makes of the --out folder. \
            Areas with people but no share rows (or, with --attributes, no attribute row) would count towards no trust: \
            exit 65 unless --allow-gaps, which reports them in the summary and catchments.json.
            """)

    @Option(help: ArgumentHelp("Patient shares CSV (OHID layout). Default: geodata/ohid_trust_msoa11_shares_2019.csv.", valueName: "csv"))
    var shares: String?
    @Option(
        name: .customLong("shares-lookup-code"),
        help: ArgumentHelp("Column of block (area) codes in the shares table (default: msoa_code).", valueName: "column"))
    var sharesLookupCode: String?
    @Option(name: .customLong("shares-code"), help: .hidden) var sharesCodeAlias: String?
    /// The shares table's block code column, given in either spelling.
    var sharesCode: String { sharesLookupCode ?? sharesCodeAlias ?? "msoa_code" }
    @Option(name: .customLong("shares-trust"), help: ArgumentHelp("Column of trust codes in the shares table.", valueName: "column"))
    var sharesTrust = "trust_code"
    @Option(name: .customLong("shares-field"), help: ArgumentHelp("Column of shares (0–1) in the shares table.", valueName: "column"))
    var sharesField = "proportion"
    @Option(help: ArgumentHelp("Small-area polygons of the shares table. Default: geodata/msoa11_england.geojson.", valueName: "layer"))
    var blocks: String?
    @OptionGroup(title: "Blocks") var blocksChoice: LayerChoice<Blocks>
    @OptionGroup var population: PopulationTable
    @OptionGroup var attributeTable: AttributeTable
    @Option(help: ArgumentHelp("Council areas. Default: geodata/built/lad24.geojson.", valueName: "layer")) var places: String?
    @OptionGroup(title: "Places") var placesChoice: LayerChoice<Places>
    @Option(help: ArgumentHelp("Systems (ICBs). Default: geodata/built/icb24.geojson.", valueName: "layer")) var systems: String?
    @OptionGroup(title: "Systems") var systemsChoice: LayerChoice<Systems>
    @Option(help: ArgumentHelp("CSV of trust codes and names. Default: geodata/nhs_trusts22.csv.", valueName: "csv")) var trusts: String?
    @Option(name: .customLong("trusts-code"), help: ArgumentHelp("Column of trust codes in --trusts (detected).", valueName: "column"))
    var trustsCode: String?
    @Option(name: .customLong("trusts-name"), help: ArgumentHelp("Column of trust names in --trusts (detected).", valueName: "column"))
    var trustsName: String?
    @Option(
        name: .customLong("min-share"),
        help: ArgumentHelp("Also write, per trust, the area where it takes at least this share (0 to 1) of patients.", valueName: "share"))
    var minShare: Double?
    @Option(
        name: .customLong("span-share"),
        help: ArgumentHelp(
            "A system counts for a trust when it provides at least this share (0 to 1) of its patients.", valueName: "share"))
    var spanShare: Double = 0.05
    @OptionGroup var gapPolicy: GapPolicy
    @OptionGroup(title: "Output") var output: FolderOutput
    @OptionGroup(title: "Output") var page: ReportOutput

    func validate() throws {
        try Share.check(minShare, "--min-share")
        try Share.check(spanShare, "--span-share")
        if sharesCodeAlias != nil { Deprecation.warn("--shares-code", use: "--shares-lookup-code") }
    }

    func run() throws {
        try reportingErrors {
            let folder = output.out ?? "catchments"
            let outputs = output.flags.outputs(
                inputs: [shares, blocks, population.population, attributeTable.attributes, places, systems, trusts])
            try outputs.reserve(folder: folder, files: FolderOutputs.catchments(minShare: minShare != nil))
            if let file = page.report { try outputs.reserve(file) }
            // The blocks, the people with their shares, and the places and systems are read at once.
            let (blockLayer, (people, areas)) = try Console.both(
                { try readBlocks() }, { try Console.both({ try readPeople() }, { try readAreas() }) })
            // The people and their shares are weighed, and the first-past-the-post polygons drawn, on one
            // thread while the blocks are allocated to the places and systems on the other.
            let (weighed, allocation) = try Console.both(
                { try weigh(blockLayer, people) },
                {
                    try PhaseClock.time("allocation") {
                        try TrustFootprint.allocation(of: blockLayer, places: areas.places, systems: areas.systems)
                    }
                })
            let catchments = weighed.catchments
            let footprint = TrustFootprint(catchments, allocation: allocation)
            let names = try PatientShares.trustNames(
                CSVReader.read(path: trusts ?? DataFolder.path("nhs_trusts22.csv")), codeColumn: trustsCode, nameColumn: trustsName)
            let report = CatchmentReport(
                catchments: catchments, footprint: footprint, conversion: weighed.conversion, firstPolygons: weighed.polygons,
                minSharePolygons: try minShare.map { share throws(PlacemapError) in try catchments.polygons(atLeast: share) },
                minShare: minShare, spanShare: spanShare, trustNames: names, gaps: weighed.gaps)
            try PhaseClock.time("write") { try outputs.add(report, folder: folder) }
            if let file = page.report { try outputs.add(HTMLReport(ReportContent(report, folder: folder)).bytes, to: file) }
            try outputs.publish(manifestIn: folder, command: CommandLine.arguments)
            for w in weighed.attributes.map(attributeJoinWarnings) ?? [] { Console.warning(w) }
            if !Console.quiet { say(report, attributes: weighed.attributes, folder: folder) }
            Console.finish()
        }
    }

    /// The summary on standard output: the catchments, the attributes' totals, the files written.
    func say(_ report: CatchmentReport, attributes: BlockAttributes?, folder: String) {
        print(report.summary)
        if let attributes { print(attributeCheck(report.catchments, attributes)) }
        print("  outputs: \(folder)/" + FolderOutputs.catchments(minShare: minShare != nil).joined(separator: ", "))
        if let file = page.report { print("  report: \(file)") }
    }

    /// The catchments: the blocks' people and attributes, the patient shares (a block with people and
    /// no share, or no attribute row, is a gap: refused unless allowed), the first-past-the-post polygons.
    func weigh(_ blockLayer: AnalysisLayer, _ inputs: (people: People, shares: CSVTable))
        throws -> (
            catchments: Catchments, conversion: PopulationConversion?, attributes: BlockAttributes?, gaps: [CoverageGap],
            polygons: [DissolvedArea]
        )
    {
        var conversion: PopulationConversion?
        let people: [String: Double]
        var attributes: BlockAttributes?
        switch inputs.people {
        case .table(let path):
            let table = try attributeTable.attach(to: population.join(blockLayer, path: path))
            people = Dictionary(uniqueKeysWithValues: zip(blockLayer.codes, table.population))
            attributes = table.attributes
        case .census(let census, let converted):
            conversion = converted
            people = converted.population
            attributes = try attributeTable.converted(census: census, by: converted, to: blockLayer.codes)
        }
        let patientShares = try PatientShares(
            table: inputs.shares, areaColumn: sharesCode, trustColumn: sharesTrust, shareColumn: sharesField,
            areas: Set(blockLayer.codes))
        var gaps = try gapPolicy.check(patientShares.gap(blocks: blockLayer.codes, people: people)).map { [$0] } ?? []
        if let a = attributes, let path = attributeTable.attributes {
            let missing = a.blocksWithoutRow
            let gap = CoverageGap(role: "attributes", source: path, codes: missing, people: missing.map { people[$0] ?? 0 })
            gaps += try gapPolicy.check(gap).map { [$0] } ?? []
        }
        let catchments = Catchments(blocks: blockLayer, population: people, shares: patientShares, attributes: attributes)
        let polygons = try PhaseClock.time("polygons") { try catchments.firstPastThePostPolygons() }
        return (catchments, conversion, attributes, gaps, polygons)
    }

    /// Where the blocks' people come from: the --population table (joined once the blocks are read),
    /// or the bundled census converted to MSOA 2011.
    enum People {
        case table(String)
        case census(CSVTable, PopulationConversion)
    }

    /// The blocks, and the transform the GeoJSON output will need (PROJ's look-up of it, tens of
    /// milliseconds, made here beside the other reads rather than at the end).
    func readBlocks() throws -> AnalysisLayer {
        let layer = try blocksChoice.analysisLayer(blocks ?? DataFolder.path("msoa11_england.geojson"))
        // A transform that cannot be made is reported where the output is written.
        _ = try? CoordinateTransform.cached(from: .britishNationalGrid, to: .wgs84)
        return layer
    }

    /// The people's source and the shares table.
    func readPeople() throws -> (people: People, shares: CSVTable) {
        let people: People
        if let path = population.population {
            people = .table(path)
        } else {
            let census = try CSVReader.read(path: DataFolder.path("census21_population_lsoa21.csv"))
            let converted = try PopulationConversion.msoa11(
                census: census, lsoa11ToLSOA21: CSVReader.read(path: DataFolder.path("lookup_lsoa11_lsoa21.csv")),
                lsoa11ToMSOA11: CSVReader.read(path: DataFolder.path("lookup_lsoa11_msoa11.csv")))
            people = .census(census, converted)
        }
        return (people, try CSVReader.read(path: shares ?? DataFolder.path("ohid_trust_msoa11_shares_2019.csv")))
    }

    /// The places and the systems.
    func readAreas() throws -> (places: AnalysisLayer, systems: AnalysisLayer) {
        let places = try placesChoice.analysisLayer(places ?? DataFolder.path("built/lad24.geojson"))
        return (places, try systemsChoice.analysisLayer(systems ?? DataFolder.path("built/icb24.geojson")))
    }

    /// Each count's total over the MSOAs and its proportional and first-past-the-post sums over the trusts.
    func attributeCheck(_ c: Catchments, _ a: BlockAttributes) -> String {
        let total = a.totals
        return a.countColumns.map { j in
            let p = a.columns[j].position
            let proportional = c.trusts.reduce(0) { $0 + $1.attributesProportional[p] }
            let first = c.trusts.reduce(0) { $0 + $1.attributesFirstPastThePost[p] }
            return "  \(a.columns[j].name): \(Int(total[p].rounded())) in MSOAs, \(Int(proportional.rounded())) by proportional flow, "
                + "\(Int(first.rounded())) first past the post"
        }.joined(separator: "\n")
    }
}
