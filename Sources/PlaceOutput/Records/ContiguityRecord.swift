import PlaceAnalysis
import PlaceGeometry
import PlaceIO

/// A contiguity result with groups as its output folder holds it: each group's pieces and exclaves,
/// the exclaves' shapes and names (where the layer is at hand), the provenance.
public struct ContiguityRecord: Sendable {
    public struct Group: Sendable {
        public var code: String
        public var name: String
        public var members: Int
        public var pieces: Int
        public var exclaves: [String]

        public init(code: String, name: String, members: Int, pieces: Int, exclaves: [String]) {
            self.code = code
            self.name = name
            self.members = members
            self.pieces = pieces
            self.exclaves = exclaves
        }
    }

    public var layerGeography: String
    /// The groups; a group's name is its code when the folder does not say.
    public var groups: [Group]
    /// Shapes (EPSG:27700) and names of the exclave features, by code.
    public var exclaveShapes: [String: Shape]
    public var exclaveNames: [String: String]
    public var provenance: JSONValue

    public init(
        layerGeography: String, groups: [Group], exclaveShapes: [String: Shape], exclaveNames: [String: String], provenance: JSONValue
    ) {
        self.layerGeography = layerGeography
        self.groups = groups
        self.exclaveShapes = exclaveShapes
        self.exclaveNames = exclaveNames
        self.provenance = provenance
    }
}

extension ContiguityRecord {
    /// The record of a contiguity report; `groupNames` names the groups (short names are used).
    public init(_ report: ContiguityReport, groupNames: [String: String] = [:]) {
        let layer = report.graph.layer
        let groups = report.groups.map { g in
            Group(
                code: g.group, name: Coterminosity.short(groupNames[g.group] ?? g.group), members: g.members.count,
                pieces: g.pieces.count, exclaves: g.exclaves.map { layer.codes[$0] })
        }
        var shapes: [String: Shape] = [:]
        var names: [String: String] = [:]
        for g in report.groups where !g.connected {
            for e in g.exclaves {
                shapes[layer.codes[e]] = layer.features[e].shape
                names[layer.codes[e]] = layer.names[e]
            }
        }
        self.init(
            layerGeography: layer.fields.prefix, groups: groups, exclaveShapes: shapes, exclaveNames: names,
            provenance: .object(Provenance.contiguity(report)))
    }
}
