import Foundation
import PlaceGeometry
import PlaceIO

/// How a layer is written: the GeoJSON CRS choice and the provenance it carries.
public struct LayerOutputOptions: Sendable {
    /// GeoJSON in EPSG:27700 with a `crs` member and round-trip-exact numbers, instead of RFC 7946.
    public var keepBritishNationalGrid = false
    public var format: VectorFormat?
    public var provenance = JSONObject()
    /// A QGIS style for a GeoPackage layer (its `layer_styles` table); other formats ignore it.
    public var style: LayerStyle?

    public init(
        keepBritishNationalGrid: Bool = false, format: VectorFormat? = nil, provenance: JSONObject = JSONObject(), style: LayerStyle? = nil
    ) {
        self.keepBritishNationalGrid = keepBritishNationalGrid
        self.format = format
        self.provenance = provenance
        self.style = style
    }
}

extension OutputSet {
    /// Stages `layer` for `path` in the format its name (or `options.format`) says: GeoJSON with the
    /// provenance as a top-level `placemap` member, GeoPackage with it as the layer description.
    public func add(_ layer: Layer, to path: String, options: LayerOutputOptions = LayerOutputOptions()) throws(PlacemapError) {
        switch try VectorFormat.choose(options.format, for: path) {
        case .geoJSON:
            try add(Self.geoJSONText(layer, options: options), to: path)
        case .geoPackage:
            let description = options.provenance.keys.isEmpty ? "" : JSONText.text(.object(options.provenance))
            let target = LayerWriter.geoPackageLayer(path)
            let (file, layerName) = (target?.file ?? path, target?.layer)
            var named = layer
            if let layerName { named.name = layerName }
            // Other layers of an existing GeoPackage are kept; an existing layer needs --overwrite.
            let overwrite = policy.overwrite
            let style = options.style
            try add(to: file, startFromExisting: true) { (temporary: String) throws(PlacemapError) in
                try LayerWriter.write(
                    named, to: temporary, format: .geoPackage, layerName: layerName, description: description, replace: overwrite,
                    style: style)
            }
        case .flatGeobuf:
            try add(to: path) { (temporary: String) throws(PlacemapError) in
                try LayerWriter.write(layer, to: temporary, format: .flatGeobuf)
            }
        case .shapefile:
            try addShapefile(layer, to: path)
        case .postGIS:
            // A table is not a file to stage: it is written now, in one transaction (all or nothing),
            // named after the layer; an existing table needs --overwrite.
            let description = options.provenance.keys.isEmpty ? "" : JSONText.text(.object(options.provenance))
            try LayerWriter.write(layer, to: path, format: .postGIS, description: description, replace: policy.overwrite)
        }
    }

    /// The GeoJSON text of `layer`, with the provenance as a top-level `placemap` member.
    static func geoJSONText(_ layer: Layer, options: LayerOutputOptions) throws(PlacemapError) -> String {
        let members = options.provenance.keys.isEmpty ? JSONObject() : JSONObject([("placemap", .object(options.provenance))])
        return try GeoJSONWriter(keepCRS: options.keepBritishNationalGrid).text(layer, members: members)
    }

    /// Runs `write` (staging the outputs OGR writes, such as a GeoPackage) on a thread of its own while
    /// `encode` makes the other files' bytes on this one, then stages those. The manifest lists every
    /// file in the order the outputs were reserved, whichever side staged it first. `encode` must not
    /// touch the output set; when both fail, `write`'s error is the one thrown.
    public func add(writing write: @escaping () throws(PlacemapError) -> Void, beside encode: () throws(PlacemapError) -> [EncodedFile])
        throws(PlacemapError)
    {
        let files: [EncodedFile]
        do {
            (_, files) = try Parallel.both({ try write() }, { try encode() })
        } catch let error as PlacemapError {
            throw error
        } catch {
            throw PlacemapError(.io, message: "the outputs could not be written: \(error)", hint: "check the folder and try again")
        }
        for f in files { try add(f.bytes, to: f.path) }
    }
}

