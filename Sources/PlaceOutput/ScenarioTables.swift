import Foundation
import PlaceAnalysis
import PlaceIO

/// The tables of one tier after a scenario, in coterminosity's layout (places.csv, pairs.csv,
/// border.csv), worked out on whole blocks.
extension ScenarioAnalysis.Tier {
    private var places: Footprint { after.places }
    private var systems: Footprint { after.diff.new }
    private var attributes: BlockAttributes? { after.diff.attributes }

    private func number(_ v: Double, _ places: Int = 3) -> String { JSONValue.number(Number.round(v, places)).text ?? "" }

    /// place_code,place_name,status,main_system_code,main_system_name,main_share,n_systems,population,
    /// status_before (against today's systems), systems ("code people" per system, most people first),
    /// then the attribute columns.
    public var placesTable: CSVTable {
        CSVTable(
            header: [
                "place_code", "place_name", "status", "main_system_code", "main_system_name", "main_share", "n_systems", "population",
                "status_before", "systems",
            ] + (attributes?.columnNames ?? []),
            rows: after.rows.map { r in
                let main = r.after.systems.first
                return [
                    places.codes[r.place], places.names[r.place], r.after.status.rawValue, main.map { systems.codes[$0.system] } ?? "",
                    main.map { systems.names[$0.system] } ?? "",
                    main.map { number(r.population > 0 ? $0.population / r.population : 0, 9) } ?? "",
                    String(r.after.systems.count), number(r.population), r.before.status.rawValue,
                    r.after.systems.map { "\(systems.codes[$0.system]) \(Int($0.population.rounded()))" }.joined(separator: ";"),
                ] + (attributes?.texts(r.attributes) ?? [])
            })
    }

    /// border.csv in coterminosity's layout: each group of a split place's blocks in a system other
    /// than its main one, all `interior` (whole blocks: tolerance 0), with the depth it reaches.
    public var borderTable: CSVTable {
        EvidenceGroup.borderTable(
            border.groups, places: (places.codes, places.names), systems: (systems.codes, systems.names),
            blockCodes: after.diff.population.blocks.codes, tolerance: 0, attributes: attributes)
    }

    /// One row per place × system with people in both: the people and their share of each side, then
    /// the attribute columns over the pair's blocks.
    public var pairsTable: CSVTable {
        var systemPeople = [Double](repeating: 0, count: systems.count)
        for r in after.rows { for s in r.after.systems { systemPeople[s.system] += s.population } }
        var rows: [[String]] = []
        for r in after.rows {
            for (i, s) in r.after.systems.enumerated() {
                rows.append(
                    [
                        places.codes[r.place], places.names[r.place], systems.codes[s.system], systems.names[s.system],
                        number(s.population),
                        number(r.population > 0 ? s.population / r.population : 0, 9),
                        number(systemPeople[s.system] > 0 ? s.population / systemPeople[s.system] : 0, 9),
                    ] + (attributes.map { $0.texts(i < r.after.attributes.count ? r.after.attributes[i] : $0.zeros) } ?? []))
            }
        }
        return CSVTable(
            header: [
                "place_code", "place_name", "system_code", "system_name", "population", "population_share_of_place",
                "population_share_of_system",
            ] + (attributes?.columnNames ?? []),
            rows: rows)
    }
}

extension ScenarioAnalysis {
    private func number(_ v: Double, _ places: Int = 3) -> String { JSONValue.number(Number.round(v, places)).text ?? "" }

    /// One row per system after the scenario: its places (lower tier) whole and shared, people, people
    /// aged 65 and over, blocks and connected pieces.
    public var systemsTable: CSVTable {
        let places = lower.after.places
        let standing = lower.after.newSystems
        return CSVTable(
            header: [
                "system_code", "system_name", "n_places", "n_whole_places", "n_shared_places", "made_of_whole_places", "population",
                "population_aged_65_and_over", "under_1m", "blocks", "pieces", "one_piece", "fate", "shared_places",
            ],
            rows: systemsAfter.map { s in
                [
                    s.code, s.name, String(s.nWholePlaces + s.nSharedPlaces), String(s.nWholePlaces), String(s.nSharedPlaces),
                    s.wholePlaces ? "true" : "false", number(s.population), s.older.map { number($0) } ?? "",
                    s.population < Self.populationFloor ? "true" : "false", String(s.blocks), String(s.pieces),
                    s.onePiece ? "true" : "false",
                    fate(ofNew: s.system), standing[s.system].sharedPlaces.map { places.codes[$0] }.sorted().joined(separator: ";"),
                ]
            })
    }

    /// "unchanged", "grown", "merged into", "new", … for a system after (from the diff of the systems).
    public func fate(ofNew s: Int) -> String {
        if let f = diff.fates.first(where: { $0.old == nil && $0.new.contains(s) }) { return f.fate.rawValue }
        let from = diff.fates.filter { $0.old != nil && $0.new.contains(s) }
        if from.count > 1 { return AreaFate.mergedInto.rawValue }
        return from.first?.fate.rawValue ?? AreaFate.new.rawValue
    }

    /// Lines of the scenario's rows overridden by later ones.
    public var overridesTable: CSVTable {
        let codes = application.systems.areaOfBlock.indices.map { diff.population.blocks.codes[$0] }
        return CSVTable(
            header: ["line", "overridden_by_line", "blocks", "block_codes"],
            rows: application.overrides.map { o in
                [String(o.line), String(o.byLine), String(o.blocks.count), o.blocks.map { codes[$0] }.joined(separator: ";")]
            })
    }
}
