/// The vector formats placemap writes; `LayerWriter` picks one from `--format` or the target.
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
