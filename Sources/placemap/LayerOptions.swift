import ArgumentParser
import PlaceGeometry
import PlaceIO

/// Options shared by commands that read one layer.
struct LayerOptions: ParsableArguments {
    @Option(name: .customLong("code-field"), help: "Property holding each feature's code (detected: XXnnCD or *_code).")
    var codeField: String?

    @Option(name: .customLong("name-field"), help: "Property holding each feature's name (detected from the code field).")
    var nameField: String?

    @Option(help: "EPSG code of the input, overriding the file (GeoJSON without a crs member is EPSG:4326).")
    var crs: Int?

    /// The layer and its fields: a named field must exist; a detected one may be missing (nil).
    func read(_ path: String) throws -> (Layer, LayerFields?) {
        let layer = try LayerReader.read(path: path, crs: crs.map(CRS.init(epsg:)))
        guard codeField != nil else { return (layer, try? LayerFields.detect(in: layer, name: nameField)) }
        return (layer, try LayerFields.detect(in: layer, code: codeField, name: nameField))
    }
}
