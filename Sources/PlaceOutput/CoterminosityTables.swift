import Foundation
import PlaceAnalysis
import PlaceGeometry
import PlaceIO

/// Tables, map layer and summary written from a coterminosity result.
extension Coterminosity {
    private typealias C = CoterminosityColumns

    private func number(_ v: Double?, _ places: Int) -> String {
        v.map { JSONValue.number(Number.round($0, places)).text ?? "" } ?? ""
    }

    private var p: AnalysisLayer { placesLayer }
    private var s: AnalysisLayer { systemsLayer }

    private var attributes: AttributeSplit? { overlap.split?.attributes }

    /// place_code,place_name,status,main_system_code,main_system_name,main_share,n_systems,population,
    /// then the attribute columns (with attributes).
    public var placesTable: CSVTable {
        CSVTable(
            header: [
                C.placeCode, C.placeName, C.status, "main_system_code", "main_system_name", "main_share", "n_systems", C.population,
            ] + (attributes?.attributes.columnNames ?? []),
            rows: places.map { r in
                [
                    p.codes[r.place], p.names[r.place], r.status.rawValue, r.mainSystem.map { s.codes[$0] } ?? "",
                    r.mainSystem.map { s.names[$0] } ?? "", number(r.mainShare, 9), String(r.pairs.count), number(r.population, 3),
                ] + (attributes.map { $0.attributes.texts($0.a(r.place)) } ?? [])
            })
    }

    /// One row per place × system overlap, slivers included and marked; with interior evidence, what
    /// the pair's blocks are (`main`, `interior`, `border`, `undecidable`, `sliver`) and how deep they
    /// reach into the place, to compare with the tolerance in the sidecar.
    public var pairsTable: CSVTable {
        var header = [C.placeCode, C.placeName, C.systemCode, C.systemName, "area_m2", "area_share_of_place", "area_share_of_system"]
        if weighted { header += [C.population, "population_share_of_place", "population_share_of_system"] }
        header.append(C.sliver)
        if evidence != nil || areaEvidence != nil { header += ["evidence", "depth_m"] }
        if let attributes { header += attributes.attributes.columnNames }
        var rows: [[String]] = []
        for place in places {
            let all =
                place.pairs.map { ($0, false) } + place.border.map { ($0, false) } + place.undecidable.map { ($0, false) }
                + place.slivers.map { ($0, true) }
            for (r, sliver) in all {
                var row = [
                    p.codes[r.a], p.names[r.a], s.codes[r.b], s.names[r.b], number(r.area, 3), number(r.shareOfA, 9), number(r.shareOfB, 9),
                ]
                if weighted { row += [number(r.population, 3), number(r.populationShareOfA, 9), number(r.populationShareOfB, 9)] }
                row.append(sliver ? "true" : "false")
                if let evidence {
                    let group = evidence.group(place: r.a, system: r.b)
                    let kind = sliver ? "sliver" : r.b == place.mainSystem ? "main" : group?.kind.rawValue ?? "interior"
                    row += [kind, group.map { number($0.depth, 1) } ?? ""]
                } else if let areaEvidence {
                    let piece = areaEvidence.piece(place: r.a, system: r.b)
                    let kind = sliver ? "sliver" : r.b == place.mainSystem ? "main" : piece?.kind.rawValue ?? "interior"
                    row += [kind, piece.map { number($0.depth, 1) } ?? ""]
                }
                if let attributes { row += attributes.attributes.texts(attributes.pair(Pair(r.a, r.b))) }
                rows.append(row)
            }
        }
        return CSVTable(header: header, rows: rows)
    }

    /// Border uncertainty: each group of blocks of a system other than its place's main one, with its
    /// people, how deep it reaches, what that makes it, and the neighbouring place it probably belongs to;
    /// with attributes, their columns over the group's blocks (e.g. population_aged_65_and_over summed).
    public var borderTable: CSVTable {
        if let areaEvidence { return areaBorderTable(areaEvidence) }
        return EvidenceGroup.borderTable(
            evidence?.groups ?? [], places: (p.codes, p.names), systems: (s.codes, s.names), blockCodes: options.population?.blocks.codes,
            tolerance: evidence?.tolerance, attributes: attributes?.attributes)
    }

    /// By area: each piece of a place off its main system (system empty: its part outside every
    /// system) that is not a sliver, with its share, how deep it reaches and what that makes it.
    private func areaBorderTable(_ e: AreaEvidence) -> CSVTable {
        CSVTable(
            header: [
                "place_code", "place_name", "system_code", "system_name", "evidence", "depth_m", "tolerance_m", "area_share_of_place",
            ],
            rows: e.pieces.filter { !$0.sliver }.map { piece in
                [
                    p.codes[piece.place], p.names[piece.place], piece.system.map { s.codes[$0] } ?? "",
                    piece.system.map { s.names[$0] } ?? "(outside every system)", piece.kind.rawValue, number(piece.depth, 1),
                    number(e.tolerance, 1), number(piece.share, 9),
                ]
            })
    }

