/// Hand-made shapes whose answers are known exactly.
public enum Shapes {
    /// An axis-aligned square ring, counter-clockwise.
    public static func square(_ x: Double, _ y: Double, _ side: Double) -> [(Double, Double)] {
        [(x, y), (x + side, y), (x + side, y + side), (x, y + side), (x, y)]
    }

    /// An axis-aligned rectangle ring, counter-clockwise.
    public static func rectangle(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> [(Double, Double)] {
        [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)]
    }

    /// A feature as GeoJSON text with the given properties JSON and geometry JSON.
    public static func feature(_ properties: String, _ geometry: String) -> String {
        "{\"type\":\"Feature\",\"properties\":\(properties),\"geometry\":\(geometry)}"
    }

    /// A FeatureCollection of features, with optional extra top-level members text (e.g. a crs).
    public static func collection(_ features: [String], extra: String = "") -> String {
        "{\"type\":\"FeatureCollection\",\(extra)\"features\":[\n" + features.joined(separator: ",\n") + "\n]}"
    }

    /// GeoJSON Polygon geometry text for rings.
    public static func polygonJSON(_ rings: [[(Double, Double)]]) -> String {
        "{\"type\":\"Polygon\",\"coordinates\":[" + rings.map(ringJSON).joined(separator: ",") + "]}"
    }

    public static func ringJSON(_ ring: [(Double, Double)]) -> String {
        "[" + ring.map { "[\($0.0),\($0.1)]" }.joined(separator: ",") + "]"
    }
}
