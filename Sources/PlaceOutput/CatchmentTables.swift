import Foundation
import PlaceAnalysis
import PlaceGeometry
import PlaceIO

/// Tables, layers, provenance and summary of a catchments run.
extension CatchmentReport {
    private typealias C = CatchmentColumns

    var places: AnalysisLayer { footprint.places }
    var systems: AnalysisLayer { footprint.systems }
    func name(_ t: Int) -> String { trustNames[catchments.trusts[t].code] ?? "" }
    func text(_ v: Double, _ places: Int) -> String { JSONValue.number(Number.round(v, places)).text ?? "" }

    public var trustsTable: CSVTable {
        let areas = areaOfTrust
        let spanning = Set(spanningTrusts)
        return CSVTable(
            header: [
                C.trustCode, C.populationProportional, C.populationFirstPastThePost, "n_msoas_first", "area_m2",
                C.trustName, "home_system_code", "home_system_name", "n_systems_over_span_share", "spans_systems",
            ]
                + (catchments.attributes.map { a in
                    a.columnNames.map { $0 + C.proportional } + a.columnNames.map { $0 + C.firstPastThePost }
                } ?? []),
            rows: catchments.trusts.enumerated().map { t, trust in
                let home = footprint.homeSystem[t]
                return [
                    trust.code, text(trust.populationProportional, 3), text(trust.populationFirstPastThePost, 3),
                    String(trust.firstAreas.count), text(areas[trust.code] ?? 0, 3), name(t),
                    home.map { systems.codes[$0] } ?? "", home.map { systems.names[$0] } ?? "",
                    String(footprint.systems(of: t, minShare: spanShare).count), spanning.contains(t) ? "true" : "false",
                ]
                    + (catchments.attributes.map { $0.texts(trust.attributesProportional) + $0.texts(trust.attributesFirstPastThePost) }
                        ?? [])
            })
    }

    private func flowTable(_ flows: [TrustFootprint.Flow], layer: AnalysisLayer, kind: String, home: Bool) -> CSVTable {
        var header = [C.trustCode, C.trustName, "\(kind)_code", "\(kind)_name", C.population, C.shareOfTrust, "share_of_\(kind)"]
        if home { header.append("home_system") }
        return CSVTable(
            header: header,
            rows: flows.map { f in
                var row = [
                    catchments.trusts[f.trust].code, name(f.trust), layer.codes[f.area], layer.names[f.area],
                    text(f.population, 3), text(f.shareOfTrust, 9), text(f.shareOfArea, 9),
                ]
                if home { row.append(footprint.homeSystem[f.trust] == f.area ? "true" : "false") }
                return row
            })
    }

    public var trustPlacesTable: CSVTable { flowTable(footprint.placeFlows, layer: places, kind: "place", home: false) }
    public var trustSystemsTable: CSVTable { flowTable(footprint.systemFlows, layer: systems, kind: "system", home: true) }

    public var placesServedTable: CSVTable {
        let main = footprint.mainTrustOfPlace
        let elsewhere = Set(placesServedFromElsewhere)
        return CSVTable(
            header: [
                "place_code", "place_name", "system_code", "system_name", "population", "main_trust_code", "main_trust_name",
                "main_trust_share", "main_trust_home_system_code", "served_from_other_system",
            ],
            rows: places.codes.indices.map { p in
                let s = footprint.systemOfPlace[p]
                let m = main[p]
                return [
                    places.codes[p], places.names[p], s.map { systems.codes[$0] } ?? "", s.map { systems.names[$0] } ?? "",
                    text(footprint.placePopulation[p], 3), m.map { catchments.trusts[$0.trust].code } ?? "",
                    m.map { name($0.trust) } ?? "", m.map { text($0.share, 9) } ?? "",
                    m.flatMap { footprint.homeSystem[$0.trust] }.map { systems.codes[$0] } ?? "", elsewhere.contains(p) ? "true" : "false",
                ]
            })
    }

    /// Population per block (MSOA 2011 by default), as used for the catchments.
    public var blockPopulationTable: CSVTable {
        let blocks = catchments.blocks
        let a = catchments.attributes
        return CSVTable(
            header: [blocks.fields.code, "population"] + (a?.columnNames ?? []),
            rows: blocks.codes.indices.map { k in
                [blocks.codes[k], text(catchments.population[k], 3)] + (a.map { $0.texts($0.row(k)) } ?? [])
            })
    }

    /// Each trust's first-past-the-post polygon with its populations.
    public var firstPastThePostLayer: Layer { polygonLayer(firstPolygons, method: "first past the post") }

    /// Per trust, the area where it takes at least `minShare` of patients (when asked for).
    public var minShareLayer: Layer? {
        guard let minSharePolygons, let minShare else { return nil }
        return polygonLayer(minSharePolygons, method: "share of patients at least \(minShare)")
    }

    func polygonLayer(_ areas: [DissolvedArea], method: String) -> Layer {
        let index = Dictionary(uniqueKeysWithValues: catchments.trusts.enumerated().map { ($1.code, $0) })
        return Layer(
            name: "catchments", source: "catchments", crs: .britishNationalGrid,
            features: areas.map { a in
                let t = index[a.code]
                return Feature(
                    properties: JSONObject([
                        (C.trustCode, .string(a.code)), (C.trustName, .string(t.map(name) ?? "")), ("method", .string(method)),
                        ("n_msoas", .number(Double(a.blocks.count))),
                        ("population_proportional", .number(Number.round(t.map { catchments.trusts[$0].populationProportional } ?? 0, 3))),
                        (
                            "population_first_past_the_post",
                            .number(Number.round(t.map { catchments.trusts[$0].populationFirstPastThePost } ?? 0, 3))
                        ),
                    ]), shape: a.shape)
            })
    }

