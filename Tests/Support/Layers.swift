import PlaceGeometry
import PlaceIO

/// Small layers in EPSG:27700 metres built from hand-made shapes.

public enum Layers {
    /// Origin of hand-made layers: a point in England, so coordinates are plausible British National Grid.
    public static let x0 = 400_000.0
    public static let y0 = 300_000.0

    /// A rectangle offset from the origin, as a `Shape`.
    public static func rect(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> Shape {
        .polygon([Shapes.rectangle(Layers.x0 + x0, Layers.y0 + y0, Layers.x0 + x1, Layers.y0 + y1)])
    }

    /// A layer of (code, shape) features with `code`/`name` properties (name = "name of CODE").
    public static func make(_ features: [(String, Shape)], name: String = "test", extra: [String: [(String, JSONValue)]] = [:]) -> Layer {
        Layer(
            name: name, source: "\(name).geojson", crs: .britishNationalGrid,
            features: features.map { code, shape in
                Feature(
                    properties: JSONObject([("code", .string(code)), ("name", .string("name of \(code)"))] + (extra[code] ?? [])),
                    shape: shape)
            })
    }

    public static let fields = LayerFields(code: "code", name: "name")
}
