import Foundation
import PlaceGeometry

/// Reads a feature table of an OGC GeoPackage into a `Layer`: geometries (Polygon, MultiPolygon,
/// Point, MultiPoint; Z and M dropped), every attribute column, the fid as the feature id, and the
/// CRS from `gpkg_spatial_ref_sys` (EPSG codes only).
public enum GeoPackageReader {
    /// Reads `table`, or the only feature table when `table` is nil.
    public static func read(path: String, table: String? = nil, crs override: CRS? = nil) throws(InputError) -> Layer {
        guard FileManager.default.fileExists(atPath: path) else {
            throw InputError(.io, file: path, message: "no such file", hint: "check the path")
        }
        let db = try SQLiteDatabase(reading: path)
        var tables: [(name: String, srs: Int64)] = []
        do {
            try db.prepare("SELECT table_name, srs_id FROM gpkg_contents WHERE data_type = 'features' ORDER BY table_name").query {
                (row: SQLiteStatement) throws(InputError) in
                tables.append((row.text(0) ?? "", row.integer(1)))
            }
        } catch {
            throw InputError(
                .badData, file: path, message: "not a GeoPackage (no gpkg_contents table)",
                hint: "expected an OGC GeoPackage; convert it with ogr2ogr -f GPKG")
        }
        let names = tables.map(\.name).joined(separator: ", ")
        guard let chosen = table.map({ t in tables.first { $0.name == t } }) ?? (tables.count == 1 ? tables.first : nil) else {
            throw InputError(
                .usage, file: path, message: table.map { "no feature table \"\($0)\"" } ?? "\(tables.count) feature tables",
                hint: tables.isEmpty ? "the GeoPackage holds no features" : "name one as FILE.gpkg:TABLE; the tables are: \(names)")
        }
        let crs: CRS
        if let override { crs = override } else { crs = try epsg(of: chosen.srs, in: db, path: path) }
        var geometryColumn = "geom"
        try db.prepare("SELECT column_name FROM gpkg_geometry_columns WHERE table_name = ?").query([.text(chosen.name)]) {
            (row: SQLiteStatement) throws(InputError) in
            geometryColumn = row.text(0) ?? geometryColumn
        }
        var columns: [String] = []
        var key = "fid"
        try db.prepare("SELECT name, pk FROM pragma_table_info(?)").query([.text(chosen.name)]) {
            (row: SQLiteStatement) throws(InputError) in
            let name = row.text(0) ?? ""
            if row.integer(1) == 1 { key = name } else if name != geometryColumn { columns.append(name) }
        }
        let quote = GeoPackageWriter.quoted
        let sql =
            "SELECT \(quote(key)), \(quote(geometryColumn))" + columns.map { ", " + quote($0) }.joined()
            + " FROM \(quote(chosen.name)) ORDER BY \(quote(key))"
        var features: [Feature] = []
        try db.prepare(sql).query { (row: SQLiteStatement) throws(InputError) in
            var properties = JSONObject()
            for (k, name) in columns.enumerated() { if let v = row.value(k + 2) { properties[name] = v } }
            let shape: Shape
            do throws(WKBReader.Failure) {
                shape = try geometry(row.blob(1))
            } catch {
                throw InputError(
                    .badData, file: path, featureIndex: features.count, featureCode: row.text(0), field: geometryColumn,
                    message: error.message, hint: "repair or re-export the layer (ogr2ogr -f GPKG)")
            }
            features.append(Feature(id: row.value(0), properties: properties, shape: shape))
        }
        return Layer(name: chosen.name, source: path, crs: crs, features: features)
    }

    /// The EPSG code behind a GeoPackage srs_id.
    static func epsg(of srs: Int64, in db: SQLiteDatabase, path: String) throws(InputError) -> CRS {
        var found: CRS?
        try db.prepare("SELECT organization, organization_coordsys_id FROM gpkg_spatial_ref_sys WHERE srs_id = ?").query([.integer(srs)]) {
            (row: SQLiteStatement) throws(InputError) in
            if row.text(0)?.uppercased() == "EPSG" { found = CRS(epsg: Int(row.integer(1))) }
        }
        guard let found else {
            throw InputError(
                .badData, file: path, message: "the layer's CRS (srs_id \(srs)) is not an EPSG code",
                hint: "reproject it (ogr2ogr -t_srs EPSG:27700) or pass --crs")
        }
        return found
    }

    /// A GeoPackage geometry blob: the "GP" header (with its envelope skipped), then WKB.
    static func geometry(_ blob: [UInt8]) throws(WKBReader.Failure) -> Shape {
        guard blob.count >= 8, blob[0] == 0x47, blob[1] == 0x50 else {
            throw WKBReader.Failure(
                message: blob.isEmpty ? "the feature has no geometry" : "the geometry is not a GeoPackage geometry blob")
        }
        let flags = blob[3]
        let envelopeSizes = [0, 32, 48, 48, 64]
        let code = Int((flags >> 1) & 0b111)
        guard code < envelopeSizes.count else { throw WKBReader.Failure(message: "the geometry header is malformed") }
        if flags & 0b1_0000 != 0 { throw WKBReader.Failure(message: "the geometry is empty") }
        var reader = WKBReader(blob, at: 8 + envelopeSizes[code])
        return try reader.shape()
    }
}
