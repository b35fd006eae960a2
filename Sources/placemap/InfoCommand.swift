import ArgumentParser
import Foundation
import PlaceAnalysis
import PlaceGeometry
import PlaceIO
import PlaceOutput

struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Describe a layer: features, geometry types, CRS, bounds, fields, duplicates, validity, area.")

    @Argument(help: "A layer: any vector source placemap reads (GeoJSON, GeoPackage, Shapefile, …).")
    var file: String

    @OptionGroup(title: "Layer") var layerChoice: LayerChoice<OnlyLayer>

    func run() throws {
        try reportingErrors {
            let (layer, fields) = try layerChoice.readWithFields(file)
            print(try LayerDescription(layer: layer, fields: fields).text)
        }
    }
}

/// The text `placemap info` prints for a layer.
struct LayerDescription {
    let layer: Layer
    let fields: LayerFields?

    var text: String {
        get throws {
            var lines: [String] = []
            lines.append("\(layer.source)")
            lines.append("  layer:       \(layer.name)")
            lines.append("  features:    \(layer.features.count)")
            var kinds: [String: Int] = [:]
            for f in layer.features { kinds[f.shape.kind.rawValue, default: 0] += 1 }
            lines.append("  geometry:    " + kinds.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
            lines.append("  CRS:         \(layer.crs)")
            if let b = layer.bounds {
                lines.append(
                    "  bounds:      \(Number.short(b.minX)), \(Number.short(b.minY)) to \(Number.short(b.maxX)), \(Number.short(b.maxY))")
            }
            if layer.crs != .britishNationalGrid {
                let transform: CoordinateTransform
                do {
                    transform = try CoordinateTransform(from: layer.crs, to: .britishNationalGrid)
                } catch {
                    throw PlacemapError(.badData, file: layer.source, message: "cannot reproject \(layer.crs) → EPSG:27700: \(error)")
                }
                if let f = layer.features.first, f.shape.pointCount > 0 {
                    do {
                        _ = try transform.transform(x: f.shape.coordinates[0], y: f.shape.coordinates[1])
                    } catch {
                        throw PlacemapError(
                            .badData, file: layer.source, featureIndex: 0, message: "\(error)",
                            hint: "check that the file's CRS is really \(layer.crs)")
                    }
                    if let op = transform.lastUsedOperation() {
                        let accuracy = op.accuracyMetres.map { "\(Number.short($0)) m" } ?? "unknown"
                        let grids =
                            op.grids.isEmpty
                            ? "no grid" : op.grids.map { "\($0.name) (\($0.available ? "installed" : "missing"))" }.joined(separator: ", ")
                        lines.append(
                            "  to EPSG:27700 with PROJ \(CoordinateTransform.projVersion): \(op.name); accuracy \(accuracy); \(grids)")
                    }
                }
            }
            if let fields {
                lines.append("  code field:  \(fields.code)   name field: \(fields.name ?? "(none)")   geography: \(fields.prefix)")
                let duplicates = fields.duplicates(in: layer)
                lines.append("  duplicates:  \(duplicates.isEmpty ? "none" : "\(duplicates.count) codes")")
                for d in duplicates.prefix(20) {
                    lines.append("    \(d.code): features \(d.indices.map(String.init).joined(separator: ", "))")
                }
            } else {
                let keys = layer.features.first?.properties.keys ?? []
                lines.append("  code field:  none detected (properties: \(keys.joined(separator: ", "))); use --code")
            }
            let (problems, unchecked) = LayerCheck.check(layer, fields: fields)
            lines.append("  invalid:     \(problems.isEmpty ? "none" : "\(problems.count) features")")
            if !unchecked.isEmpty { lines.append("  not checked: \(unchecked.count) features") }
            for p in unchecked.prefix(20) { lines.append("    " + describe(p)) }
            for p in problems.prefix(20) { lines.append("    " + describe(p)) }
            if problems.count > 20 { lines.append("    … and \(problems.count - 20) more (placemap validate lists them all)") }
            let areas = try LayerCheck.areas(of: layer)
            lines.append("  total area:  \(Number.short(areas.reduce(0, +) / 1e6)) km² (EPSG:27700)")
            return lines.joined(separator: "\n")
        }
    }
}
