import Foundation

/// GDAL's command-line tools (Debian gdal-bin), the independent check on what placemap reads and writes.
public enum GDALTools {
    public static let ogrinfo: String? = tool("ogrinfo")
    public static let ogr2ogr: String? = tool("ogr2ogr")
    /// Whether the tests that need them run: always in CI (where their absence is a failure), else when installed.
    public static var available: Bool { (ogrinfo != nil && ogr2ogr != nil) || ProcessInfo.processInfo.environment["CI"] != nil }

    private static func tool(_ name: String) -> String? {
        ["/usr/bin/", "/usr/local/bin/"].map { $0 + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs ogr2ogr, throwing with its message when it fails.
    public static func convert(_ arguments: [String]) throws {
        guard let ogr2ogr else { throw Failure(message: "ogr2ogr is not installed") }
        let result = try run(ogr2ogr, arguments)
        guard result.status == 0 else { throw Failure(message: "ogr2ogr \(arguments.joined(separator: " ")): \(result.stderr)") }
    }

    /// The rows of an SQL query run by ogrinfo (SQLite's own SQL for a GeoPackage), each as
    /// column → text; a NULL value is absent.
    public static func query(_ file: String, _ sql: String) throws -> [[String: String]] {
        guard let ogrinfo else { throw Failure(message: "ogrinfo is not installed") }
        let result = try run(ogrinfo, ["-q", "-ro", file, "-sql", sql])
        guard result.status == 0 else { throw Failure(message: "ogrinfo -sql \(sql): \(result.stderr)") }
        var rows: [[String: String]] = []
        for line in result.stdout.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("OGRFeature(") {
                rows.append([:])
            } else if let match = line.firstMatch(of: /^  ([^ ]+) \([A-Za-z0-9()]+\) = (.*)$/), !rows.isEmpty {
                rows[rows.count - 1][String(match.1)] = String(match.2)
            }
        }
        return rows
    }

    /// Runs an SQL statement that changes `file` (ogrinfo without `-ro`), throwing with its message when it fails.
    public static func execute(_ file: String, _ sql: String) throws {
        guard let ogrinfo else { throw Failure(message: "ogrinfo is not installed") }
        let result = try run(ogrinfo, ["-q", file, "-sql", sql])
        guard result.status == 0, !result.stderr.contains("ERROR") else { throw Failure(message: "ogrinfo -sql \(sql): \(result.stderr)") }
    }

    public struct Failure: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }
}

/// The checks of the OGC GeoPackage specification (1.2–1.4) that placemap's outputs must pass,
/// made with SQLite through ogrinfo and the file header — our own equivalent of GDAL's validate_gpkg.py
/// for what placemap writes: feature tables in EPSG:27700 with an R-tree.
public enum GeoPackageCheck {
    /// The problems found in `file`, empty when it is a valid GeoPackage.
    public static func problems(_ file: String) throws -> [String] {
        var problems: [String] = []
        let header = try Data(contentsOf: URL(fileURLWithPath: file)).prefix(100)
        if header.prefix(16) != Data("SQLite format 3\0".utf8) { problems.append("not an SQLite 3 file") }
        func bigEndian(_ offset: Int) -> UInt32 { header.dropFirst(offset).prefix(4).reduce(0) { $0 << 8 | UInt32($1) } }
        if header.count >= 72 {
            if bigEndian(68) != 0x4750_4B47 { problems.append("application_id is not 'GPKG'") }
            if !(10200..<10500).contains(bigEndian(60)) { problems.append("user_version \(bigEndian(60)) is not 1.2–1.4") }
        }
        if try GDALTools.query(file, "PRAGMA integrity_check").first?["integrity_check"] != "ok" {
            problems.append("integrity_check fails")
        }
        if try !GDALTools.query(file, "PRAGMA foreign_key_check").isEmpty { problems.append("foreign keys do not hold") }
        let srs = try GDALTools.query(file, "SELECT srs_id, organization, organization_coordsys_id FROM gpkg_spatial_ref_sys")
        for required in ["-1", "0", "4326"] where !srs.contains(where: { $0["srs_id"] == required }) {
            problems.append("gpkg_spatial_ref_sys lacks srs_id \(required)")
        }
        let contents = try GDALTools.query(file, "SELECT table_name, data_type, srs_id FROM gpkg_contents")
        for table in contents where table["data_type"] == "features" {
            let name = table["table_name"] ?? ""
            let quoted = name.replacingOccurrences(of: "'", with: "''")
            let columns = try GDALTools.query(
                file, "SELECT column_name, geometry_type_name, srs_id, z, m FROM gpkg_geometry_columns WHERE table_name = '\(quoted)'")
            guard let geometry = columns.first, let column = geometry["column_name"] else {
                problems.append("\(name): not in gpkg_geometry_columns")
                continue
            }
            if geometry["srs_id"] != table["srs_id"] {
                problems.append("\(name): srs_id differs between gpkg_contents and gpkg_geometry_columns")
            }
            if !srs.contains(where: { $0["srs_id"] == geometry["srs_id"] }) {
                problems.append("\(name): srs_id not in gpkg_spatial_ref_sys")
            }
            let valid = [
                "GEOMETRY", "POINT", "LINESTRING", "POLYGON", "MULTIPOINT", "MULTILINESTRING", "MULTIPOLYGON", "GEOMETRYCOLLECTION",
            ]
            if !valid.contains(geometry["geometry_type_name"] ?? "") {
                problems.append("\(name): geometry type \(geometry["geometry_type_name"] ?? "none")")
            }
            let declared = try GDALTools.query(file, "SELECT name, type, pk FROM pragma_table_info('\(quoted)')")
            if declared.first(where: { $0["pk"] == "1" })?["type"] != "INTEGER" { problems.append("\(name): no INTEGER primary key") }
            if declared.first(where: { $0["name"] == column })?["type"] != geometry["geometry_type_name"] {
                problems.append("\(name): the geometry column's declared type differs from gpkg_geometry_columns")
            }
            let rtree = try GDALTools.query(
                file, "SELECT extension_name FROM gpkg_extensions WHERE table_name = '\(quoted)' AND extension_name = 'gpkg_rtree_index'")
            if rtree.isEmpty { problems.append("\(name): no gpkg_rtree_index extension") }
            let counts = try GDALTools.query(
                file,
                "SELECT (SELECT COUNT(*) FROM \"rtree_\(name)_\(column)\") AS indexed, (SELECT COUNT(*) FROM \"\(name)\" WHERE \"\(column)\" IS NOT NULL) AS features"
            )
            if counts.first?["indexed"] != counts.first?["features"] {
                problems.append("\(name): the R-tree does not index every geometry")
            }
            // Every blob starts with the GeoPackage header "GP" and names the table's srs_id.
            let blobs = try GDALTools.query(
                file,
                "SELECT COUNT(*) AS bad FROM \"\(name)\" WHERE \"\(column)\" IS NOT NULL AND hex(substr(\"\(column)\", 1, 2)) != '4750'")
            if blobs.first?["bad"] != "0" { problems.append("\(name): geometries without the GeoPackage header") }
        }
        return problems
    }

