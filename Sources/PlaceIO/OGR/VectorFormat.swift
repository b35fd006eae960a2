/// The vector formats placemap writes, the values of `--format`; `LayerWriter` and `OutputSet` pick
/// one from `--format` or the target.
public enum VectorFormat: String, Sendable, CaseIterable {
    case geoJSON = "geojson"
    case geoPackage = "gpkg"
    case flatGeobuf = "fgb"
    case shapefile = "shp"
    case postGIS = "postgis"

    /// A format by a name the user may give: `geojson`, `gpkg`/`geopackage`, `fgb`/`flatgeobuf`,
    /// `shp`/`shapefile`, `postgis`/`pg` (any case).
    public init?(name: String) {
        switch name.lowercased() {
        case "geojson", "json": self = .geoJSON
        case "gpkg", "geopackage": self = .geoPackage
        case "fgb", "flatgeobuf": self = .flatGeobuf
        case "shp", "shapefile", "esri shapefile": self = .shapefile
        case "postgis", "pg", "postgresql": self = .postGIS
        default: return nil
        }
    }

    /// The format a target names: `PG:…` is PostGIS, `FILE.gpkg:LAYER` a GeoPackage, otherwise the
    /// extension (`.geojson`/`.json`, `.gpkg`, `.fgb`, `.shp`); nil when it says nothing.
    public static func of(path: String) -> VectorFormat? {
        if path.hasPrefix("PG:") { return .postGIS }
        if LayerWriter.geoPackageLayer(path) != nil { return .geoPackage }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: ".") else { return nil }
        return VectorFormat(name: String(name[name.index(after: dot)...]))
    }

    /// The format for `path`: `explicit`, else what the target names; a name that says nothing is a
    /// usage error.
    public static func choose(_ explicit: VectorFormat?, for path: String) throws(PlacemapError) -> VectorFormat {
        if let explicit { return explicit }
        if let f = of(path: path) { return f }
        throw PlacemapError(
            .usage, file: path, message: "the output format cannot be told from the name",
            hint: "end the name in .geojson, .gpkg, .fgb or .shp, give a PG: connection, or pass --format")
    }

    /// GDAL's driver for the format.
    var driver: String {
        switch self {
        case .geoJSON: return "GeoJSON"
        case .geoPackage: return "GPKG"
        case .flatGeobuf: return "FlatGeobuf"
        case .shapefile: return "ESRI Shapefile"
        case .postGIS: return "PostgreSQL"
        }
    }
}
