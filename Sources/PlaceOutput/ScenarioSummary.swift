import Foundation
import PlaceAnalysis
import PlaceIO

/// summary.json and the summary text of a scenario run: what changed first.
extension ScenarioAnalysis {
    private static func int(_ v: Double) -> JSONValue { .number(v.rounded()) }
    private static func int(_ v: Int) -> JSONValue { .number(Double(v)) }
    private static func people(_ v: Double) -> String {
        let n = NumberFormatter()
        n.numberStyle = .decimal
        n.locale = Locale(identifier: "en_GB")
        return n.string(from: NSNumber(value: v.rounded())) ?? String(Int(v.rounded()))
    }

    /// Systems with fewer people than a million, and not in one piece.
    public func under1m(_ systems: [System]) -> Int { systems.count { $0.population < Self.populationFloor } }
    public func notOnePiece(_ systems: [System]) -> Int { systems.count { !$0.onePiece } }

    private func tierObject(_ t: Tier) -> JSONObject {
        JSONObject([
            ("geography", .string(t.after.places.geography)),
            ("places", Self.int(t.after.places.count)), ("places_before", Self.int(t.today.places.count)),
            ("split_places", Self.int(t.splitAfter)), ("split_places_before", Self.int(t.splitBefore)),
            ("people_in_split_places", Self.int(t.peopleInSplitAfter)),
            ("people_in_split_places_before", Self.int(t.peopleInSplitBefore)),
            ("systems_whole_places", Self.int(t.wholeSystemsAfter)), ("systems_whole_places_before", Self.int(t.wholeSystemsBefore)),
        ])
    }

    private func systemObject(_ s: System) -> JSONValue {
        .object(
            JSONObject([
                ("code", .string(s.code)), ("name", .string(s.name)), ("population", Self.int(s.population)),
                ("population_65_plus", s.older.map(Self.int) ?? .null), ("whole_places", .bool(s.wholePlaces)),
                ("one_piece", .bool(s.onePiece)), ("pieces", Self.int(s.pieces)), ("blocks", Self.int(s.blocks)),
                ("n_whole_places", Self.int(s.nWholePlaces)), ("n_shared_places", Self.int(s.nSharedPlaces)),
                ("fate", .string(fate(ofNew: s.system))),
            ]))
    }

    /// The figures of the run. Top-level integer keys are for the lower tier (e.g. LAD) after the
    /// scenario (`split_places`, `systems`, `systems_under_1m`, `systems_not_one_piece`, …), each with
    /// its `_before`; `upper_tier` holds the upper tier's; `by_system` one object per system after.
    public var summaryObject: JSONObject {
        var o = JSONObject([
            ("tool", .string(Provenance.tool)), ("analysis", .string("scenario")), ("scenario", .string(application.scenario.source)),
            ("blocks", .string(diff.population.blocks.source)), ("population", .string(diff.population.source)),
            ("places_file", .string(application.places.file)), ("systems_file", .string(application.systems.file)),
            ("total_population", Self.int(diff.population.total)),
        ])
        o["upper_tier_lookup"] = application.upperTier.map { .string($0.file) } ?? .null
        for (key, value) in tierObject(lower).members { o[key] = value }
        o["systems"] = Self.int(systemsAfter.count)
        o["systems_before"] = Self.int(systemsBefore.count)
        o["systems_under_1m"] = Self.int(under1m(systemsAfter))
        o["systems_under_1m_before"] = Self.int(under1m(systemsBefore))
        o["systems_not_one_piece"] = Self.int(notOnePiece(systemsAfter))
        o["systems_not_one_piece_before"] = Self.int(notOnePiece(systemsBefore))
        o["people_moved"] = Self.int(diff.total(.moved).population)
        o["people_in_merged_systems"] = Self.int(diff.total(.merged).population)
        o["upper_tier"] = upper.map { .object(tierObject($0)) } ?? .null
        o["by_system"] = .array(systemsAfter.map(systemObject))
        o["rows"] = .array(
            application.applied.map { a in
                .object(
                    JSONObject([
                        ("line", Self.int(a.row.line)), ("change", .string(a.row.change.rawValue)), ("code", .string(a.row.code)),
                        ("to_code", .string(a.row.toCode)), ("to_name", .string(a.row.toName)), ("blocks", Self.int(a.blocks)),
                    ]))
            })
        let codes = diff.population.blocks.codes
        o["overrides"] = .array(
            application.overrides.map { v in
                .object(
                    JSONObject([
                        ("line", Self.int(v.line)), ("overridden_by_line", Self.int(v.byLine)), ("blocks", Self.int(v.blocks.count)),
                        ("block_codes", .array(v.blocks.map { .string(codes[$0]) })),
                    ]))
            })
        return o
    }

