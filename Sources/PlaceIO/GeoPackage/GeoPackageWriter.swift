import Foundation
import PlaceGeometry

/// Writes a `Layer` as an OGC GeoPackage (1.3) feature table that QGIS and GDAL open natively.
///
/// The layer keeps its CRS (EPSG:27700 stays British National Grid, with the WKT from PROJ);
/// polygons are written as MULTIPOLYGON, every property as a column (TEXT, REAL or INTEGER by its
/// values; arrays and objects as JSON text). The file is built beside its target and renamed into
/// place, so a failure never leaves a half-written GeoPackage. No spatial index is written.
public enum GeoPackageWriter {
    public static func write(_ layer: Layer, to path: String, description: String = "") throws(InputError) {
        try AtomicFile.write(to: path) { (temporary: String) throws(InputError) in
            // Errors name the target, not the temporary file.
            do throws(InputError) {
                try fill(temporary, with: layer, description: description)
            } catch {
                throw InputError(.io, file: path, message: error.message, hint: error.hint)
            }
        }
    }

    private static func fill(_ path: String, with layer: Layer, description: String) throws(InputError) {
        let db = try SQLiteDatabase(creating: path)
        // 'GPKG' and version 1.3.0, as the specification requires.
        try db.execute("PRAGMA application_id = 1196444487; PRAGMA user_version = 10300;")
        try db.execute(Schema.core)
        try db.execute("BEGIN")
        let addCRS = try db.prepare(
            "INSERT OR IGNORE INTO gpkg_spatial_ref_sys (srs_name, srs_id, organization, organization_coordsys_id, definition) VALUES (?, ?, 'EPSG', ?, ?)"
        )
        for crs in Set([CRS.wgs84, layer.crs]) {
            try addCRS.run([.text(crs.description), .integer(Int64(crs.epsg)), .integer(Int64(crs.epsg)), .text(crs.wkt1 ?? "undefined")])
        }
        let table = tableName(layer.name)
        let columns = Columns(layer)
        let geometryType = layer.features.first.map { WKB.typeName($0.shape) } ?? "GEOMETRY"
        let mixed = layer.features.contains { WKB.typeName($0.shape) != geometryType }
        try db.execute(
            "CREATE TABLE \(quoted(table)) (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom \(mixed ? "GEOMETRY" : geometryType)"
                + columns.names.indices.map { ", \(quoted(columns.names[$0])) \(columns.types[$0])" }.joined() + ")")
        let bounds = layer.bounds
        try db.prepare(
            "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, min_x, min_y, max_x, max_y, srs_id) VALUES (?, 'features', ?, ?, ?, ?, ?, ?, ?)"
        ).run([
            .text(table), .text(layer.name), .text(description), bounds.map { .real($0.minX) } ?? .null,
            bounds.map { .real($0.minY) } ?? .null, bounds.map { .real($0.maxX) } ?? .null, bounds.map { .real($0.maxY) } ?? .null,
            .integer(Int64(layer.crs.epsg)),
        ])
        try db.prepare("INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', ?, ?, 0, 0)")
            .run([.text(table), .text(mixed ? "GEOMETRY" : geometryType), .integer(Int64(layer.crs.epsg))])
        let insert = try db.prepare(
            "INSERT INTO \(quoted(table)) (geom\(columns.names.map { ", " + quoted($0) }.joined())) VALUES (?\(String(repeating: ", ?", count: columns.names.count)))"
        )
        for f in layer.features {
            try insert.run([.blob(geometryBlob(f.shape, srs: layer.crs.epsg))] + columns.values(of: f))
        }
        try db.execute("COMMIT")
    }

    /// A GeoPackage geometry: the "GP" header with the SRS id and envelope, then little-endian WKB.
    static func geometryBlob(_ shape: Shape, srs: Int) -> [UInt8] {
        var out: [UInt8] = [0x47, 0x50, 0]  // "GP", version 0
        guard let b = shape.bounds else {
            out.append(0b0001_0001)  // empty geometry, no envelope, little-endian
            withUnsafeBytes(of: Int32(srs).littleEndian) { out.append(contentsOf: $0) }
            return out + WKB.bytes(shape)
        }
        out.append(0b0000_0011)  // envelope [minx, maxx, miny, maxy], little-endian
        withUnsafeBytes(of: Int32(srs).littleEndian) { out.append(contentsOf: $0) }
        for v in [b.minX, b.maxX, b.minY, b.maxY] { WKB.double(v, into: &out) }
        return out + WKB.bytes(shape)
    }

    /// A table name of letters, digits and underscores, not starting with a digit or "gpkg".
    static func tableName(_ name: String) -> String {
        var t = String(name.map { $0.isLetter || $0.isNumber ? $0 : "_" })
        if t.isEmpty || t.first?.isNumber == true || t.lowercased().hasPrefix("gpkg") { t = "layer_" + t }
        return t
    }

    static func quoted(_ identifier: String) -> String { "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
}

/// The property columns of a layer: names in order of first appearance, a SQL type from the values.
private struct Columns {
    var keys: [String] = []
    var names: [String] = []
    var types: [String] = []

    init(_ layer: Layer) {
        var kinds: [String: Set<String>] = [:]
        for f in layer.features {
            for (k, v) in f.properties.members {
                if kinds[k] == nil { keys.append(k) }
                switch v {
                case .null: kinds[k, default: []].formUnion([])
                case .bool: kinds[k, default: []].insert("INTEGER")
                case .number: kinds[k, default: []].insert("REAL")
                default: kinds[k, default: []].insert("TEXT")
                }
            }
        }
        for k in keys {
            let kind = kinds[k] ?? []
            types.append(kind.count == 1 ? kind.first ?? "TEXT" : "TEXT")
            var name = k
            while ["fid", "geom"].contains(name.lowercased()) || names.contains(name) { name += "_1" }
            names.append(name)
        }
    }

    func values(of f: Feature) -> [SQLValue] {
        keys.enumerated().map { c, key in
            guard let v = f.properties[key] else { return .null }
            switch (v, types[c]) {
            case (.null, _): return .null
            case (.bool(let b), "INTEGER"): return .integer(b ? 1 : 0)
            case (.number(let n), "REAL"): return .real(n)
            case (.string(let s), _): return .text(s)
            default: return .text(v.text ?? JSONText.text(v))
            }
        }
    }
}

/// The GeoPackage core tables (specification 1.3, clauses 1.1.2 to 1.1.4).
private enum Schema {
    static let core = """
        CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY,
          organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
        INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system');
        INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system');
        CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
          description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
          min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
          CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
        CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
          srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
          CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name), CONSTRAINT uk_gc_table_name UNIQUE (table_name),
          CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
          CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
        """
}
