import Foundation
import PlaceAnalysis
import PlaceGeometry
import PlaceIO

extension OutputFolder {
    /// contiguity.json and groups.csv of `folder` (groups named by their codes), and the exclaves'
    /// shapes and names from the layer named in the provenance.
    static func contiguity(_ folder: String) throws(PlacemapError) -> ContiguityRecord {
        typealias C = ContiguityColumns
        let provenance = try JSONReader.read(path: folder + "/contiguity.json")
        var groups: [ContiguityRecord.Group] = []
        let groupsFile = folder + "/groups.csv"
        if FileManager.default.fileExists(atPath: groupsFile) {
            let t = try NamedColumns(table(groupsFile), required: [])
            for r in t.rows {
                let code = t.text(r, C.group)
                groups.append(
                    ContiguityRecord.Group(
                        code: code, name: code, members: Int(t.text(r, C.members)) ?? 0, pieces: Int(t.text(r, C.pieces)) ?? 1,
                        exclaves: t.text(r, C.exclaves).split(separator: ";").map(String.init)))
            }
        }
        var shapes: [String: Shape] = [:]
        var names: [String: String] = [:]
        let wanted = Set(groups.flatMap(\.exclaves))
        if !wanted.isEmpty, let layer = try analysisLayer(provenance.member("layer")) {
            for (i, code) in layer.codes.enumerated() where wanted.contains(code) {
                shapes[code] = layer.features[i].shape
                names[code] = layer.names[i]
            }
        }
        return ContiguityRecord(
            layerGeography: provenance.member("layer", "geography")?.text ?? "features", groups: groups, exclaveShapes: shapes,
            exclaveNames: names, provenance: provenance)
    }
}
