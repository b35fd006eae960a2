import ArgumentParser
import Foundation
import PlaceAnalysis
import PlaceGeometry
import PlaceIO
import PlaceOutput

struct OverlapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "overlap",
        abstract: "Every pair of features of A and B whose interiors overlap, with areas (m², EPSG:27700) and shares.",
        discussion: """
            CSV columns: a_code,a_name,b_code,b_name,area_m2,share_of_a,share_of_b and, with --blocks and \
            --population, population,population_share_of_a,population_share_of_b. The method, tolerance, inputs \
            and population totals go to a sidecar JSON beside the table (OUT.json).
            """)

    @Argument(help: "Layer A: any vector source placemap reads (GeoJSON, GeoPackage, Shapefile, …).") var a: String
    @Argument(help: "Layer B.") var b: String
    @OptionGroup(title: "Layer A") var aChoice: LayerChoice<LayerA>
    @OptionGroup(title: "Layer B") var bChoice: LayerChoice<LayerB>

    @Option(
        name: [.short, .long],
        help: ArgumentHelp("Write the table here (CSV; default or -: standard output); provenance beside it (.json).", valueName: "file"))
    var output: String?
    @Option(
        help: ArgumentHelp(
            "Write the overlap pieces as a layer here (.geojson, .gpkg, FILE.gpkg:LAYER, .fgb or a PG: connection).", valueName: "file"))
    var pieces: String?
    @OptionGroup var layerOutput: LayerOutputChoice

    @Option(
        name: .customLong("min-share"),
        help: ArgumentHelp("Slivers: drop pieces below this share (0 to 1) of both features.", valueName: "share"))
    var minShare: Double = 0

    @OptionGroup(title: "Population weighting") var weighting: WeightingOptions
    @OptionGroup var flags: WriteFlags

    func validate() throws { try Share.check(minShare, "--min-share") }

    func run() throws {
        try reportingErrors {
            let outputs = flags.outputs(inputs: [a, b] + weighting.inputs)
            let table = output ?? "-"
            try outputs.reserveTable(table)
            if let json = sidecar(of: table) { try outputs.reserve(json) }
            if let pieces { try outputs.reserve(pieces) }
            // The two layers and the population blocks are read at once.
            let (layerA, (layerB, population)) = try Console.both(
                { try aChoice.analysisLayer(a) }, { try Console.both({ try bChoice.analysisLayer(b) }, { try weighting.load() }) })
            var options = OverlapOptions()
            options.minShare = minShare
            options.keepShapes = pieces != nil
            options.population = population
            options.method = weighting.method ?? .centroid
            options.progress = Console.progress("overlap")
            let result = try PhaseClock.time("overlap") { try OverlapResult(a: layerA, b: layerB, options: options) }
            let provenance = Provenance.overlap(result)
            let csv = PhaseClock.time("make table") { result.table }
            try PhaseClock.time("write table") { try outputs.add(csv, to: table) }
            if let json = sidecar(of: table) { try outputs.add(provenance, to: json) }
            if let pieces {
                let keep = try layerOutput.keepsBritishNationalGrid(default: false)
                try outputs.add(
                    result.piecesLayer, to: pieces,
                    options: LayerOutputOptions(keepBritishNationalGrid: keep, format: layerOutput.format, provenance: provenance))
            }
            try PhaseClock.time("publish") { try outputs.publish() }
            for w in outputs.warnings { Console.warning(w) }
            warnJoin(result.options.population)
            note(result.summary)
            Console.finish()
        }
    }
}
