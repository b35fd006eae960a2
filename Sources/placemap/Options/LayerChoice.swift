import ArgumentParser
import PlaceAnalysis
import PlaceGeometry
import PlaceIO

/// `--R-code`, `--R-name`, `--R-crs`, `--R-layer` for an input layer of role R.
struct LayerChoice<R: InputRole>: ParsableArguments {
    static func option(_ word: String) -> NameSpecification { .customLong(R.long(word)) }

    @Option(
        name: option("code"), help: ArgumentHelp("Property of \(R.noun) holding codes (detected: XXnnCD or *_code).", valueName: "field"))
    var code: String?

    @Option(
        name: option("name"), help: ArgumentHelp("Property of \(R.noun) holding names (detected from the code field).", valueName: "field"))
    var name: String?

    @Option(
        name: option("crs"),
        help: ArgumentHelp(
            "CRS of \(R.noun), overriding the source: 27700, EPSG:27700 or anything PROJ reads (GeoJSON without a crs member is EPSG:4326).",
            valueName: "crs"),
        transform: parsedCRS)
    var crs: CRS?

    @Option(
        name: option("layer"),
        help: ArgumentHelp("Layer or table of \(R.noun) in a multi-layer source (GeoPackage, PostGIS, …).", valueName: "name"))
    var layer: String?

    /// The layer as read, with its CRS override.
    func read(_ path: String) throws -> Layer {
        let layer = try LayerReader.read(path: path, layer: self.layer, crs: crs)
        Console.warn(layer)
        return layer
    }

    /// The layer and its fields: a named field must exist; a detected one may be missing (nil).
    func readWithFields(_ path: String) throws -> (Layer, LayerFields?) {
        let layer = try read(path)
        guard code != nil else { return (layer, try? LayerFields.detect(in: layer, name: name)) }
        return (layer, try LayerFields.detect(in: layer, code: code, name: name))
    }

    /// The layer ready for analysis (EPSG:27700, valid, with code and name fields).
    func analysisLayer(_ path: String) throws -> AnalysisLayer {
        let layer = try read(path)
        return try AnalysisLayer(layer, fields: LayerFields.detect(in: layer, code: code, name: name))
    }
}

/// A CRS from an option value (`@Option(transform:)`, so it is parsed once), or a usage error
/// naming the value.
@Sendable func parsedCRS(_ text: String) throws -> CRS {
    do {
        return try CRS(parsing: text)
    } catch {
        throw ValidationError("unknown CRS \"\(text)\": \(error)")
    }
}
