import Foundation
import PlaceAnalysis
import PlaceGeometry
import PlaceIO

/// Tables, changed-blocks layer, provenance and summary of a footprint comparison.
extension FootprintDiff {
    private typealias C = DiffColumns

    private func number(_ v: Double) -> String { JSONValue.number(Number.round(v, 3)).text ?? "" }
    private func people(_ v: Double) -> String { String(Int(v.rounded())) }
    private func blocksText(_ n: Int) -> String { n == 1 ? "1 block" : "\(n) blocks" }

    /// old_code,old_name,new_code,new_name,blocks,population,change: every old × new pair holding a block,
    /// the unchanged diagonal included (an empty code: in no area); with attributes, their columns over
    /// the pair's blocks (counts summed, rates population-weighted means, classes shares of people).
    public var movesTable: CSVTable {
        CSVTable(
            header: [C.oldCode, C.oldName, C.newCode, C.newName, C.blocks, C.population, C.change] + (attributes?.columnNames ?? []),
            rows: moves.map { m in
                [
                    m.old.map { old.codes[$0] } ?? "", m.old.map { old.names[$0] } ?? "", m.new.map { new.codes[$0] } ?? "",
                    m.new.map { new.names[$0] } ?? "", String(m.blocks), number(m.population), m.change.rawValue,
                ] + (attributes?.texts(m.attributes) ?? [])
            })
    }

    /// For each count, its `_kept`, `_gained` and `_lost` column names (empty without attributes).
    private var countChangeNames: [String] {
        guard let attributes else { return [] }
        return attributes.countColumns.flatMap { j in ["_kept", "_gained", "_lost"].map { attributes.columns[j].name + $0 } }
    }

    private func countChanges(_ f: Fate) -> [String] {
        guard let attributes else { return [] }
        let sums = [f.keptAttributes, f.gainedAttributes, f.lostAttributes].map(attributes.counts)
        return attributes.countColumns.indices.flatMap { i in sums.map { number($0[i]) } }
    }

    /// One row per old area (its fate and the new areas it became) and per new area no old one leads to.
    public var areasTable: CSVTable {
        CSVTable(
            header: [
                C.oldCode, C.oldName, C.fate, C.newCode, C.newName, "old_blocks", "new_blocks", C.oldPopulation, C.newPopulation,
                "people_kept", C.peopleGained, C.peopleLost,
            ] + countChangeNames,
            rows: fates.map { f in
                [
                    f.old.map { old.codes[$0] } ?? "", f.old.map { old.names[$0] } ?? "", f.fate.rawValue,
                    f.new.map { new.codes[$0] }.joined(separator: ";"), f.new.map { new.names[$0] }.joined(separator: ";"),
                    f.old == nil ? "" : String(f.oldBlocks), String(f.newBlocks), f.old == nil ? "" : number(f.oldPopulation),
                    number(f.newPopulation), number(f.kept), number(f.gained), number(f.lost),
                ] + countChanges(f)
            })
    }

    /// The blocks whose area changed (moved, merged, split, recoded, renamed, outside one footprint),
    /// with their old and new areas and population, for a map (the attributes are in moves.csv).
    public var changedBlocksLayer: Layer {
        let blocks = population.blocks
        var features: [Feature] = []
        for (k, change) in blockChanges.enumerated() where change != .unchanged {
            let o = old.areaOfBlock[k]
            let n = new.areaOfBlock[k]
            let props = JSONObject([
                (C.blockCode, .string(blocks.codes[k])), ("block_name", .string(blocks.names[k])), (C.change, .string(change.rawValue)),
                (C.oldCode, o.map { .string(old.codes[$0]) } ?? .null), (C.oldName, o.map { .string(old.names[$0]) } ?? .null),
                (C.newCode, n.map { .string(new.codes[$0]) } ?? .null), (C.newName, n.map { .string(new.names[$0]) } ?? .null),
                (C.population, .number(Number.round(population.population[k], 3))),
            ])
            features.append(Feature(properties: props, shape: blocks.features[k].shape))
        }
        return Layer(name: "changed_blocks", source: "diff", crs: .britishNationalGrid, features: features)
    }

    static func describe(_ f: Footprint) -> JSONValue {
        var o = JSONObject([
            ("file", .string(f.file)), ("geography", .string(f.geography)), ("areas", .number(Double(f.count))),
        ])
        switch f.source {
        case .lookup(let code, let block):
            o["read_as"] = .string("block lookup (exact: no geometry)")
            o["code_column"] = .string(code)
            o["block_column"] = .string(block)
        case .layer(let layer):
            o["read_as"] = .string("polygons: each block goes wholly to the area holding the largest share of its area")
            o["code_field"] = .string(layer.codeField)
            o["input_crs"] = .string(layer.inputCRS)
            o["repaired_geometries"] = .number(Double(layer.repairs))
        case .scenario(let base, let files):
            o["read_as"] = .string("scenario built from \(base)")
            o["scenario_files"] = .array(files.map(JSONValue.string))
        }
        o["blocks_in_no_area"] = .number(Double(f.areaOfBlock.filter { $0 == nil }.count))
        return .object(o)
    }

