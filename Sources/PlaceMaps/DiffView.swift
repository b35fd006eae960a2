import PlaceGeometry
import PlaceIO

/// A footprint comparison (what `placemap diff` wrote): each area's fate, the people who changed area,
/// the places whose coterminosity changed, and the changed blocks for the before/after maps.
public struct DiffView: Sendable {
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
        /// `unchanged`, `renamed`, `recoded`, `merged`, `split`, `moved`, `outside before`, `outside after`.
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
        public var isMove: Bool { !["unchanged", "renamed", "recoded"].contains(change) }
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

    /// A changed block: its shape (EPSG:27700), its old and new area (empty: in no area), its change.
    public struct Block: Sendable {
        public var code: String
        public var oldCode: String
        public var newCode: String
        public var change: String
        public var population: Double
        public var shape: Shape

        public init(code: String, oldCode: String, newCode: String, change: String, population: Double, shape: Shape) {
            self.code = code
            self.oldCode = oldCode
            self.newCode = newCode
            self.change = change
            self.population = population
            self.shape = shape
        }
    }

    /// Changed blocks dissolved by one grouping (old area, new area, or old → new for moved blocks).
    public struct Drawn: Sendable {
        /// The area's code; for moved blocks "OLD→NEW"; empty: in no area.
        public var code: String
        public var shape: Shape
        public var blocks: Int
        public var population: Double

        public init(code: String, shape: Shape, blocks: Int, population: Double) {
            self.code = code
            self.shape = shape
            self.blocks = blocks
            self.population = population
        }
    }

    public var id: String
    public var oldGeography: String
    public var newGeography: String
    public var fates: [Fate]
    public var moves: [Move]
    /// The changed blocks by old area, by new area, and the moved ones by old → new.
    public var before: [Drawn] = []
    public var after: [Drawn] = []
    public var moved: [Drawn] = []
    /// Places whose status or systems changed; nil when the diff was run without places.
    public var placeChanges: [PlaceChange]?
    public var placesGeography: String?
    /// Systems made of whole places, before and after (nil without systems.csv).
    public var wholeSystems: (before: Int, of: Int, after: Int, ofAfter: Int)?
    public var provenance: JSONValue

    public init(
        id: String, oldGeography: String, newGeography: String, fates: [Fate], moves: [Move], placeChanges: [PlaceChange]?,
        placesGeography: String?, provenance: JSONValue
    ) {
        self.id = id
        self.oldGeography = oldGeography
        self.newGeography = newGeography
        self.fates = fates
        self.moves = moves
        self.placeChanges = placeChanges
        self.placesGeography = placesGeography
        self.provenance = provenance
    }

    /// Names of the old and new areas by code.
    public var oldNames: [String: String] {
        Dictionary(fates.filter { !$0.oldCode.isEmpty }.map { ($0.oldCode, $0.oldName) }, uniquingKeysWith: { a, _ in a })
    }
    public var newNames: [String: String] {
        var names: [String: String] = [:]
        for f in fates { for (c, n) in zip(f.newCodes, f.newNames) where names[c] == nil { names[c] = n } }
        for m in moves where !m.newCode.isEmpty && names[m.newCode] == nil { names[m.newCode] = m.newName }
        return names
    }

    /// People who changed area, largest first.
    public var biggestMoves: [Move] {
        moves.filter(\.isMove).sorted { ($0.population, $0.blocks, $1.oldCode) > ($1.population, $1.blocks, $0.oldCode) }
    }
}
