import PlaceAnalysis
import PlaceGeometry
import PlaceIO

/// A footprint comparison as its output folder holds it: each area's fate, the people who changed
/// area, the places whose coterminosity changed, and the changed blocks dissolved for the
/// before/after maps.
public struct DiffRecord: Sendable {
    /// One row of `areas.csv`: an old area and what became of it (or a new area no old one leads to).
    public struct Fate: Sendable {
        public var oldCode: String
        public var oldName: String
        public var fate: String
        /// The new areas it became (several for `split into`).
        public var newCodes: [String]
        public var newNames: [String]
        public var oldPopulation: Double?
        public var newPopulation: Double
        public var gained: Double
        public var lost: Double

        public init(
            oldCode: String, oldName: String, fate: String, newCodes: [String], newNames: [String], oldPopulation: Double?,
            newPopulation: Double, gained: Double, lost: Double
        ) {
            self.oldCode = oldCode
            self.oldName = oldName
            self.fate = fate
            self.newCodes = newCodes
            self.newNames = newNames
            self.oldPopulation = oldPopulation
            self.newPopulation = newPopulation
            self.gained = gained
            self.lost = lost
        }
    }

    /// One row of `moves.csv`: the people and blocks of an old area that are in a new one.
    public struct Move: Sendable {
        public var oldCode: String
        public var oldName: String
        public var newCode: String
        public var newName: String
        public var blocks: Int
        public var population: Double
        /// A ``BlockChange`` raw value: `unchanged`, `renamed`, `recoded`, `merged`, `split`, `moved`, …
        public var change: String

        public init(
            oldCode: String, oldName: String, newCode: String, newName: String, blocks: Int, population: Double, change: String
        ) {
            self.oldCode = oldCode
            self.oldName = oldName
            self.newCode = newCode
            self.newName = newName
            self.blocks = blocks
            self.population = population
            self.change = change
        }

        /// People who changed area, not only its code or name.
        public var isMove: Bool { ![BlockChange.unchanged, .renamed, .recoded].map(\.rawValue).contains(change) }
    }

    /// One place whose coterminosity with the systems changed (a row of `places.csv` with a change).
    public struct PlaceChange: Sendable {
        public var code: String
        public var name: String
        public var population: Double
        public var statusBefore: String
        public var statusAfter: String
        /// Systems (code and people) before and after.
        public var before: [(code: String, population: Double)]
        public var after: [(code: String, population: Double)]
        public var change: String

        public init(
            code: String, name: String, population: Double, statusBefore: String, statusAfter: String,
            before: [(code: String, population: Double)], after: [(code: String, population: Double)], change: String
        ) {
            self.code = code
            self.name = name
            self.population = population
            self.statusBefore = statusBefore
            self.statusAfter = statusAfter
            self.before = before
            self.after = after
            self.change = change
        }
    }

    /// Systems made of whole places before (`before` of `of`) and after (`after` of `ofAfter`).
    public typealias WholeSystems = (before: Int, of: Int, after: Int, ofAfter: Int)

    public var oldGeography: String
    public var newGeography: String
    public var fates: [Fate]
    public var moves: [Move]
    /// The changed blocks dissolved by old area, by new area and by move.
    public var areas: ChangedAreas
    /// Places whose status or systems changed; nil when the diff was run without places.
    public var placeChanges: [PlaceChange]?
    public var placesGeography: String?
    /// nil without places.
    public var wholeSystems: WholeSystems?
    public var provenance: JSONValue

    public init(
        oldGeography: String, newGeography: String, fates: [Fate], moves: [Move], areas: ChangedAreas, placeChanges: [PlaceChange]?,
        placesGeography: String?, wholeSystems: WholeSystems?, provenance: JSONValue
    ) {
        self.oldGeography = oldGeography
        self.newGeography = newGeography
        self.fates = fates
        self.moves = moves
        self.areas = areas
        self.placeChanges = placeChanges
        self.placesGeography = placesGeography
        self.wholeSystems = wholeSystems
        self.provenance = provenance
    }
}

extension DiffRecord {
    /// The record of a diff (and of coterminosity before and after, when the diff had places): what
    /// ``OutputSet/add(_:coterminosity:folder:)`` writes, with the changed blocks dissolved.
    public init(_ diff: FootprintDiff, coterminosity: FootprintCoterminosity?) throws(PlacemapError) {
        let (old, new) = (diff.old, diff.new)
        let round = { (v: Double) in Number.round(v, 3) }
        let fates = diff.fates.map { f in
            Fate(
                oldCode: f.old.map { old.codes[$0] } ?? "", oldName: f.old.map { old.names[$0] } ?? "", fate: f.fate.rawValue,
                newCodes: f.new.map { new.codes[$0] }, newNames: f.new.map { new.names[$0] },
                oldPopulation: f.old == nil ? nil : round(f.oldPopulation), newPopulation: round(f.newPopulation),
                gained: round(f.gained), lost: round(f.lost))
        }
        let moves = diff.moves.map { m in
            Move(
                oldCode: m.old.map { old.codes[$0] } ?? "", oldName: m.old.map { old.names[$0] } ?? "",
                newCode: m.new.map { new.codes[$0] } ?? "", newName: m.new.map { new.names[$0] } ?? "", blocks: m.blocks,
                population: round(m.population), change: m.change.rawValue)
        }
        var placeChanges: [PlaceChange]?
        var whole: WholeSystems?
        if let c = coterminosity {
            let systems = { (s: FootprintCoterminosity.Standing, f: Footprint) in
                s.systems.map { (code: f.codes[$0.system], population: $0.population.rounded()) }
            }
            placeChanges = c.rows.compactMap { r in
                let change = c.change(r)
                guard !change.isEmpty else { return nil }
                return PlaceChange(
                    code: c.places.codes[r.place], name: c.places.names[r.place], population: r.population.rounded(),
                    statusBefore: r.before.status.rawValue, statusAfter: r.after.status.rawValue, before: systems(r.before, old),
                    after: systems(r.after, new), change: change)
            }
            whole = (
                c.oldSystems.filter(\.madeOfWholePlaces).count, c.oldSystems.count, c.newSystems.filter(\.madeOfWholePlaces).count,
                c.newSystems.count
            )
        }
        self.init(
            oldGeography: old.geography, newGeography: new.geography, fates: fates, moves: moves, areas: try diff.changedAreas(),
            placeChanges: placeChanges, placesGeography: coterminosity?.places.geography, wholeSystems: whole,
            provenance: .object(diff.provenance(coterminosity: coterminosity)))
    }
}