    /// Inputs, method and counts.
    public var provenance: JSONObject {
        var fateCounts = JSONObject()
        for fate in AreaFate.allCases { fateCounts[fate.rawValue] = .number(Double(count(fate))) }
        var changes = JSONObject()
        for change in BlockChange.allCases {
            let t = total(change)
            changes[change.rawValue] = .object(JSONObject([("blocks", .number(Double(t.blocks))), ("population", .number(t.population))]))
        }
        var o = JSONObject([
            ("tool", .string(Provenance.tool)), ("analysis", .string("diff")),
            ("old", Self.describe(old)), ("new", Self.describe(new)),
            (
                "blocks",
                .object(
                    JSONObject([
                        ("file", .string(population.blocks.source)), ("code_field", .string(population.blocks.fields.code)),
                        ("count", .number(Double(population.blocks.count))), ("population_table", .string(population.source)),
                        ("population_field", .string(population.field)), ("population_total", .number(population.total)),
                    ]))
            ),
            (
                "matching",
                .string(
                    "by footprint (people in common), never by code: an old area's successor is the new area holding most of its people, "
                        + "a new area's predecessor the old area giving it most of its people")
            ),
            ("fates", .object(fateCounts)), ("blocks_by_change", .object(changes)),
        ])
        if let attributes { o["attributes"] = attributesProvenance(attributes) }
        return o
    }

    /// The provenance of diff.json: with places, also the places and the count of each status before and after.
    public func provenance(coterminosity c: FootprintCoterminosity?) -> JSONObject {
        var o = provenance
        guard let c else { return o }
        o["places"] = Self.describe(c.places)
        var changed = JSONObject()
        for s in PlaceStatus.allCases {
            changed[s.rawValue] = .array([.number(Double(c.count(s, after: false))), .number(Double(c.count(s, after: true)))])
        }
        o["places_before_after"] = .object(changed)
        return o
    }

    /// Each footprint's areas' stored attribute sums added up: the blocks in some area.
    private func inAreas(_ sums: [[Double]], _ a: BlockAttributes) -> [Double] { sums.reduce(a.zeros) { $0.plus($1) } }

    /// The attribute table, its kinds, and each count's total in the blocks, in the areas of either
    /// footprint and in blocks that moved.
    private func attributesProvenance(_ a: BlockAttributes) -> JSONValue {
        guard case .object(var o) = a.provenance() else { return a.provenance() }
        let moved = attributeTotal(.moved)
        let total = a.totals
        let inOld = inAreas(oldAttributes, a)
        let inNew = inAreas(newAttributes, a)
        o["method"] = .string("each block goes wholly to one area, its attributes with it")
        o["count_totals"] = .object(
            JSONObject(
                a.countColumns.map { j in
                    let c = a.columns[j].position
                    return (
                        a.columns[j].name,
                        .object(
                            JSONObject([
                                ("total", .number(Number.round(total[c], 3))), ("in_old_areas", .number(Number.round(inOld[c], 3))),
                                ("in_new_areas", .number(Number.round(inNew[c], 3))),
                                ("in_moved_blocks", .number(Number.round(moved[c], 3))),
                            ]))
                    )
                }))
        return .object(o)
    }

    /// With attributes: each count in blocks that moved to another area, then each count's total
    /// reconciled with the areas of both footprints (empty without attributes).
    public var attributeSummary: String {
        guard let a = attributes, !a.countColumns.isEmpty else { return "" }
        let moved = a.counts(attributeTotal(.moved))
        let total = a.counts(a.totals)
        let inOld = a.counts(inAreas(oldAttributes, a))
        let inNew = a.counts(inAreas(newAttributes, a))
        let names = a.countColumns.map { a.columns[$0].name }
        var lines = ["  by count: people in blocks that moved to another area"]
        for i in names.indices {
            let share = String(format: "%.2f", fraction(moved[i], of: total[i]) * 100)
            lines.append("    \(names[i]): \(people(moved[i])) (\(share)% of \(people(total[i])))")
        }
        lines.append("  count totals (in blocks = in OLD's areas + in none = in NEW's areas + in none):")
        for i in names.indices {
            lines.append(
                "    \(names[i]): \(number(total[i])) = \(number(inOld[i])) + \(number(total[i] - inOld[i])) = \(number(inNew[i])) + "
                    + "\(number(total[i] - inNew[i]))")
        }
        return lines.joined(separator: "\n")
    }

