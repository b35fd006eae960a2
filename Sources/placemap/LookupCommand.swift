import ArgumentParser
import PlaceAnalysis
import PlaceIO
import PlaceOutput

struct LookupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lookup",
        abstract: "An ONS-style best-fit lookup: each feature of A to the feature of B holding most of its population (or area).",
        discussion: "Columns are named after the inputs' geographies (e.g. LAD24CD,LAD24NM,ICB24CD,ICB24NM,population_share).")

    @Argument(help: "Layer A: one row per feature (any vector source placemap reads).") var a: String
    @Argument(help: "Layer B.") var b: String
    @OptionGroup(title: "Layer A") var aChoice: LayerChoice<LayerA>
    @OptionGroup(title: "Layer B") var bChoice: LayerChoice<LayerB>
    @Option(
        name: [.short, .long],
        help: ArgumentHelp("Write the lookup here (default or -: standard output); provenance beside it (.json).", valueName: "file"))
    var output: String?
    @Option(
        name: .customLong("min-share"),
        help: ArgumentHelp(
            "Leave B empty where the best feature holds less than this share (0 to 1) of A.", valueName: "share"))
    var minShare: Double = 0
    @Option(
        help: ArgumentHelp(
            "Check this published lookup of A's codes (blocks) to B's codes against the geometry instead; -o gets the rows it contradicts.",
            valueName: "lookup.csv"))
    var audit: String?
    @OptionGroup(title: "The audited lookup") var auditColumns: LookupColumns<Audit>
    @Option(name: .customLong("audit-code"), help: .hidden) var auditCode: String?
    @Option(name: .customLong("audit-area"), help: .hidden) var auditArea: String?
    @OptionGroup var misregistration: ToleranceOption
    @OptionGroup(title: "Population weighting") var weighting: WeightingOptions
    @OptionGroup var flags: WriteFlags

    func validate() throws {
        try Share.check(minShare, "--min-share")
        if auditCode != nil { Deprecation.warn("--audit-code", use: "--audit-lookup-code") }
        if auditArea != nil { Deprecation.warn("--audit-area", use: "--audit-by") }
        if audit == nil, auditColumns.blockCode ?? auditColumns.by ?? auditColumns.byName ?? auditCode ?? auditArea != nil {
            throw ValidationError("--audit-lookup-code, --audit-by and --audit-by-name need --audit")
        }
    }

    /// `lookup A B --audit LOOKUP.csv`: the published lookup checked against the geometry.
    func runAudit(_ path: String) throws {
        let outputs = flags.outputs(inputs: [a, b, path])
        let table = output ?? "-"
        try outputs.reserve(table)
        let blocks = try aChoice.analysisLayer(a)
        let areas = try bChoice.analysisLayer(b)
        let lookup = try Grouping.lookup(
            CSVReader.read(path: path), codeColumn: auditColumns.blockCode ?? auditCode,
            groupColumn: auditColumns.by ?? auditArea ?? areas.fields.code, nameColumn: auditColumns.byName, for: blocks)
        let result = try LookupAudit(blocks: blocks, areas: areas, lookup: lookup, tolerance: misregistration.tolerance)
        try outputs.add(result.table, to: table)
        try outputs.publish()
        note(result.summary)
    }

    func run() throws {
        try reportingErrors {
            if let audit { return try runAudit(audit) }
            let outputs = flags.outputs(inputs: [a, b] + weighting.inputs)
            let table = output ?? "-"
            try outputs.reserve(table)
            if let json = sidecar(of: table) { try outputs.reserve(json) }
            var options = OverlapOptions()
            options.population = try weighting.load()
            options.method = weighting.method ?? .centroid
            options.progress = Console.progress("lookup")
            let overlap = try OverlapResult(a: aChoice.analysisLayer(a), b: bChoice.analysisLayer(b), options: options)
            let lookup = BestFitLookup(overlap, minShare: minShare)
            var provenance = Provenance.overlap(overlap)
            provenance["analysis"] = .string("best-fit lookup")
            provenance["best_fit_by"] = .string(overlap.split != nil ? "population" : "area")
            try outputs.add(lookup.table, to: table)
            if let json = sidecar(of: table) { try outputs.add(provenance, to: json) }
            try outputs.publish()
            let unmatched = lookup.rows.filter { $0.b == nil }.count
            note(
                "lookup: \(lookup.rows.count) rows by \(overlap.split != nil ? "population" : "area"); \(unmatched) with no match in B"
                    + (minShare > 0 ? " (or below --min-share \(minShare))" : ""))
        }
    }
}
