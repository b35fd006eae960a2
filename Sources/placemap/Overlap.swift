import ArgumentParser
import Foundation
import PlaceAnalysis
import PlaceGeometry
import PlaceIO

struct Overlap: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Every pair of features of A and B whose interiors overlap, with areas (m², EPSG:27700) and shares.",
        discussion: """
            CSV columns: a_code,a_name,b_code,b_name,area_m2,share_of_a,share_of_b and, with --blocks and \
            --population, population,population_share_of_a,population_share_of_b. The method, tolerance, inputs \
            and population totals go to a sidecar JSON beside the CSV (OUT.json).
            """)

    @Argument(help: "Layer A (GeoJSON).") var a: String
    @Argument(help: "Layer B (GeoJSON).") var b: String

    @Option(name: .customLong("a-code"), help: "Property of A holding codes (detected: XXnnCD or *_code).") var aCode: String?
    @Option(name: .customLong("a-name"), help: "Property of A holding names (detected from the code field).") var aName: String?
    @Option(name: .customLong("b-code"), help: "Property of B holding codes.") var bCode: String?
    @Option(name: .customLong("b-name"), help: "Property of B holding names.") var bName: String?
    @Option(name: .customLong("a-crs"), help: "EPSG code of A, overriding the file.") var aCRS: Int?
    @Option(name: .customLong("b-crs"), help: "EPSG code of B, overriding the file.") var bCRS: Int?

    @Option(help: "Write the table here (default: stdout).") var csv: String?
    @Option(help: "Write the overlap pieces here (GeoJSON).") var geojson: String?
    @Option(help: "Write the overlap pieces here as a GeoPackage (EPSG:27700), for QGIS.") var gpkg: String?
    @Option(name: .customLong("geojson-crs"), help: "4326 (RFC 7946, default) or 27700 (exact, with a crs member).")
    var geojsonCRS: Int = 4326

    @Option(name: .customLong("min-share"), help: "Sliver tolerance: drop pieces below this share of both features (0–1).")
    var minShare: Double = 0

    @OptionGroup var population: PopulationOptions

    func validate() throws {
        guard (0..<1).contains(minShare) else { throw ValidationError("--min-share must be at least 0 and below 1") }
        guard [4326, 27700].contains(geojsonCRS) else { throw ValidationError("--geojson-crs must be 4326 or 27700") }
    }

    func run() throws {
        try reportingErrors {
            let layerA = try FieldChoice(code: aCode, name: aName, crs: aCRS).analysisLayer(a)
            let layerB = try FieldChoice(code: bCode, name: bName, crs: bCRS).analysisLayer(b)
            var options = OverlapOptions()
            options.minShare = minShare
            options.keepShapes = geojson != nil || gpkg != nil
            options.population = try population.load()
            options.method = population.method ?? .centroid
            options.progress = progressLine("overlap")
            let result = try OverlapResult(a: layerA, b: layerB, options: options)
            let provenance = Provenance.overlap(result)
            if let csv {
                try CSVWriter.write(result.table, to: csv)
                try AtomicFile.write(JSONText.text(.object(provenance)) + "\n", to: sidecar(of: csv))
            } else {
                print(CSVWriter.text(result.table), terminator: "")
            }
            if let geojson {
                var layer = result.piecesLayer
                layer.name = "overlap"
                try GeoJSONWriter(keepCRS: geojsonCRS == 27700).write(
                    layer, to: geojson, members: JSONObject([("placemap", .object(provenance))]))
            }
            if let gpkg {
                var layer = result.piecesLayer
                layer.name = "overlap"
                try GeoPackageWriter.write(layer, to: gpkg, description: JSONText.text(.object(provenance)))
            }
            note(summary(result))
        }
    }

    func summary(_ r: OverlapResult) -> String {
        var s = "overlap: \(r.rows.count) pairs from \(r.a.count) × \(r.b.count) features"
        s += "; slivers set aside (both shares < \(r.options.minShare)): \(r.slivers.count) pairs, \(fmt(r.slivers.area)) m²"
        if let split = r.split {
            s +=
                "\npopulation (\(split.method.rawValue)): \(fmt(split.total)) in blocks, \(fmt(split.outsideEveryPiece)) outside every piece"
        }
        s += joinReport(r.options.population)
        for l in [r.a, r.b] where !l.repairs.isEmpty { s += "\n\(l.source): \(l.repairs.count) invalid geometries repaired" }
        return s
    }
}

/// The provenance file beside an output: "x.csv" → "x.json".
func sidecar(of path: String) -> String { beside(path, ".json") }

/// A file named after an output, its .csv or .geojson ending replaced: "x.geojson" → "x" + ending.
func beside(_ path: String, _ ending: String) -> String {
    let stem = [".csv", ".geojson"].first { path.hasSuffix($0) }.map { String(path.dropLast($0.count)) } ?? path
    return stem + ending
}