    /// What changed, for people: moves, fates, recodes and mergers.
    public var summary: String {
        let total = population.total
        var lines = [
            "\(old.geography) (\(old.count) areas, \(old.file)) → \(new.geography) (\(new.count) areas, \(new.file)), "
                + "over \(population.blocks.count) blocks (\(population.field): \(people(total)))"
        ]
        let moved = self.total(.moved)
        let share = String(format: "%.2f", fraction(moved.population, of: total) * 100)
        lines.append(
            "  people in blocks that moved to another area: \(people(moved.population)) (\(share)%) in \(blocksText(moved.blocks))")
        let fateText = AreaFate.allCases.filter { count($0) > 0 }.map { "\($0.rawValue) \(count($0))" }
        lines.append("  fates: " + fateText.joined(separator: ", "))
        let biggest = moves.filter { $0.change == .moved }.sorted { ($0.population, $0.blocks) > ($1.population, $1.blocks) }
        for m in biggest.prefix(5) {
            let from = m.old.map { "\(Coterminosity.short(old.names[$0])) (\(old.codes[$0]))" } ?? "no area"
            let to = m.new.map { "\(Coterminosity.short(new.names[$0])) (\(new.codes[$0]))" } ?? "no area"
            lines.append("  moved: \(from) → \(to): \(blocksText(m.blocks)), \(people(m.population)) people")
        }
        if biggest.count > 5 { lines.append("  … and \(biggest.count - 5) more moves (moves.csv)") }
        for f in fates {
            guard let o = f.old, let n = f.new.first, f.new.count == 1, f.fate != .mergedInto, old.codes[o] != new.codes[n] else {
                continue
            }
            var text = "  recoded: \(Coterminosity.short(old.names[o])) \(old.codes[o]) → \(new.codes[n])"
            if new.names[n] != old.names[o] { text += " (\(Coterminosity.short(new.names[n])))" }
            if f.fate != .recoded { text += ", \(f.fate.rawValue): +\(people(f.gained)) −\(people(f.lost)) people" }
            lines.append(text)
        }
        for f in fates where f.fate == .renamed {
            guard let o = f.old, let n = f.new.first else { continue }
            lines.append("  renamed: \(old.names[o]) (\(old.codes[o])) → \(new.names[n])")
        }
        var merged: [Int: [Int]] = [:]
        for f in fates where f.fate == .mergedInto { if let o = f.old, let n = f.new.first { merged[n, default: []].append(o) } }
        for n in merged.keys.sorted(by: { new.codes[$0] < new.codes[$1] }) {
            let parts = merged[n, default: []].map { Coterminosity.short(old.names[$0]) }.joined(separator: ", ")
            let size = people(new.population(population.population)[n])
            lines.append("  merged: \(parts) → \(Coterminosity.short(new.names[n])) (\(new.codes[n])): \(size) people")
        }
        for f in fates where f.fate == .splitInto {
            guard let o = f.old else { continue }
            let parts = f.new.map { "\(Coterminosity.short(new.names[$0])) (\(new.codes[$0]))" }.joined(separator: ", ")
            lines.append("  split: \(Coterminosity.short(old.names[o])) (\(old.codes[o])) → \(parts)")
        }
        for f in fates where f.fate == .new || f.fate == .gone {
            let name =
                f.old.map { "\(Coterminosity.short(old.names[$0])) (\(old.codes[$0]))" }
                ?? f.new.first.map { "\(Coterminosity.short(new.names[$0])) (\(new.codes[$0]))" } ?? ""
            lines.append("  \(f.fate.rawValue): \(name)")
        }
        for (label, f) in [("OLD", old), ("NEW", new)] {
            let outside = f.areaOfBlock.indices.filter { f.areaOfBlock[$0] == nil }
            guard !outside.isEmpty else { continue }
            let n = outside.reduce(0) { $0 + population.population[$1] }
            lines.append("  \(label): \(outside.count) blocks (\(people(n)) people) lie in no area of \(f.file)")
        }
        return lines.joined(separator: "\n")
    }
}

/// The before/after tables and summary of coterminosity with two footprints.
extension FootprintCoterminosity {
    private typealias C = DiffColumns

    private func people(_ v: Double) -> String { String(Int(v.rounded())) }
    private func number(_ v: Double, _ places: Int = 3) -> String { JSONValue.number(Number.round(v, places)).text ?? "" }

    private func systemsText(_ s: Standing, _ f: Footprint) -> String {
        s.systems.map { "\(f.codes[$0.system]) \(people($0.population))" }.joined(separator: ";")
    }

