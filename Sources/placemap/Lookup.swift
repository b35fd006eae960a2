import ArgumentParser
import PlaceAnalysis
import PlaceIO
import PlaceOutput

struct Lookup: ParsableCommand {
    static let configuration = CommandConfiguration(
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
    @OptionGroup(title: "Population weighting") var weighting: WeightingOptions
    @OptionGroup var flags: WriteFlags

    func run() throws {
        try reportingErrors {
            let outputs = flags.outputs(inputs: [a, b] + weighting.inputs)
            let table = output ?? "-"
            try outputs.reserve(table)
            if let json = sidecar(of: table) { try outputs.reserve(json) }
            var options = OverlapOptions()
            options.population = try weighting.load()
            options.method = weighting.method ?? .centroid
            options.progress = Console.progress("lookup")
            let overlap = try OverlapResult(a: aChoice.analysisLayer(a), b: bChoice.analysisLayer(b), options: options)
            let lookup = BestFitLookup(overlap)
            var provenance = Provenance.overlap(overlap)
            provenance["analysis"] = .string("best-fit lookup")
            provenance["best_fit_by"] = .string(overlap.split != nil ? "population" : "area")
            try outputs.add(lookup.table, to: table)
            if let json = sidecar(of: table) { try outputs.add(provenance, to: json) }
            try outputs.publish()
            let unmatched = lookup.rows.filter { $0.b == nil }.count
            note("lookup: \(lookup.rows.count) rows by \(overlap.split != nil ? "population" : "area"); \(unmatched) with no match in B")
        }
    }
}