    /// One row per system: its places, whole and shared, and the population living in whole places;
    /// with attributes, the system's attribute columns and, for each count, the part in whole places
    /// and its share (`population_aged_65_and_over_in_whole_places`, `…_share_in_whole_places`).
    public var systemsTable: CSVTable {
        let at = attributes?.attributes
        return CSVTable(
            header: [
                C.systemCode, C.systemName, "n_places", "n_whole_places", "n_shared_places", "made_of_whole_places",
                C.population, "population_in_whole_places", "share_in_whole_places", "shared_places",
            ] + (at.map { $0.columnNames + $0.countNames("_in_whole_places") + $0.countNames("_share_in_whole_places") } ?? []),
            rows: systems.map { r in
                [
                    s.codes[r.system], s.names[r.system], String(r.places.count), String(r.wholePlaces.count), String(r.sharedPlaces.count),
                    r.madeOfWholePlaces ? "true" : "false", number(r.population, 3), number(r.populationInWholePlaces, 3),
                    r.population.map { number(fraction(r.populationInWholePlaces ?? 0, of: $0), 9) } ?? "",
                    r.sharedPlaces.map { p.codes[$0] }.joined(separator: ";"),
                ] + attributeFields(r)
            })
    }

    private func attributeFields(_ r: SystemResult) -> [String] {
        guard let attributes, let whole = r.attributesInWholePlaces else { return [] }
        let at = attributes.attributes
        let all = at.counts(attributes.b(r.system))
        let inWhole = at.counts(whole)
        return at.texts(attributes.b(r.system)) + inWhole.map { number($0, 3) }
            + zip(inWhole, all).map { number(fraction($0, of: $1), 9) }
    }

    /// With attributes: the count totals reconciled, then for each split place its counts on each
    /// side (e.g. `population_aged_65_and_over` per system); empty without attributes.
    public var attributeSummary: String {
        guard let attributes, let split = overlap.split else { return "" }
        let at = attributes.attributes
        var lines = [at.reconciliation(attributes, method: split.method)]
        for r in places where r.status == .split {
            let sides = r.pairs.map { pair in
                let counts = at.counts(attributes.pair(Pair(pair.a, pair.b)))
                let text = zip(at.countColumns, counts).map { "\(at.columns[$0].name) \(Int($1.rounded()))" }.joined(separator: ", ")
                return "\(Self.short(s.names[pair.b])) \(text)"
            }
            if !sides.isEmpty { lines.append("  split: \(p.names[r.place]) (\(p.codes[r.place])): " + sides.joined(separator: "; ")) }
        }
        return lines.joined(separator: "\n")
    }

    /// The places with status, main system, shares and population as properties (for a map).
    public var placesMap: Layer {
        let features = places.map { r -> Feature in
            var props = JSONObject([
                (C.placeCode, .string(p.codes[r.place])), (C.placeName, .string(p.names[r.place])),
                (C.status, .string(r.status.rawValue)),
            ])
            props["main_system_code"] = r.mainSystem.map { .string(s.codes[$0]) } ?? .null
            props["main_system_name"] = r.mainSystem.map { .string(s.names[$0]) } ?? .null
            props["main_share"] = .number(Number.round(r.mainShare, 6))
            props["n_systems"] = .number(Double(r.pairs.count))
            props[C.population] = r.population.map { .number(Number.round($0, 3)) } ?? .null
            props[C.systems] = .array(
                r.pairs.map { pair in
                    .object(
                        JSONObject([
                            (C.code, .string(s.codes[pair.b])), (C.name, .string(s.names[pair.b])),
                            (C.areaShare, .number(Number.round(pair.shareOfA, 6))),
                            (C.populationShare, pair.populationShareOfA.map { .number(Number.round($0, 6)) } ?? .null),
                        ]))
                })
            return Feature(properties: props, shape: p.features[r.place].shape)
        }
        return Layer(name: "places", source: "coterminosity", crs: .britishNationalGrid, features: features)
    }