    private var attributes: BlockAttributes? { diff.attributes }

    /// For each count, the place's count in each system, like systems_before ("E54000053 2400;E54000052 180").
    private func countsText(_ s: Standing, _ f: Footprint, count i: Int) -> String {
        guard let attributes else { return "" }
        return zip(s.systems, s.attributes).map { "\(f.codes[$0.system]) \(number(attributes.counts($1)[i]))" }.joined(separator: ";")
    }

    /// place_code,place_name,population,status_before,systems_before,status_after,systems_after,change; with
    /// attributes, the place's attribute columns, then for each count `<count>_systems_before` and
    /// `<count>_systems_after` (the count in each system, like systems_before).
    public var placesTable: CSVTable {
        let counts = attributes?.countColumns.indices ?? 0..<0
        return CSVTable(
            header: [C.placeCode, C.placeName, C.population, C.statusBefore, C.systemsBefore, C.statusAfter, C.systemsAfter, C.change]
                + (attributes.map { a in a.columnNames + a.countNames("").flatMap { [$0 + "_systems_before", $0 + "_systems_after"] } }
                    ?? []),
            rows: rows.map { r in
                [
                    places.codes[r.place], places.names[r.place], people(r.population), r.before.status.rawValue,
                    systemsText(r.before, diff.old), r.after.status.rawValue, systemsText(r.after, diff.new), change(r),
                ] + (attributes?.texts(r.attributes) ?? [])
                    + counts.flatMap { [countsText(r.before, diff.old, count: $0), countsText(r.after, diff.new, count: $0)] }
            })
    }

    /// "split → coterminous", "systems changed" or "".
    public func change(_ r: Place) -> String {
        if r.before.status != r.after.status { return "\(r.before.status.rawValue) → \(r.after.status.rawValue)" }
        return r.systemsChanged ? "systems changed" : ""
    }

    /// One row per system of either footprint: its whole and shared places; with attributes, the
    /// system's attribute columns in that footprint and, for each count, the part in whole places and
    /// its share (`…_in_whole_places`, `…_share_in_whole_places`, as in coterminosity's systems.csv).
    public var systemsTable: CSVTable {
        var rows: [[String]] = []
        for (label, footprint, systems, sums) in [
            ("before", diff.old, oldSystems, diff.oldAttributes), ("after", diff.new, newSystems, diff.newAttributes),
        ] {
            for s in systems.sorted(by: { footprint.codes[$0.system] < footprint.codes[$1.system] }) {
                var row = [
                    label, footprint.codes[s.system], footprint.names[s.system], String(s.wholePlaces.count + s.sharedPlaces.count),
                    String(s.wholePlaces.count), String(s.sharedPlaces.count), s.madeOfWholePlaces ? "true" : "false",
                    s.sharedPlaces.map { places.codes[$0] }.joined(separator: ";"),
                ]
                if let attributes {
                    let all = attributes.counts(sums[s.system])
                    let whole = attributes.counts(s.attributesInWholePlaces)
                    row +=
                        attributes.texts(sums[s.system]) + whole.map { number($0) }
                        + zip(whole, all).map { number(fraction($0, of: $1), 9) }
                }
                rows.append(row)
            }
        }
        return CSVTable(
            header: [
                C.footprint, C.systemCode, "system_name", "n_places", "n_whole_places", "n_shared_places", C.madeOfWholePlaces,
                "shared_places",
            ] + (attributes.map { $0.columnNames + $0.countNames("_in_whole_places") + $0.countNames("_share_in_whole_places") } ?? []),
            rows: rows)
    }

    /// Counts before and after, and the places whose status or systems changed.
    public var summary: String {
        var lines = ["  \(places.count) places (\(places.geography), \(places.file)) against the systems, before → after:"]
        let counts = PlaceStatus.allCases.map { s in "\(s.rawValue) \(count(s, after: false)) → \(count(s, after: true))" }
        lines.append("    " + counts.joined(separator: ", "))
        for r in rows where r.before.status != r.after.status || r.systemsChanged {
            let before = r.before.systems.map { Coterminosity.short(diff.old.names[$0.system]) }.joined(separator: ", ")
            let after = r.after.systems.map { Coterminosity.short(diff.new.names[$0.system]) }.joined(separator: ", ")
            lines.append("    \(places.names[r.place]) (\(places.codes[r.place])): \(change(r)) (\(before) → \(after))")
        }
        let whole = (oldSystems.filter(\.madeOfWholePlaces).count, newSystems.filter(\.madeOfWholePlaces).count)
        lines.append("    systems made of whole places: \(whole.0) of \(oldSystems.count) → \(whole.1) of \(newSystems.count)")
        return lines.joined(separator: "\n")
    }
}
