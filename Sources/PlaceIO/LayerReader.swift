import Foundation
import PlaceGeometry

/// Reads a layer from GeoJSON or from a GeoPackage, chosen by the file name: `FILE.gpkg` (its only
/// feature table) or `FILE.gpkg:TABLE`; anything else is read as GeoJSON.
public enum LayerReader {
    public static func read(path: String, layer name: String? = nil, crs override: CRS? = nil) throws(InputError) -> Layer {
        if let (file, table) = geoPackage(path) {
            let layer = try GeoPackageReader.read(path: file, table: name ?? table, crs: override)
            try CRSCheck.plausible(layer)
            return layer
        }
        return try GeoJSONReader.read(path: path, crs: override)
    }

    /// The file and table a GeoPackage path names, or nil for other files.
    static func geoPackage(_ path: String) -> (file: String, table: String?)? {
        if path.lowercased().hasSuffix(".gpkg") { return (path, nil) }
        guard let range = path.range(of: ".gpkg:", options: [.caseInsensitive, .backwards]),
            !FileManager.default.fileExists(atPath: path)
        else { return nil }
        return (String(path[..<range.lowerBound]) + String(path[range].dropLast()), String(path[range.upperBound...]))
    }
}
