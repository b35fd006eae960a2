import ArgumentParser
import PlaceAnalysis
import PlaceIO

struct Lookup: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "An ONS-style best-fit lookup: each feature of A to the feature of B holding most of its population (or area).",
        discussion: "Columns are named after the inputs' geographies (e.g. LAD24CD,LAD24NM,ICB24CD,ICB24NM,population_share).")

    @Argument(help: "Layer A (GeoJSON): one row per feature.") var a: String
    @Argument(help: "Layer B (GeoJSON).") var b: String
    @Option(name: .customLong("a-code"), help: "Property of A holding codes (detected: XXnnCD or *_code).") var aCode: String?
    @Option(name: .customLong("a-name"), help: "Property of A holding names.") var aName: String?
    @Option(name: .customLong("b-code"), help: "Property of B holding codes.") var bCode: String?
    @Option(name: .customLong("b-name"), help: "Property of B holding names.") var bName: String?
    @Option(help: "Write the lookup here (default: stdout); provenance goes beside it (.json).") var csv: String?
    @OptionGroup var population: PopulationOptions

    func run() throws {
        try reportingErrors {
            var options = OverlapOptions()
            options.population = try population.load()
            options.method = population.method ?? .centroid
            options.progress = progressLine("lookup")
            let overlap = try OverlapResult(
                a: FieldChoice(code: aCode, name: aName).analysisLayer(a),
                b: FieldChoice(code: bCode, name: bName).analysisLayer(b), options: options)
            let lookup = BestFitLookup(overlap)
            var provenance = Provenance.overlap(overlap)
            provenance["analysis"] = .string("best-fit lookup")
            provenance["best_fit_by"] = .string(overlap.split != nil ? "population" : "area")
            if let csv {
                try CSVWriter.write(lookup.table, to: csv)
                try AtomicFile.write(JSONText.text(.object(provenance)) + "\n", to: sidecar(of: csv))
            } else {
                print(CSVWriter.text(lookup.table), terminator: "")
            }
            let unmatched = lookup.rows.filter { $0.b == nil }.count
            note("lookup: \(lookup.rows.count) rows by \(overlap.split != nil ? "population" : "area"); \(unmatched) with no match in B")
        }
    }
}