    /// The declared SQL type of each column of `table`.
    public static func columnTypes(_ file: String, table: String) throws -> [String: String] {
        var types: [String: String] = [:]
        for row in try GDALTools.query(file, "SELECT name, type FROM pragma_table_info('\(table)')") {
            if let name = row["name"] { types[name] = row["type"] }
        }
        return types
    }
}

/// The bundled LAD 2024 layer (geodata/lad24_england.geojson, EPSG:4326) converted by ogr2ogr
/// to each format GIS teams hand over, for tests that the same features come back.
public enum ConvertedLAD: String, CaseIterable, Sendable {
    case shapefile, zippedShapefile, flatGeobuf, geoPackage, fileGeodatabase, kml, csvWKT, geoJSONSeq

    /// The source file as ogr2ogr reads it.
    public static var original: String { Paths.geodata("lad24_england.geojson") }

    /// Whether the converted layer lacks a CRS, so a reader must be told it (EPSG:4326).
    public var needsCRS: Bool { self == .csvWKT }

    /// Whether ONS-style field names were given (LAD24CD, LAD24NM) so a Shapefile keeps them whole.
    public var renamesFields: Bool { self == .shapefile || self == .zippedShapefile }

    /// Converts the original into a new folder and returns the path to read.
    public func convert() throws -> String {
        let folder = Paths.temporaryFolder()
        func at(_ name: String) -> String { folder.appendingPathComponent(name).path }
        let onsNames = ["-sql", "SELECT ltla24_code AS LAD24CD, ltla24_name AS LAD24NM FROM lad24_england"]
        let (path, arguments): (String, [String])
        switch self {
        case .shapefile: (path, arguments) = (at("lad.shp"), ["-f", "ESRI Shapefile"] + onsNames)
        case .zippedShapefile: (path, arguments) = (at("lad.shp.zip"), ["-f", "ESRI Shapefile"] + onsNames)
        case .flatGeobuf: (path, arguments) = (at("lad.fgb"), ["-f", "FlatGeobuf"])
        case .geoPackage: (path, arguments) = (at("lad.gpkg"), ["-f", "GPKG"])
        case .fileGeodatabase: (path, arguments) = (at("lad.gdb"), ["-f", "OpenFileGDB", "-nlt", "MULTIPOLYGON"])
        case .kml: (path, arguments) = (at("lad.kml"), ["-f", "KML"])
        case .csvWKT: (path, arguments) = (at("lad.csv"), ["-f", "CSV", "-lco", "GEOMETRY=AS_WKT"])
        case .geoJSONSeq: (path, arguments) = (at("lad.geojsonl"), ["-f", "GeoJSONSeq"])
        }
        try GDALTools.convert(arguments + [path, Self.original])
        return path
    }
}
