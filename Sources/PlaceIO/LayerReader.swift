import Foundation
import PlaceGeometry

/// Reads a layer from any vector source, the one entry point for every command that reads one.
///
/// The reader is chosen by content, not by the name: a GeoJSON FeatureCollection goes to the
/// hand-written `GeoJSONReader` (several times faster than GDAL's driver); everything else —
/// GeoJSONSeq, GeoPackage, Shapefile, FlatGeobuf, File Geodatabase, KML, CSV with WKT, a zip of
/// any of these, a `PG:` connection — goes to GDAL/OGR. A layer of a multi-layer source is named
/// with `layer` or as `SOURCE:LAYER` (e.g. `project.gpkg:places`).
public enum LayerReader {
    /// Reads `layer` of the source at `path` (the only layer when nil). `crs` overrides the
    /// source's own CRS, and is required when the source has none (CSV, a Shapefile without .prj).
    /// `path` may also be an `http(s)://` URL (downloaded into the cache, see ``RemoteSource``; a
    /// member of a zip at a URL is `URL.zip/MEMBER`) or a member of a local zip, `archive.zip/dir/file.shp`.
    public static func read(path: String, layer: String? = nil, crs override: CRS? = nil) throws(PlacemapError) -> Layer {
        guard RemoteSource.isURL(path) else { return try readLocal(path: path, layer: layer, crs: override) }
        let (url, member) = RemoteSource.archiveSplit(path)
        let (local, download) = try RemoteSource.fetch(url)
        var result = try readLocal(path: local + member, layer: layer, crs: override)
        result.source = path
        result.download = download
        return result
    }

    static func readLocal(path: String, layer: String?, crs override: CRS?) throws(PlacemapError) -> Layer {
        if path.hasPrefix("/vsicurl"), RemoteSource.isOffline {
            throw PlacemapError(.io, file: path, message: "--offline forbids reading over the network", hint: "give a local copy")
        }
        var path = archiveMember(path) ?? path
        var layer = layer
        if let (file, named) = split(path) {
            path = file
            layer = layer ?? named
        }
        switch try sniff(path) {
        case .geoJSON:
            return try GeoJSONReader.read(path: path, crs: override)
        case .gdal(let name):
            let result = try OGRLayerReader.read(name, source: masked(path), layer: layer, crs: override)
            try CRSCheck.plausible(result)
            return result
        }
    }

    /// `archive.zip/dir/file.shp` (a path that does not exist, under a zip that does) as GDAL's
    /// `/vsizip//abs/archive.zip/dir/file.shp`; nil for anything else.
    static func archiveMember(_ path: String) -> String? {
        guard !path.hasPrefix("/vsi"), !path.hasPrefix("PG:"), !FileManager.default.fileExists(atPath: path),
            let match = path.firstMatch(of: /(?i)^(.+?\.zip)(\/.+)$/)
        else { return nil }
        let archive = String(match.1)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: archive, isDirectory: &isFolder), !isFolder.boolValue else { return nil }
        return "/vsizip/" + URL(fileURLWithPath: archive).standardizedFileURL.path + String(match.2)
    }

    /// Reads the source through GDAL/OGR even when it is a GeoJSON FeatureCollection, to compare the
    /// two readers (benchmarks/, tests); commands use ``read(path:layer:crs:)``.
    public static func readThroughGDAL(path: String, layer: String? = nil, crs override: CRS? = nil) throws(PlacemapError) -> Layer {
        try OGRLayerReader.read(path, source: path, layer: layer, crs: override)
    }

    /// The source for messages, with a PostGIS password hidden.
    static func masked(_ path: String) -> String {
        guard path.hasPrefix("PG:") else { return path }
        return path.replacing(/password=('[^']*'|\S*)/, with: "password=…")
    }

    /// How a source is read: the GeoJSON fast path, or GDAL with the name GDAL opens.
    enum Route: Equatable {
        case geoJSON
        case gdal(String)
    }

    /// Looks at the first bytes: `{` with a FeatureCollection goes to the GeoJSON reader, a
    /// record separator or one feature per line to GDAL's GeoJSONSeq, a zip to `/vsizip/`, and
    /// anything else (including folders and `PG:` connections) to GDAL.
    static func sniff(_ path: String) throws(PlacemapError) -> Route {
        if path.hasPrefix("PG:") || path.hasPrefix("/vsi") { return .gdal(path) }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw PlacemapError(.io, file: path, message: "no such file", hint: "check the path")
        }
        if isFolder.boolValue { return .gdal(path) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw PlacemapError(.io, file: path, message: "cannot be read", hint: "check its permissions")
        }
        defer { try? handle.close() }
        let head = Array((try? handle.read(upToCount: 65536)) ?? Data())
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            return .gdal("/vsizip/" + URL(fileURLWithPath: path).standardizedFileURL.path)
        }
        var start = head.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while start < head.count, [0x20, 0x0A, 0x0D, 0x09].contains(head[start]) { start += 1 }
        guard start < head.count else { return .geoJSON }  // empty: the GeoJSON reader says so
        if head[start] == 0x1E { return .gdal(path) }
        guard head[start] == UInt8(ascii: "{") || head[start] == UInt8(ascii: "[") else { return .gdal(path) }
        // GeoJSONSeq: a complete object on the first line, another object on the next.
        if let newline = head[start...].firstIndex(of: 0x0A) {
            let line = head[start..<newline].reversed().drop { [0x20, 0x0D, 0x09].contains($0) }
            let next = head[(newline + 1)...].first { ![0x20, 0x0A, 0x0D, 0x09].contains($0) }
            let text = String(decoding: head[start..<newline], as: UTF8.self)
            if line.first == UInt8(ascii: "}"), next == UInt8(ascii: "{"), !text.contains("FeatureCollection") {
                return .gdal(path)
            }
        }
        return .geoJSON
    }

    /// `FILE:LAYER` when `FILE` exists and the whole does not, e.g. `project.gpkg:places`; nil otherwise.
    static func split(_ path: String) -> (file: String, layer: String)? {
        guard !path.hasPrefix("PG:"), !FileManager.default.fileExists(atPath: path),
            let colon = path.lastIndex(of: ":")
        else { return nil }
        let file = String(path[..<colon])
        let layer = String(path[path.index(after: colon)...])
        guard !layer.isEmpty, !layer.contains("/"), FileManager.default.fileExists(atPath: file) else { return nil }
        return (file, layer)
    }
}
