import PlaceAnalysis
import PlaceGeometry
import PlaceIO
import PlaceOutput

extension CoterminosityView {
    /// The view of a coterminosity result just computed: places with their shares, systems with their shapes.
    public init(_ result: Coterminosity, id: String) {
        let p = result.placesLayer
        let s = result.systemsLayer
        let weighted = result.weighted
        let attributes = result.overlap.split?.attributes
        let places = result.places.map { r in
            MapPlace(
                code: p.codes[r.place], name: p.names[r.place], status: r.status.rawValue, shape: p.features[r.place].shape,
                population: r.population,
                shares: r.pairs.map { pair in
                    PlaceShare(
                        systemCode: s.codes[pair.b], systemName: Coterminosity.short(s.names[pair.b]),
                        share: weighted ? pair.populationShareOfA ?? 0 : pair.shareOfA, population: pair.population,
                        counts: attributes.map { $0.attributes.counts($0.pair(Pair(pair.a, pair.b))) } ?? [])
                })
        }
        let systems = result.systems.map { r in
            MapSystem(
                code: s.codes[r.system], name: Coterminosity.short(s.names[r.system]), shape: s.features[r.system].shape,
                population: r.population)
        }
        self.init(
            id: id, placesGeography: p.fields.prefix, systemsGeography: s.fields.prefix, places: places, systems: systems,
            weighted: weighted, provenance: .object(result.provenance))
        countColumns = attributes?.attributes.countNames("") ?? []
    }
}

extension ContiguityView {
    /// The view of a contiguity report with groups; `background` are outlines drawn under the exclaves
    /// (for groups that are systems, the systems themselves), `groupNames` names the groups.
    public init(_ report: ContiguityReport, id: String, groupNames: [String: String], background: [MapSystem]) {
        let layer = report.graph.layer
        let groups = report.groups.map { g in
            ContiguityView.Group(
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
            id: id, layerGeography: layer.fields.prefix, groups: groups, exclaveShapes: shapes, exclaveNames: names,
            background: background, provenance: .object(Provenance.contiguity(report)))
    }
}
