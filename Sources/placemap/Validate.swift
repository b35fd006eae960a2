import ArgumentParser
import Foundation
import PlaceAnalysis
import PlaceGeometry
import PlaceIO

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Report invalid geometries (GEOS reason and location); with --fix, write a repaired layer.",
        discussion: "Exit code 0 when every geometry is valid (or was repaired with --fix), 65 when some are invalid.")

    @Argument(help: "A GeoJSON file.")
    var file: String

    @Option(help: "Write a repaired copy here (make-valid, polygonal parts kept), with a per-feature report beside it (.repairs.csv).")
    var fix: String?

    @OptionGroup var layerOptions: LayerOptions

    func run() throws {
        try reportingErrors {
            let (layer, fields) = try layerOptions.read(file)
            guard let fix else {
                let problems = LayerCheck.problems(in: layer, fields: fields)
                print("\(file): \(layer.features.count) features, \(problems.count) invalid")
                for p in problems { print("  " + describe(p)) }
                if !problems.isEmpty {
                    note("hint: placemap validate \(file) --fix OUT.geojson writes a repaired copy")
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
            let writer = GeoJSONWriter(keepCRS: layer.crs != .wgs84)
            try writer.write(fixed, to: fix)
            let reportPath = beside(fix, ".repairs.csv")
            try CSVWriter.write(report, to: reportPath)
            print("\(file): \(layer.features.count) features, \(repairs.count) repaired → \(fix) (report: \(reportPath))")
            for r in repairs {
                print(
                    "  feature \(r.index)\(r.code.map { " (\($0))" } ?? ""): \(r.reason); area \(fmt(r.areaBefore)) → \(fmt(r.areaAfter)) m²"
                )
            }
        }
    }
}