    /// Inputs, method, tolerance and counts.
    public var provenance: JSONObject {
        var o = JSONObject([
            ("tool", .string(Provenance.tool)), ("analysis", .string("coterminosity")),
            ("crs", .string("EPSG:27700 (areas in square metres)")),
            ("places", Provenance.layer(p)), ("systems", Provenance.layer(s)),
            ("sliver_share", .number(options.sliverShare)),
            (
                "sliver_rule",
                .string(
                    weighted
                        ? "an overlap where nobody lives does not count (sliver_share is not used with population)"
                        : "an overlap below sliver_share of the place's area does not count")
            ),
            ("slivers_set_aside", .number(Double(sliverCount))),
            ("shares_by", .string(weighted ? "population" : "area")),
        ])
        for status in PlaceStatus.allCases { o[status.rawValue] = .number(Double(count(status))) }
        o["warnings"] = .array(warnings.map(JSONValue.string))
        if areaEvidence != nil { o["notes"] = .array([.string(Self.areaModeNote)]) }
        if !options.gaps.isEmpty { o["gaps"] = Provenance.gaps(options.gaps) }
        if let population = options.population, let split = overlap.split {
            o["population"] = Provenance.population(population, split: split)
        }
        if let e = areaEvidence {
            let real = e.pieces.filter { !$0.sliver }
            o["area_evidence"] = .object(
                JSONObject([
                    (
                        "rule",
                        .string(
                            "by area, a piece of a place in another system (or outside every system) counts only where it reaches deeper "
                                + "into the place than the tolerance; shallower pieces are border uncertainty (edges and coastlines drawn "
                                + "differently), or undecidable when the tolerance exceeds decidable_limit_m; area cannot weigh people")
                    ),
                    ("tolerance_m", .number(Number.round(e.tolerance, 1))), ("tolerance_measured", .bool(e.toleranceMeasured)),
                    ("misregistration_m", .number(Number.round(e.misregistration, 1))),
                    (
                        "misregistration_rule",
                        .string(
                            "the deepest piece below sliver_share of its place, raised through the deeper pieces while each is less than "
                                + "\(Int(AreaEvidence.gapFactor)) times deeper than the one below it")
                    ),
                    ("edge_tolerance_m", .number(Number.round(e.edgeTolerance, 1))),
                    ("edge_misregistration_m", .number(Number.round(e.edgeMisregistration, 1))),
                    ("decidable_limit_m", .number(e.decidableLimit)),
                    ("interior_pieces", .number(Double(real.count { $0.kind == .interior }))),
                    ("border_pieces", .number(Double(real.count { $0.kind == .border }))),
                    ("undecidable_pieces", .number(Double(real.count { $0.kind == .undecidable }))),
                ]))
        }
        if let e = evidence {
            let border = e.groups.filter { $0.kind == .border }
            o["interior_evidence"] = .object(
                JSONObject([
                    (
                        "rule",
                        .string(
                            "a place is split only where blocks of another system reach deeper into it than the tolerance; shallower groups "
                                + "are border uncertainty, or undecidable when the tolerance exceeds decidable_limit_m")
                    ),
                    ("tolerance_m", .number(Number.round(e.tolerance, 1))), ("tolerance_measured", .bool(e.toleranceMeasured)),
                    ("places_misregistration_m", .number(Number.round(e.placesMisregistration, 1))),
                    ("systems_misregistration_m", .number(Number.round(e.systemsMisregistration, 1))),
                    ("decidable_limit_m", .number(e.decidableLimit)),
                    ("interior_groups", .number(Double(e.groups.count { $0.kind == .interior }))),
                    ("border_groups", .number(Double(border.count))),
                    ("border_population", .number(Number.round(border.reduce(0) { $0 + $1.population }, 3))),
                    ("undecidable_groups", .number(Double(e.groups.count { $0.kind == .undecidable }))),
                ]))
        }
        return o
    }

    /// What the run warns about, one line each: said on stderr (even with --quiet), kept in the
    /// provenance (`warnings`) and shown on the report's page.
    public var warnings: [String] {
        var lines: [String] = []
        if let e = evidence, e.undecidable {
            let metres = { (v: Double) in "\(Int(v.rounded())) m" }
            lines.append(
                "the layers disagree by up to \(metres(e.tolerance)), more than the \(metres(e.decidableLimit)) within which a split can "
                    + "be told from an artefact: \(count(.undecidable)) places are undecidable "
                    + "(\(e.groups.count { $0.kind == .undecidable }) groups of blocks); use layers of one resolution, or build both from the blocks"
            )
        }
        if let e = areaEvidence, e.undecidable {
            let metres = { (v: Double) in "\(Int(v.rounded())) m" }
            lines.append(
                "the layers disagree by up to \(metres(e.tolerance)), more than the \(metres(e.decidableLimit)) within which a split can "
                    + "be told from an artefact: \(count(.undecidable)) places are undecidable; use layers of one resolution, or "
                    + "population blocks (--blocks, --population)")
        }
        for gap in options.gaps { lines.append("gap allowed: \(gap.description)") }
        for (status, what) in [(PlaceStatus.partlyOutside, "partly outside every system"), (.outside, "outside every system")] {
            let n = count(status)
            if n > 0 { lines.append("\(n) place\(n == 1 ? " is" : "s are") \(what)") }
        }
        for o in partitionOverlaps.prefix(10) { lines.append("\(o) (tolerated)") }
        if partitionOverlaps.count > 10 { lines.append("\(partitionOverlaps.count - 10) more small overlaps (tolerated)") }
        return lines
    }

