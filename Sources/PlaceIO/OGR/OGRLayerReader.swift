import CGDAL
import Foundation
import PlaceGeometry

/// Reads one layer of any vector source GDAL opens into a `Layer`.
enum OGRLayerReader {
    /// The formats placemap reads, for messages about sources it cannot open.
    static let formats =
        "GeoJSON, GeoJSONSeq, GeoPackage, Shapefile (also zipped), FlatGeobuf, File Geodatabase (.gdb), KML, CSV with a WKT column, PostGIS (PG:\"dbname=… host=…\")"

    /// Reads `layer` of the source at `path` (a GDAL name: a file, `/vsizip/…` or `PG:…`), or its only
    /// layer when nil. `source` is how the user named it, for messages. Features without a geometry
    /// are left out and counted in the layer's warnings.
    static func read(_ path: String, source: String, layer name: String?, crs override: CRS?) throws(PlacemapError) -> Layer {
        // GDAL's messages during the read are kept and checked after every feature: an error
        // stops the read (a layer is never returned in part), a warning is said.
        let messages = GDALMessages()
        messages.install()
        defer { messages.remove() }
        try ShapefileParts.check(path, source: source, crsGiven: override != nil)
        let dataset = try open(path, source: source)
        let layer = try choose(name, in: dataset)
        let crs: CRS
        if let override { crs = override } else { crs = try epsg(of: layer, source: source) }
        try stopOnError(messages, source: source, featureIndex: nil)
        let fields = layer.fields
        // Never reserved from the count the source declares: a header can claim anything.
        var features: [Feature] = []
        var meter = MemoryMeter(file: source, what: "features")
        var withoutGeometry: [Int] = []
        var index = 0
        layer.resetReading()
        while true {
            let next = layer.nextFeature()
            try stopOnError(messages, source: source, featureIndex: index)
            guard let f = next else { break }
            defer { index += 1 }
            var properties = JSONObject()
            for (i, field) in fields.enumerated() {
                properties.appendUnchecked(field.name, f.value(Int32(i), type: field.type, subType: field.subType))
            }
            let shape: Shape?
            do throws(OGRShape.Unsupported) {
                shape = try f.geometry.flatMap { (g: OGRGeometryH) throws(OGRShape.Unsupported) in try OGRShape.shape(g) }
            } catch {
                throw PlacemapError(
                    .badData, file: source, featureIndex: index,
                    featureCode: properties.members.first { LayerFields.isCodeField($0.0) }?.1.text,
                    message: error.message, hint: "placemap compares areas and points: convert lines to polygons first")
            }
            try stopOnError(messages, source: source, featureIndex: index)
            guard let shape else {
                withoutGeometry.append(index)
                continue
            }
            features.append(Feature(id: f.fid.map { .number(Double($0)) }, properties: properties, shape: shape))
            try meter.add(
                shape.coordinates.count * 8 + fields.count * 48 + 128, index: index + 1,
                growth: features.count == features.capacity ? 2 * features.capacity * MemoryLayout<Feature>.stride : 0)
        }
        let declared = layer.declaredFeatureCount
        if let declared, declared != index {
            throw PlacemapError(
                .badData, file: source,
                message: "the layer \"\(layer.name)\" declares \(declared) features but \(index) could be read",
                hint: "the source is damaged or incomplete: repair it or export it again (e.g. with ogr2ogr)")
        }
        var out = Layer(name: layer.name, source: source, crs: crs, features: features)
        if !withoutGeometry.isEmpty {
            let listed = withoutGeometry.prefix(10).map(String.init).joined(separator: ", ")
            out.warnings.append(
                "\(withoutGeometry.count) feature\(withoutGeometry.count == 1 ? "" : "s") without a geometry left out (feature \(listed)\(withoutGeometry.count > 10 ? ", …" : ""))"
            )
        }
        if let warned = messages.summary { out.warnings.append(warned) }
        return out
    }