/// A file's bytes made before it is staged (see ``OutputSet/add(writing:beside:)``).
public struct EncodedFile: Sendable {
    public let path: String
    public let bytes: [UInt8]

    public init(_ bytes: [UInt8], path: String) {
        self.path = path
        self.bytes = bytes
    }

    /// A CSV table (RFC 4180).
    public init(_ table: CSVTable, path: String) { self.init(CSVWriter.bytes(table), path: path) }

    /// Provenance as a JSON file.
    public init(_ provenance: JSONObject, path: String) { self.init(Array((JSONText.text(.object(provenance)) + "\n").utf8), path: path) }

    /// A layer as GeoJSON (RFC 7946, or EPSG:27700 when the options keep it).
    public init(geoJSON layer: Layer, path: String, options: LayerOutputOptions) throws(PlacemapError) {
        self.init(Array(try OutputSet.geoJSONText(layer, options: options).utf8), path: path)
    }
}

extension OutputSet {
    /// A Shapefile is several files (.shp, .shx, .dbf, .prj, .cpg): OGR builds them in a scratch folder
    /// beside the target and each is staged under the target's name, so they are published together.
    /// Property names longer than 10 characters are shortened, and said in ``warnings``.
    func addShapefile(_ layer: Layer, to path: String) throws(PlacemapError) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        let stem = url.deletingPathExtension().lastPathComponent
        let scratch = folder.appendingPathComponent(".\(url.lastPathComponent).placemap-\(getpid()).parts")
        try? FileManager.default.removeItem(at: scratch)
        try OutputSet.makeFolder(scratch.path)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let built = scratch.appendingPathComponent(url.lastPathComponent).path
        warnings += try LayerWriter.write(layer, to: built, format: .shapefile)
        let parts: [String]
        do {
            parts = try FileManager.default.contentsOfDirectory(atPath: scratch.path).sorted()
        } catch {
            throw PlacemapError(.io, file: path, message: "cannot be written: \(error.localizedDescription)", hint: "check the folder")
        }
        for part in parts {
            let ending = part.hasPrefix(stem) ? String(part.dropFirst(stem.count)) : "." + URL(fileURLWithPath: part).pathExtension
            guard let bytes = FileManager.default.contents(atPath: scratch.appendingPathComponent(part).path) else {
                throw PlacemapError(.io, file: path, message: "the part \(part) cannot be read back", hint: "check the folder")
            }
            try add(Array(bytes), to: folder.appendingPathComponent(stem + ending).path)
        }
    }

    /// Stages a CSV table (RFC 4180) for `path` (`-` for standard output).
    public func add(_ table: CSVTable, to path: String) throws(PlacemapError) {
        try add(CSVWriter.bytes(table), to: path)
    }

    /// Stages provenance as a JSON file.
    public func add(_ provenance: JSONObject, to path: String) throws(PlacemapError) {
        try add(EncodedFile(provenance, path: path).bytes, to: path)
    }
}

/// The provenance file beside an output: "x.csv" → "x.json"; nil for standard output and special
/// files (a pipe or /dev/null has nowhere beside it).
public func sidecar(of path: String) -> String? {
    guard case .regular = try? OutputTarget.resolve(path) else { return nil }
    return beside(path, ".json")
}

/// A file named after an output, its ending replaced: "x.geojson" → "x" + ending, "x.gpkg:areas" → "x-areas" + ending.
public func beside(_ path: String, _ ending: String) -> String {
    if let named = LayerWriter.geoPackageLayer(path) { return beside(named.file, "-" + named.layer + ending) }
    let stem =
        [".csv", ".geojson", ".gpkg", ".json"].first { path.lowercased().hasSuffix($0) }.map { String(path.dropLast($0.count)) } ?? path
    return stem + ending
}