    /// A short readable summary: counts by status and the split places with their shares.
    public var summary: String {
        var lines = [
            "\(p.count) places (\(p.fields.prefix)) against \(s.count) systems (\(s.fields.prefix)), shares by "
                + (weighted ? "population (\(options.method.rawValue))" : "area") + ":"
        ]
        var others = ""
        for status in [PlaceStatus.partlyOutside, .undecidable] where count(status) > 0 {
            others += ", \(status.rawValue) \(count(status))"
        }
        lines.append(
            "  coterminous \(count(.coterminous)), split \(count(.split)), outside \(count(.outside))\(others); "
                + "slivers set aside (\(weighted ? "nobody living there" : "< \(options.sliverShare * 100)% of a place's area")): \(sliverCount)"
        )
        for r in places where r.status == .split {
            let shares = r.pairs.map { pair in
                let share = weighted ? pair.populationShareOfA ?? 0 : pair.shareOfA
                let people = pair.population.map { " (\(Int($0.rounded())) people)" } ?? ""
                return "\(Self.short(s.names[pair.b])) \(String(format: "%.1f", share * 100))%\(people)"
            }
            lines.append("  split: \(p.names[r.place]) (\(p.codes[r.place])): " + shares.joined(separator: "; "))
        }
        for r in places where r.status == .outside { lines.append("  outside: \(p.names[r.place]) (\(p.codes[r.place]))") }
        for r in places where r.status == .partlyOutside {
            if weighted, let people = r.population {
                let inSystems = (r.pairs + r.border + r.undecidable).reduce(0) { $0 + ($1.population ?? 0) }
                lines.append(
                    "  partly outside: \(p.names[r.place]) (\(p.codes[r.place])): \(Int((people - inSystems).rounded())) people in no system"
                )
            } else {
                let inside = r.pairs.reduce(0) { $0 + $1.shareOfA }
                lines.append(
                    "  partly outside: \(p.names[r.place]) (\(p.codes[r.place])): \(String(format: "%.1f", (1 - inside) * 100))% in no system"
                )
            }
        }
        for gap in options.gaps { lines.append("  gap (allowed): \(gap.description)") }
        if let e = evidence { lines += evidenceLines(e) }
        if let e = areaEvidence { lines += areaEvidenceLines(e) }
        if weighted {
            let whole = systems.filter(\.madeOfWholePlaces).count
            lines.append("  systems made of whole places: \(whole) of \(s.count)")
        }
        return lines.joined(separator: "\n")
    }

    /// By area: the tolerance, the pieces it sets aside, undecidable places, and what area cannot tell.
    private func areaEvidenceLines(_ e: AreaEvidence) -> [String] {
        let metres = { (v: Double) in "\(Int(v.rounded())) m" }
        let percent = { (v: Double) in String(format: "%.1f%%", v * 100) }
        var lines = [
            "  tolerance: \(metres(e.tolerance))"
                + (e.toleranceMeasured
                    ? " (measured from the pieces in another system: no piece stands \(Int(AreaEvidence.gapFactor)) times deeper than "
                        + "the one below it up to \(metres(e.misregistration)); outside every system, \(metres(e.edgeMisregistration)))"
                    : " (given)")
        ]
        let border = e.pieces.filter { !$0.sliver && $0.kind == .border }
        let edges = border.filter { $0.system != nil }
        if !edges.isEmpty {
            lines.append(
                "  border uncertainty (not splits): \(edges.count) pieces of places in another system within \(metres(e.tolerance)) of the edge"
            )
            for piece in edges.prefix(10) {
                let system = piece.system.map { Self.short(s.names[$0]) } ?? ""
                lines.append(
                    "    \(p.names[piece.place]) (\(p.codes[piece.place])): \(percent(piece.share)) in \(system), within \(metres(piece.depth)) of the edge"
                )
            }
            if edges.count > 10 { lines.append("    … and \(edges.count - 10) more (border.csv)") }
        }
        let coast = border.filter { $0.system == nil }
        if !coast.isEmpty {
            lines.append(
                "  not outside: \(coast.count) places have parts outside every system within \(metres(e.edgeTolerance)) of their edge "
                    + "(coastlines and edges drawn differently)")
        }
        for r in places where r.status == .undecidable {
            let names = r.undecidable.map { Self.short(s.names[$0.b]) }.joined(separator: "; ")
            lines.append("  undecidable: \(p.names[r.place]) (\(p.codes[r.place])): \(names)")
        }
        lines.append("  note: \(Self.areaModeNote)")
        return lines
    }