    /// Throws a bad-data error (exit 65) with GDAL's message when GDAL raised an error since the last check.
    private static func stopOnError(_ messages: GDALMessages, source: String, featureIndex: Int?) throws(PlacemapError) {
        guard let message = messages.takeError() else { return }
        throw PlacemapError(
            .badData, file: source, featureIndex: featureIndex,
            message: "GDAL could not read \(featureIndex == nil ? "the source" : "this feature"): \(message)",
            hint:
                "the source is damaged or incomplete: repair it or export it again (e.g. with ogr2ogr); placemap does not go on with part of a layer"
        )
    }

    /// Opens the source, with the CSV driver told where WKT geometries and types are.
    private static func open(_ path: String, source: String) throws(PlacemapError) -> OGRDataset {
        var options: [String] = []
        if OGRDataset.identify(path) == "CSV" {
            options = ["GEOM_POSSIBLE_NAMES=WKT,wkt,geometry,geom,the_geom,wkt_geom", "KEEP_GEOM_COLUMNS=NO", "AUTODETECT_TYPE=YES"]
        }
        guard let dataset = OGRDataset.open(path, source: source, options: options) else {
            if path.hasPrefix("PG:") {
                throw GDALLibrary.error(
                    "GDALOpenEx", .io, file: source, message: "cannot connect to PostGIS",
                    hint: "check the connection string, e.g. PG:\"dbname=gis host=localhost tables=places\"")
            }
            // A /vsi… name (a member of an archive, say) that is not there is an I/O error, as a missing
            // file is; a remote one (/vsicurl/) is not asked again.
            if path.hasPrefix("/vsi"), !path.hasPrefix("/vsicurl"), !VirtualFile.exists(path) {
                throw PlacemapError(
                    .io, file: source, message: "no such file (GDAL's virtual file system finds nothing at this name)",
                    hint: "check the path; an archive member is /vsizip//path/to/archive.zip/member")
            }
            throw PlacemapError(
                .badData, file: source,
                message: "is not a vector format placemap reads" + (GDALLibrary.lastMessage().map { " (GDAL: \($0))" } ?? ""),
                hint: "placemap reads \(formats)")
        }
        return dataset
    }

    /// The named layer, or the only one with geometry; a clear usage error listing the layers otherwise.
    private static func choose(_ name: String?, in dataset: OGRDataset) throws(PlacemapError) -> OGRLayer {
        let layers = dataset.layers
        let names = layers.map(\.name).joined(separator: ", ")
        if let name {
            guard let layer = dataset.layer(named: name) else {
                throw PlacemapError(
                    .usage, file: dataset.source, message: "no layer \"\(name)\"",
                    hint: layers.isEmpty ? "the source holds no layers" : "the layers are: \(names)")
            }
            return layer
        }
        // Tables without geometry (a GeoPackage's layer_styles, attribute tables) are not candidates
        // beside layers that have it.
        let spatial = layers.filter(\.hasGeometry)
        let candidates = spatial.isEmpty ? layers : spatial
        guard candidates.count == 1, let only = candidates.first else {
            throw PlacemapError(
                .usage, file: dataset.source, message: layers.isEmpty ? "holds no layers" : "\(candidates.count) layers",
                hint: layers.isEmpty ? "check the source" : "name one as SOURCE:LAYER or with the layer option; the layers are: \(names)")
        }
        return only
    }

    /// The layer's CRS as an EPSG code; a usage error asking for one when the source has none.
    private static func epsg(of layer: OGRLayer, source: String) throws(PlacemapError) -> CRS {
        guard let srs = layer.spatialReference else {
            throw PlacemapError(
                .usage, file: source, message: "the layer \"\(layer.name)\" has no CRS",
                hint: "pass its CRS with the layer's CRS option, e.g. 27700 for British National Grid or 4326 for longitude/latitude")
        }
        guard let code = srs.epsg else {
            throw PlacemapError(
                .usage, file: source, message: "the layer's CRS (\(srs.name)) has no EPSG code",
                hint: "pass its EPSG code with the layer's CRS option, or reproject it (ogr2ogr -t_srs EPSG:27700)")
        }
        return CRS(epsg: code)
    }
}