    /// The summary, leading with what changed: split councils and their people, whole-council systems,
    /// systems under a million and not in one piece, before → after; then the overrides, each split
    /// council's sides and each changed system.
    public var summary: String {
        let a = application
        var lines = [
            "Scenario \(a.scenario.source) (\(a.scenario.rows.count) rows) on \(diff.population.blocks.count) blocks "
                + "(\(diff.population.field): \(Self.people(diff.population.total)))",
            "What changed (before → after):",
        ]
        for (label, t) in [("districts", lower)] + (upper.map { [("upper-tier councils", $0)] } ?? []) {
            let g = (t.today.places.geography, t.after.places.geography)
            lines.append(
                "  \(label) (\(g.0)) split between systems: \(t.splitBefore) of \(t.today.places.count) → \(t.splitAfter) of \(t.after.places.count); "
                    + "people in them: \(Self.people(t.peopleInSplitBefore)) → \(Self.people(t.peopleInSplitAfter))")
        }
        for (label, t) in [("districts", lower)] + (upper.map { [("upper-tier councils", $0)] } ?? []) {
            lines.append(
                "  systems made of whole \(label): \(t.wholeSystemsBefore) of \(systemsBefore.count) → \(t.wholeSystemsAfter) of \(systemsAfter.count)"
            )
        }
        lines.append("  systems under 1,000,000 people: \(under1m(systemsBefore)) → \(under1m(systemsAfter))")
        lines.append("  systems not in one piece: \(notOnePiece(systemsBefore)) → \(notOnePiece(systemsAfter))")
        let moved = diff.total(.moved)
        lines.append(
            "  people moved to another system: \(Self.people(moved.population)) in \(moved.blocks) blocks; "
                + "in systems merged: \(Self.people(diff.total(.merged).population))")
        for v in a.overrides {
            let codes = v.blocks.prefix(3).map { diff.population.blocks.codes[$0] }.joined(separator: ", ")
            lines.append(
                "  line \(v.byLine) overrides line \(v.line) for \(v.blocks.count) block\(v.blocks.count == 1 ? "" : "s") "
                    + "(\(codes)\(v.blocks.count > 3 ? ", …" : ""))")
        }
        for (label, t) in [("District", lower)] + (upper.map { [("Upper-tier council", $0)] } ?? []) {
            let split = t.after.rows.filter { $0.after.status == .split }
            guard !split.isEmpty else { continue }
            lines.append("\(label)s split after (\(t.after.places.geography); people in each system):")
            for r in split {
                let sides = r.after.systems.map { "\(Coterminosity.short(diff.new.names[$0.system])) \(Self.people($0.population))" }
                lines.append("  \(t.after.places.names[r.place]) (\(t.after.places.codes[r.place])): " + sides.joined(separator: "; "))
            }
        }
        let changed = systemsAfter.filter { !["unchanged", "renamed"].contains(fate(ofNew: $0.system)) }
        lines.append("Systems changed (\(changed.count) of \(systemsAfter.count); people, 65+, whole districts, pieces):")
        for s in changed {
            let older =
                s.older.map { " (65+ \(Self.people($0)), \(String(format: "%.1f", s.population > 0 ? 100 * $0 / s.population : 0))%)" }
                ?? ""
            let flags = [s.population < Self.populationFloor ? "under 1M" : nil, s.onePiece ? nil : "\(s.pieces) pieces"].compactMap { $0 }
            lines.append(
                "  \(Coterminosity.short(s.name)) (\(s.code)), \(fate(ofNew: s.system)): \(Self.people(s.population))\(older); "
                    + (s.wholePlaces ? "whole districts" : "\(s.nSharedPlaces) shared district\(s.nSharedPlaces == 1 ? "" : "s")")
                    + (flags.isEmpty ? "" : "; " + flags.joined(separator: ", ")))
        }
        return lines.joined(separator: "\n")
    }
}

extension FolderOutputs {
    /// What `scenario` writes in its --out folder (the tier folders hold places.csv, pairs.csv, border.csv).
    public static func scenario(upperTier: Bool) -> [String] {
        ["summary.json", "summary.txt", "scenario.csv", "systems.csv", "overrides.csv"]
            + ["lower-tier"].flatMap(tier) + (upperTier ? tier("upper-tier") : [])
            + diff(places: true).filter { $0 != "changed_blocks.gpkg" }.map { "diff/" + $0 }
            + ["groups.csv", "contiguity.json"].map { "contiguity/" + $0 }
    }

    private static func tier(_ folder: String) -> [String] { ["places.csv", "pairs.csv", "border.csv"].map { folder + "/" + $0 } }
}

extension OutputSet {
    /// Every file of a scenario run into `folder` (see ``FolderOutputs/scenario(upperTier:)``).
    public func add(_ r: ScenarioAnalysis, folder: String) throws(PlacemapError) {
        let path = { (name: String) in OutputSet.join(folder, name) }
        try add(r.summaryObject, to: path("summary.json"))
        try add(r.summary + "\n", to: path("summary.txt"))
        try add(r.application.scenario.table, to: path("scenario.csv"))
        try add(r.systemsTable, to: path("systems.csv"))
        try add(r.overridesTable, to: path("overrides.csv"))
        for (name, tier) in [("lower-tier", r.lower)] + (r.upper.map { [("upper-tier", $0)] } ?? []) {
            try add(tier.placesTable, to: path(name + "/places.csv"))
            try add(tier.pairsTable, to: path(name + "/pairs.csv"))
            try add(tier.borderTable, to: path(name + "/border.csv"))
        }
        // The blocks' graph (edges.csv, components.csv) is `placemap contiguity`'s; the changed blocks as GeoJSON only.
        try add(r.diff, coterminosity: r.lower.after, folder: path("diff"), geoPackage: false)
        try add(r.contiguity, folder: path("contiguity"))
    }
}