    public var provenance: JSONObject {
        var o = JSONObject([
            ("tool", .string(Provenance.tool)), ("analysis", .string("acute trust catchments")),
            ("shares", .string(catchments.shares.source)), ("blocks", Provenance.layer(catchments.blocks)),
            ("places", Provenance.layer(places)), ("systems", Provenance.layer(systems)),
            (
                "methods",
                .object(
                    JSONObject([
                        (
                            "population_proportional",
                            .string("OHID proportional flow: sum over MSOAs of the trust's share of admitted patients × MSOA population")
                        ),
                        (
                            "population_first_past_the_post",
                            .string("each MSOA's whole population to the trust with the largest share (ties to the lower code)")
                        ),
                        ("catchment_polygons", .string("the MSOAs where the trust is first, dissolved")),
                        (
                            "places_and_systems",
                            .string(
                                "proportional flow; each MSOA's people to the place and the system holding the largest share of its area")
                        ),
                        ("home_system", .string("the system from which the trust draws most of its patients")),
                    ]))
            ),
            ("population_total", .number(catchments.total)),
            ("population_proportional_total", .number(catchments.total - catchments.unattributed)),
            ("population_unattributed", .number(catchments.unattributed)),
            ("span_share", .number(spanShare)),
            (
                "share_rows_set_aside",
                .array(
                    catchments.shares.problems.prefix(50).map { p in
                        .object(
                            JSONObject([
                                ("line", .number(Double(p.line))), ("area", .string(p.area)), ("trust", .string(p.trust)),
                                ("problem", .string(p.message)),
                            ]))
                    })
            ),
            ("areas_with_shares_over_1", .array(catchments.shares.overfull.map(JSONValue.string))),
            ("blocks_outside_places", .number(Double(footprint.blocksOutsidePlaces))),
            ("blocks_outside_systems", .number(Double(footprint.blocksOutsideSystems))),
        ])
        if let minShare { o["min_share"] = .number(minShare) }
        if !gaps.isEmpty { o["gaps"] = Provenance.gaps(gaps) }
        if let a = catchments.attributes {
            o["attributes"] = a.provenance()
            o["attribute_columns"] = .string(
                "each attribute column twice: _proportional (shares × the MSOA's attributes) and _first_past_the_post (the MSOAs where the "
                    + "trust is first); moved to MSOA 2011 the way the population is, when converted")
        }
        if let c = conversion {
            o["msoa11_population"] = .object(
                JSONObject([
                    (
                        "method",
                        .string(
                            "census 2021 LSOA21 usual residents → LSOA11 (ONS LSOA11↔LSOA21 lookup; an LSOA21 linked to k LSOA11s gives each 1/k) → MSOA11 (ONS LSOA11→MSOA11)"
                        )
                    ),
                    ("lsoa21_shared_between_lsoa11s", .number(Double(c.sharedSources))),
                    ("unplaced_lsoa21", .array(c.unplaced.map(JSONValue.string))), ("unplaced_population", .number(c.unplacedPopulation)),
                ]))
        }
        return o
    }
    /// Totals, the spread between methods, spanning trusts and places served from elsewhere.
    public var summary: String {
        var lines: [String] = []
        let c = catchments
        lines.append("\(c.trusts.count) acute trusts, \(c.blocks.count) MSOAs, \(Int(c.total.rounded())) people")
        lines.append(
            "  proportional flow (OHID): \(Int((c.total - c.unattributed).rounded())) attributed, \(Int(c.unattributed.rounded())) unattributed (shares below 1: non-acute activity)"
        )
        if !c.shares.problems.isEmpty { lines.append("  share rows set aside: \(c.shares.problems.count) (see catchments.json)") }
        for gap in gaps { lines.append("  gap (allowed): \(gap.description)") }
        let gaps = c.trusts.map { ($0.code, $0.populationFirstPastThePost - $0.populationProportional) }.sorted { abs($0.1) > abs($1.1) }
        lines.append(
            "  largest differences, first past the post − proportional: "
                + gaps.prefix(3).map { "\($0.0) \(Int($0.1.rounded()))" }.joined(separator: ", "))
        let spanning = spanningTrusts
        lines.append("  trusts drawing ≥ \(spanShare * 100)% of patients from each of two or more systems: \(spanning.count)")
        for t in spanning.prefix(8) {
            let list = footprint.systems(of: t, minShare: spanShare).map {
                "\(Coterminosity.short(systems.names[$0.area])) \(String(format: "%.0f", $0.shareOfTrust * 100))%"
            }
            lines.append("    \(c.trusts[t].code) \(name(t)): " + list.joined(separator: ", "))
        }
        if spanning.count > 8 { lines.append("    … \(spanning.count - 8) more in trusts.csv (spans_systems)") }
        let elsewhere = placesServedFromElsewhere
        let main = footprint.mainTrustOfPlace
        lines.append("  places served mostly by a trust whose home is another system: \(elsewhere.count)")
        for p in elsewhere.prefix(8) {
            guard let m = main[p] else { continue }
            lines.append(
                "    \(places.names[p]) (\(places.codes[p])): \(c.trusts[m.trust].code) \(name(m.trust)) \(String(format: "%.0f", m.share * 100))%"
            )
        }
        return lines.joined(separator: "\n")
    }
}
