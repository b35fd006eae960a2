import ArgumentParser
import Foundation
import PlaceAnalysis
import PlaceGeometry
import PlaceIO
import PlaceOutput

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Report invalid geometries (GEOS reason and location); with --fix, write a repaired layer to --output.",
        discussion: "Exit code 0 when every geometry is valid (or was repaired with --fix), 65 when some are invalid.")

    @Argument(help: "A layer: any vector source placemap reads.")
    var file: String

    @OptionGroup(title: "Layer") var layerChoice: LayerChoice<OnlyLayer>

    @Flag(help: "Write a repaired copy (make-valid, polygonal parts kept) to --output, with a per-feature report beside it (.repairs.csv).")
    var fix = false

    @Option(
        name: [.short, .long], help: ArgumentHelp("The repaired layer (.geojson, .gpkg or FILE.gpkg:LAYER), with --fix.", valueName: "file")
    )
    var output: String?

    @OptionGroup var flags: WriteFlags

    func validate() throws {
        if fix != (output != nil) {
            throw ValidationError("--fix and --output go together: placemap validate FILE --fix -o REPAIRED.geojson")
        }
    }

    func run() throws {
        try reportingErrors {
            let outputs = flags.outputs(inputs: [file])
            let reportPath = output.map { beside($0, ".repairs.csv") }
            if let output, let reportPath {
                try outputs.reserve(output)
                try outputs.reserve(reportPath)
            }
            let (layer, fields) = try layerChoice.readWithFields(file)
            guard let output, let reportPath else {
                // Asked for by name: GEOS decides every feature the sweep leaves open, however large.
                let problems = LayerCheck.problems(in: layer, fields: fields, geosPointLimit: .max)
                print("\(file): \(layer.features.count) features, \(problems.count) invalid")
                for p in problems { print("  " + describe(p)) }
                if !problems.isEmpty {
                    note("hint: placemap validate \(file) --fix -o OUT.geojson writes a repaired copy")
                    throw ExitCode(65)
                }
                return
            }
            let (fixed, repairs) = try LayerCheck.repair(layer, fields: fields)
            var report = CSVTable(header: ["feature_index", "code", "reason", "area_before_m2", "area_after_m2", "area_change_m2"])
            for r in repairs {
                report.rows.append([
                    String(r.index), r.code ?? "", r.reason, String(format: "%.3f", r.areaBefore),
                    String(format: "%.3f", r.areaAfter), String(format: "%.3f", r.areaAfter - r.areaBefore),
                ])
            }
            try outputs.add(fixed, to: output, options: LayerOutputOptions(keepBritishNationalGrid: layer.crs != .wgs84))
            try outputs.add(report, to: reportPath)
            try outputs.publish()
            for w in outputs.warnings { Console.warning(w) }
            guard !Console.quiet else { return }
            print("\(file): \(layer.features.count) features, \(repairs.count) repaired → \(output) (report: \(reportPath))")
            for r in repairs {
                print(
                    "  feature \(r.index)\(r.code.map { " (\($0))" } ?? ""): \(r.reason); area \(Number.short(r.areaBefore)) → \(Number.short(r.areaAfter)) m²"
                )
            }
        }
    }
}
