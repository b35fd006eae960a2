import CGDAL
import Foundation
import PlaceGeometry

/// Writes a `Layer` to any format placemap writes, the one entry point for layer outputs.
///
/// GeoJSON goes to the hand-written `GeoJSONWriter` (RFC 7946); GeoPackage, FlatGeobuf, Shapefile
/// and PostGIS go through GDAL/OGR. It writes where it is told: staging a run's files beside their
/// targets and publishing them together is `OutputSet`'s job (PlaceOutput). A file it creates is
/// removed again when the write fails; an existing GeoPackage is updated in place. PostGIS layers are
/// written in one transaction.
public enum LayerWriter {
    /// Writes `layer` to `path` and returns what the user should be told (renamed Shapefile fields).
    ///
    /// - `format`: nil picks it from the target (`PG:…`, `FILE.gpkg:LAYER`, the extension).
    /// - `layerName`: the layer or table name; nil takes it from `FILE.gpkg:LAYER`, else the layer's own name.
    /// - `description`: stored as the layer description (GeoPackage `gpkg_contents`, PostGIS table comment).
    /// - `replace`: an existing layer of the same name in a GeoPackage or PostGIS database is
    ///   refused (a usage error) unless true; the file's other layers are kept either way.
    /// - `geoJSON`, `members`: how a GeoJSON target is written, and its extra top-level members.
    /// - `style`: a QGIS style stored in the GeoPackage's `layer_styles` table.
    @discardableResult
    public static func write(
        _ layer: Layer, to path: String, format: VectorFormat? = nil, layerName: String? = nil, description: String = "",
        replace: Bool = false, geoJSON: GeoJSONWriter = GeoJSONWriter(), members: JSONObject = JSONObject(),
        style: LayerStyle? = nil
    ) throws(PlacemapError) -> [String] {
        let format = try VectorFormat.choose(format, for: path)
        let named = geoPackageLayer(path)
        let table = format == .postGIS ? try postGISTable(path) : nil
        let target = format == .geoPackage ? (named?.file ?? path) : table?.connection ?? path
        let name = layerName ?? named?.layer ?? table?.name ?? tableName(layer.name)
        switch format {
        case .geoJSON:
            let text = try geoJSON.text(layer, members: members)
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            } catch {
                throw PlacemapError(.io, file: path, message: "cannot be written: \(error.localizedDescription)", hint: "check the folder")
            }
            return []
        case .geoPackage:
            return try writeGeoPackage(layer, to: target, name: name, description: description, replace: replace, style: style)
        case .flatGeobuf, .shapefile:
            return try writeFile(layer, to: target, format: format, name: name)
        case .postGIS:
            return try writePostGIS(layer, to: target, name: name, description: description, replace: replace)
        }
    }

    /// The file and layer of `FILE.gpkg:LAYER`, or nil.
    public static func geoPackageLayer(_ path: String) -> (file: String, layer: String)? {
        guard let range = path.range(of: ".gpkg:", options: [.caseInsensitive, .backwards]) else { return nil }
        let layer = String(path[range.upperBound...])
        guard !layer.isEmpty, !layer.contains("/") else { return nil }
        return (String(path[..<range.lowerBound]) + String(path[range].dropLast()), layer)
    }

    /// Whether the GeoPackage at `path` exists and holds a layer `name` (opened read-only); false when
    /// it cannot be opened, which the write then reports.
    public static func geoPackage(_ path: String, hasLayer name: String) -> Bool {
        guard FileManager.default.fileExists(atPath: path), let dataset = OGRDataset.open(path, source: path) else { return false }
        return dataset.layer(named: name) != nil
    }

    /// The table a PostGIS target names with `tables=NAME` (or `tables=schema.name`), and the connection
    /// without it (GDAL would otherwise open only that table, which does not exist yet); nil when it
    /// names none. Several tables are a usage error: a layer is one table.
    static func postGISTable(_ connection: String) throws(PlacemapError) -> (connection: String, name: String)? {
        guard let match = connection.firstMatch(of: /(^PG:|\s)tables=(\S*)/.ignoresCase()) else { return nil }
        let value = String(match.output.2).trimmingCharacters(in: CharacterSet(charactersIn: "'\""))
        guard !value.isEmpty, !value.contains(",") else {
            throw PlacemapError(
                .usage, file: LayerReader.masked(connection), message: "a layer is written to one table, not tables=\(match.output.2)",
                hint: "name one table: tables=NAME or tables=schema.NAME")
        }
        var rest = connection
        rest.replaceSubrange(match.range, with: match.output.1)
        return (rest, value)
    }

    /// A table name of letters, digits and underscores, not starting with a digit or "gpkg".
    static func tableName(_ name: String) -> String {
        var t = String(name.map { $0.isLetter || $0.isNumber ? $0 : "_" })
        if t.isEmpty || t.first?.isNumber == true || t.lowercased().hasPrefix("gpkg") { t = "layer_" + t }
        return t
    }

    // MARK: GeoPackage

    /// A new GeoPackage (removed again if the write fails), or the existing one with the layer added
    /// or replaced in place.
    private static func writeGeoPackage(
        _ layer: Layer, to path: String, name: String, description: String, replace: Bool, style: LayerStyle?
    ) throws(PlacemapError) -> [String] {
        let exists = FileManager.default.fileExists(atPath: path)
        let dataset: OGRDataset
        if exists {
            guard let current = OGRDataset.open(path, source: path, update: true), current.driverName == "GPKG" else {
                throw PlacemapError(
                    .usage, file: path, message: "exists and is not a GeoPackage (or cannot be opened for update)",
                    hint: "choose another name, or check the file is a GeoPackage you may write")
            }
            if current.layer(named: name) != nil, !replace {
                throw PlacemapError(
                    .usage, file: path, message: "already has a layer \"\(name)\"",
                    hint: "choose another layer name (FILE.gpkg:LAYER) or allow replacing it")
            }
            dataset = current
        } else {
            dataset = try OGRDataset.create(path, driver: "GPKG", source: path)
        }
        do throws(PlacemapError) {
            if exists { try dataset.deleteLayer(named: name) }
            let options = ["GEOMETRY_NAME=geom", "FID=fid", "SPATIAL_INDEX=YES", "IDENTIFIER=\(name)", "DESCRIPTION=\(description)"]
            let warnings = try fill(dataset, with: layer, name: name, options: options, reserved: ["fid", "geom"])
            if let style { try OGRStyles.store(style, for: name, in: dataset) }
            try dataset.close()
            return warnings
        } catch {
            if !exists {
                try? dataset.close()
                try? FileManager.default.removeItem(atPath: path)
            }
            throw error
        }
    }

    // MARK: FlatGeobuf and Shapefile

    /// A one-layer file built in a folder beside the target, then renamed into place (for a
    /// Shapefile, each of its files in turn).
    private static func writeFile(_ layer: Layer, to path: String, format: VectorFormat, name: String) throws(PlacemapError) -> [String] {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw PlacemapError(.io, file: path, message: "the folder \(folder.path) does not exist", hint: "create it first")
        }
        let scratch = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).parts")
        try? FileManager.default.removeItem(at: scratch)
        do {
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: false)
        } catch {
            throw PlacemapError(
                .io, file: path, message: "cannot be written: \(error.localizedDescription)", hint: "check the folder is writable")
        }
        defer { try? FileManager.default.removeItem(at: scratch) }
        // FlatGeobuf makes a folder unless the name ends in .fgb: build "layer.fgb", then rename it to the target.
        let single = format == .flatGeobuf
        let built = scratch.appendingPathComponent(single ? "layer.fgb" : url.lastPathComponent).path
        let dataset = try OGRDataset.create(built, driver: format.driver, source: path)
        let warnings: [String]
        if format == .shapefile {
            warnings = try fill(
                dataset, with: layer, name: url.deletingPathExtension().lastPathComponent, options: ["ENCODING=UTF-8"], reserved: [],
                maxNameLength: 10)
        } else {
            warnings = try fill(dataset, with: layer, name: name, options: ["SPATIAL_INDEX=YES"], reserved: [])
        }
        try dataset.close()
        if single {
            guard rename(built, path) == 0 else {
                throw PlacemapError(.io, file: path, message: "cannot be written: \(String(cString: strerror(errno)))")
            }
            return warnings
        }
        let parts: [String]
        do {
            parts = try FileManager.default.contentsOfDirectory(atPath: scratch.path)
        } catch {
            throw PlacemapError(.io, file: path, message: "cannot be written: \(error.localizedDescription)")
        }
        for part in parts.sorted() {
            let from = scratch.appendingPathComponent(part).path
            let to = folder.appendingPathComponent(part).path
            guard rename(from, to) == 0 else {
                throw PlacemapError(.io, file: to, message: "cannot be written: \(String(cString: strerror(errno)))")
            }
        }
        return warnings
    }

    // MARK: PostGIS

    /// A table in a PostGIS database, created and filled in one transaction.
    private static func writePostGIS(_ layer: Layer, to connection: String, name: String, description: String, replace: Bool)
        throws(PlacemapError) -> [String]
    {
        let source = LayerReader.masked(connection)
        guard let dataset = OGRDataset.open(connection, source: source, update: true) else {
            throw GDALLibrary.error(
                "GDALOpenEx", file: source, message: "cannot connect to PostGIS",
                hint: "check the connection string, e.g. PG:\"dbname=gis host=localhost\"")
        }
        if dataset.layer(named: name) != nil, !replace {
            throw PlacemapError(
                .usage, file: source, message: "already has a table \"\(name)\"", hint: "choose another name or allow replacing it")
        }
        try dataset.startTransaction()
        do {
            try dataset.deleteLayer(named: name)
            let options = ["GEOMETRY_NAME=geom", "FID=fid", "LAUNDER=NO", "SPATIAL_INDEX=GIST", "DESCRIPTION=\(description)"]
            let warnings = try fill(dataset, with: layer, name: name, options: options, reserved: ["fid", "geom"], transaction: false)
            try dataset.commit()
            try dataset.close()
            return warnings
        } catch {
            dataset.rollback()
            throw error
        }
    }

    // MARK: Layers through OGR

    /// Creates the layer, its fields and features in an open dataset, in a transaction when the
    /// dataset has them and `transaction` is true; returns the renamed fields as warnings.
    private static func fill(
        _ dataset: OGRDataset, with layer: Layer, name: String, options: [String], reserved: [String], maxNameLength: Int? = nil,
        transaction: Bool = true
    ) throws(PlacemapError) -> [String] {
        let columns = OGRColumns(layer, reserved: reserved, maxLength: maxNameLength)
        let kinds = Set(layer.features.map(\.shape.kind))
        let type: OGRwkbGeometryType
        if kinds.isSubset(of: [.polygon, .multiPolygon]) {
            type = wkbMultiPolygon
        } else if kinds == [.point] {
            type = wkbPoint
        } else if kinds.isSubset(of: [.point, .multiPoint]) {
            type = wkbMultiPoint
        } else {
            type = wkbUnknown
        }
        let srs = try OGRSpatialReference(layer.crs)
        let out = try dataset.createLayer(name, crs: srs, type: type, options: options)
        for c in columns.names.indices {
            let width = maxNameLength != nil && columns.types[c] == OFTString ? min(254, max(1, columns.widths[c])) : 0
            try out.createField(columns.names[c], type: columns.types[c], subType: columns.subTypes[c], width: width)
        }
        let transacted = transaction && dataset.hasTransactions
        if transacted { try dataset.startTransaction() }
        for (i, f) in layer.features.enumerated() {
            let feature = try out.makeFeature()
            for (c, key) in columns.keys.enumerated() {
                feature.set(Int32(c), f.properties[key] ?? .null, type: columns.types[c])
            }
            let shape =
                kinds.contains(.multiPoint) && f.shape.kind == .point ? Shape(kind: .multiPoint, coordinates: f.shape.coordinates) : f.shape
            guard let geometry = OGRShape.geometry(shape) else {
                throw GDALLibrary.error("OGR_G_CreateGeometry", file: dataset.source, message: "cannot build the geometry", featureIndex: i)
            }
            try feature.setGeometry(taking: geometry)
            try out.create(feature, index: i)
        }
        if transacted { try dataset.commit() }
        return columns.renamed.map {
            "\(dataset.source): property \"\($0.key)\" written as field \"\($0.name)\""
                + (maxNameLength.map { " (names are at most \($0) characters in this format)" } ?? "")
        }
    }
}