    /// What area mode cannot do, and how to do better.
    public static let areaModeNote =
        "shares are by area, which cannot weigh people: a split with many residents and one of empty moorland look alike. "
        + "Add --blocks and --population (e.g. --blocks geodata/lsoa21_england.geojson --population "
        + "geodata/census21_population_lsoa21.csv) to weigh each side by the people living there"

    /// Tolerance, border uncertainty and undecidable places, when there is anything to say.
    private func evidenceLines(_ e: InteriorEvidence) -> [String] {
        let border = e.groups.filter { $0.kind == .border }
        guard e.tolerance > 0 || !e.groups.allSatisfy({ $0.kind == .interior }) else { return [] }
        let metres = { (v: Double) in "\(Int(v.rounded())) m" }
        var lines = [
            "  tolerance: \(metres(e.tolerance))"
                + (e.toleranceMeasured
                    ? " (measured: blocks reach up to \(metres(e.placesMisregistration)) into places and \(metres(e.systemsMisregistration)) "
                        + "into systems they are not assigned to)" : " (given)")
        ]
        if !border.isEmpty {
            let people = Int(border.reduce(0) { $0 + $1.population }.rounded())
            lines.append("  border uncertainty (not splits): \(people) people in \(border.count) groups of blocks near a place's edge")
            for g in border {
                let n = g.blocks.count
                let probable = g.neighbour.map { ", probably \(p.names[$0])" } ?? ""
                lines.append(
                    "    \(p.names[g.place]) (\(p.codes[g.place])): \(Int(g.population.rounded())) people in \(n) block\(n == 1 ? "" : "s") of "
                        + "\(Self.short(s.names[g.system])) within \(metres(g.depth)) of the edge\(probable)")
            }
        }
        let undecidable = places.filter { $0.status == .undecidable }
        if e.undecidable {
            for r in undecidable {
                let names = r.undecidable.map { Self.short(s.names[$0.b]) }.joined(separator: "; ")
                lines.append("  undecidable: \(p.names[r.place]) (\(p.codes[r.place])): \(names)")
            }
        }
        return lines
    }

    /// A name shortened for the summary: "NHS X Integrated Care Board" → "X ICB".
    public static func short(_ name: String) -> String {
        var n = name.replacingOccurrences(of: "Integrated Care Board", with: "ICB")
        if n.hasPrefix("NHS ") { n.removeFirst(4) }
        return n
    }

}

extension EvidenceGroup {
    /// border.csv: one row per group (place_code,place_name,system_code,system_name,evidence,depth_m,
    /// tolerance_m,population,n_blocks,blocks,probable_place_code,probable_place_name), then the
    /// attribute columns over the group's blocks.
    static func borderTable(
        _ groups: [EvidenceGroup], places: (codes: [String], names: [String]), systems: (codes: [String], names: [String]),
        blockCodes: [String]?, tolerance: Double?, attributes: BlockAttributes?
    ) -> CSVTable {
        func number(_ v: Double?, _ places: Int) -> String { v.map { JSONValue.number(Number.round($0, places)).text ?? "" } ?? "" }
        let header = [
            "place_code", "place_name", "system_code", "system_name", "evidence", "depth_m", "tolerance_m", "population", "n_blocks",
            "blocks", "probable_place_code", "probable_place_name",
        ]
        return CSVTable(
            header: header + (attributes?.columnNames ?? []),
            rows: groups.map { g -> [String] in
                let row: [String] = [
                    places.codes[g.place], places.names[g.place], systems.codes[g.system], systems.names[g.system], g.kind.rawValue,
                    number(g.depth, 1), number(tolerance, 1), number(g.population, 3), String(g.blocks.count),
                    g.blocks.map { blockCodes?[$0] ?? String($0) }.joined(separator: ";"), g.neighbour.map { places.codes[$0] } ?? "",
                    g.neighbour.map { places.names[$0] } ?? "",
                ]
                return row + (attributes.map { $0.texts($0.sum(of: g.blocks)) } ?? [])
            })
    }
}
