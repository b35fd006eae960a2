import PlaceAnalysis
import PlaceGeometry
import PlaceIO
import PlaceOutput

/// A footprint comparison: each area's fate, the people who changed area, the places whose
/// coterminosity changed, and the changed blocks dissolved for the before/after maps.
public struct DiffView: Sendable {
    public typealias Fate = DiffRecord.Fate
    public typealias Move = DiffRecord.Move
    public typealias PlaceChange = DiffRecord.PlaceChange
    /// A changed block: its shape (EPSG:27700), its old and new area (empty: in no area), its change.
    public typealias Block = ChangedBlock
    /// Changed blocks dissolved by one grouping (old area, new area, or old → new for moved blocks).
    public typealias Drawn = ChangedAreas.Area

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
    public var wholeSystems: DiffRecord.WholeSystems?
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

    /// The view of a diff record; `id` names its section and maps.
    public init(_ record: DiffRecord, id: String) {
        self.init(
            id: id, oldGeography: record.oldGeography, newGeography: record.newGeography, fates: record.fates, moves: record.moves,
            placeChanges: record.placeChanges, placesGeography: record.placesGeography, provenance: record.provenance)
        show(record.areas)
        wholeSystems = record.wholeSystems
    }

    /// Draws `areas` on the before/after maps.
    public mutating func show(_ areas: ChangedAreas) { (before, after, moved) = (areas.before, areas.after, areas.moved) }

    /// Draws `blocks`, dissolved by ``ChangedAreas`` (in PlaceAnalysis), on the before/after maps.
    public mutating func draw(_ blocks: [Block], source: String) throws(PlacemapError) { show(try ChangedAreas(blocks, source: source)) }

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
