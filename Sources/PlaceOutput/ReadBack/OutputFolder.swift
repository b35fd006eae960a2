import Foundation
import PlaceAnalysis
import PlaceGeometry
import PlaceIO

/// Reads what `coterminosity`, `contiguity`, `catchments` and `diff` wrote into a folder (or into its
/// immediate subfolders, as the main job writes them) back into their records: the same values the
/// records of the results just computed hold. The input layers named in the provenance (the systems,
/// the contiguity layer, the catchments' small areas) are read again for their shapes when they are
/// still there.
public enum OutputFolder {
    /// A record read from the folder `path`.
    public struct Item<Record: Sendable>: Sendable {
        public var path: String
        public var record: Record

        /// The folder's own name (e.g. `lad24-icb24`).
        public var name: String { URL(fileURLWithPath: path).lastPathComponent }
    }

    /// Everything read from a folder, each analysis in folder order (the folder first, then its
    /// subfolders by name).
    public struct Content: Sendable {
        public var coterminosity: [Item<CoterminosityRecord>] = []
        public var contiguity: [Item<ContiguityRecord>] = []
        /// The first catchments folder.
        public var catchments: Item<CatchmentRecord>?
        public var diffs: [Item<DiffRecord>] = []
    }

    /// The files that mark each analysis's output folder.
    public static let markers = ["coterminosity.json", "contiguity.json", "catchments.json", "diff.json"]

    /// The records of `folder`; a folder holding none of the analyses' outputs is a usage error
    /// naming the files looked for.
    public static func read(_ folder: String) throws(PlacemapError) -> Content {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw PlacemapError(
                .io, file: folder, message: "is not a folder",
                hint: "give the --out folder of coterminosity, contiguity, catchments or diff")
        }
        var folders = [folder]
        let children = ((try? fm.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        for child in children {
            let path = folder + "/" + child
            if fm.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue { folders.append(path) }
        }
        var content = Content()
        for f in folders where fm.fileExists(atPath: f + "/coterminosity.json") {
            content.coterminosity.append(Item(path: f, record: try coterminosity(f)))
        }
        for f in folders {
            if fm.fileExists(atPath: f + "/contiguity.json") { content.contiguity.append(Item(path: f, record: try contiguity(f))) }
            if content.catchments == nil, fm.fileExists(atPath: f + "/catchments.json") {
                content.catchments = Item(path: f, record: try catchments(f))
            }
            if fm.fileExists(atPath: f + "/diff.json") { content.diffs.append(Item(path: f, record: try diff(f))) }
        }
        guard !content.coterminosity.isEmpty || !content.contiguity.isEmpty || content.catchments != nil || !content.diffs.isEmpty
        else {
            let looked = folders.flatMap { f in markers.map { f + "/" + $0 } }
            throw PlacemapError(
                .usage, file: folder, message: "holds no analysis output: looked for " + looked.joined(separator: ", "),
                hint:
                    "run placemap coterminosity, contiguity, catchments or diff with --out \(folder) first, or give --places and --systems")
        }
        return content
    }

    // MARK: Shared by the readers

    static func table(_ path: String) throws(PlacemapError) -> CSVTable { try CSVReader.read(path: path) }

    /// The count attributes an analysis carried (`attributes.variables` of kind `counts` in its sidecar).
    static func countColumns(_ attributes: JSONValue?) -> [String] {
        guard case .array(let variables)? = attributes?.member("variables") else { return [] }
        return variables.compactMap { v in v.member("kind")?.text == "counts" ? v.member("variable")?.text : nil }
    }

    /// The shapes of the GeoPackage an analysis wrote beside its GeoJSON, by the text of `codeField`:
    /// EPSG:27700 as computed, where the GeoJSON (RFC 7946, 6 decimals of a degree) rounds them to about
    /// 0.1 m; empty when the GeoPackage is not there.
    static func exactShapes(_ path: String, codeField: String) throws(PlacemapError) -> [String: Shape] {
        guard FileManager.default.fileExists(atPath: path) else { return [:] }
        let layer = try LayerReader.read(path: path).reprojected(to: .britishNationalGrid)
        var shapes: [String: Shape] = [:]
        for f in layer.features { if let code = f.properties[codeField]?.text, shapes[code] == nil { shapes[code] = f.shape } }
        return shapes
    }

    /// A layer named by a provenance member (`file`, `code_field`, `name_field`), in EPSG:27700; nil when
    /// the file is no longer there.
    static func analysisLayer(_ provenance: JSONValue?) throws(PlacemapError) -> AnalysisLayer? {
        guard let file = provenance?.member("file")?.text, FileManager.default.fileExists(atPath: file) else { return nil }
        let raw = try LayerReader.read(path: file)
        let fields = try LayerFields.detect(
            in: raw, code: provenance?.member("code_field")?.text, name: provenance?.member("name_field")?.text)
        return try AnalysisLayer(raw, fields: fields)
    }
}
