import PlaceGeometry
import PlaceIO
import PlaceOutput

/// What a report shows: one view per analysis, each built from values (a result just computed, or
/// its record read back from an output folder by `OutputFolder`). Shapes are in EPSG:27700 metres.
public struct ReportContent: Sendable {
    public var title: String
    public var coterminosity: [CoterminosityView] = []
    public var contiguity: [ContiguityView] = []
    public var catchments: CatchmentView?
    public var diffs: [DiffView] = []

    public init(title: String) { self.title = title }

    public var isEmpty: Bool { coterminosity.isEmpty && contiguity.isEmpty && catchments == nil && diffs.isEmpty }
}

/// A place's share in one system.
public typealias PlaceShare = CoterminosityRecord.Share
/// A place with its status and the systems it lies in, largest share first.
public typealias MapPlace = CoterminosityRecord.Place
/// A system (e.g. an ICB); its shape is nil when the report has only the places.
public typealias MapSystem = CoterminosityRecord.System

/// One coterminosity result: places against systems.
public struct CoterminosityView: Sendable {
    public var id: String
    public var placesGeography: String
    public var systemsGeography: String
    public var places: [MapPlace]
    public var systems: [MapSystem]
    /// Shares by population (else by area).
    public var weighted: Bool
    /// A section per system with a close-up map.
    public var systemSections = true
    /// Names of the count attributes each pair carries (e.g. `population_aged_65_and_over`); empty without attributes.
    public var countColumns: [String] = []
    public var provenance: JSONValue

    public init(
        id: String, placesGeography: String, systemsGeography: String, places: [MapPlace], systems: [MapSystem], weighted: Bool,
        provenance: JSONValue
    ) {
        self.id = id
        self.placesGeography = placesGeography
        self.systemsGeography = systemsGeography
        self.places = places
        self.systems = systems
        self.weighted = weighted
        self.provenance = provenance
    }

    /// The view of a coterminosity record; `id` names its section and maps.
    public init(_ record: CoterminosityRecord, id: String) {
        self.init(
            id: id, placesGeography: record.placesGeography, systemsGeography: record.systemsGeography, places: record.places,
            systems: record.systems, weighted: record.weighted, provenance: record.provenance)
        countColumns = record.countColumns
    }

    public func count(_ status: String) -> Int { places.filter { $0.status == status }.count }

    /// The warnings the run gave and its notes (the provenance's `warnings` and `notes`, e.g. that area
    /// cannot weigh people), shown on the page as on the terminal.
    public var warnings: [String] {
        guard case .object(let o) = provenance else { return [] }
        return ["warnings", "notes"].flatMap { key -> [String] in
            guard case .array(let lines)? = o[key] else { return [] }
            return lines.compactMap(\.text)
        }
    }
}

/// Groups (e.g. ICBs as sets of LSOAs) that are not one connected piece, with their exclaves.
public struct ContiguityView: Sendable {
    public typealias Group = ContiguityRecord.Group

    public var id: String
    public var layerGeography: String
    public var groups: [Group]
    /// Shapes of the exclave features, by code, where the layer could be read.
    public var exclaveShapes: [String: Shape]
    /// Names of the exclave features, by code.
    public var exclaveNames: [String: String]
    /// Outlines to draw under the exclaves (e.g. the systems), when known.
    public var background: [MapSystem]
    public var provenance: JSONValue

    public init(
        id: String, layerGeography: String, groups: [Group], exclaveShapes: [String: Shape], exclaveNames: [String: String],
        background: [MapSystem], provenance: JSONValue
    ) {
        self.id = id
        self.layerGeography = layerGeography
        self.groups = groups
        self.exclaveShapes = exclaveShapes
        self.exclaveNames = exclaveNames
        self.background = background
        self.provenance = provenance
    }

    /// The view of a contiguity record, drawn over `background`.
    public init(_ record: ContiguityRecord, id: String, background: [MapSystem]) {
        self.init(
            id: id, layerGeography: record.layerGeography, groups: record.groups, exclaveShapes: record.exclaveShapes,
            exclaveNames: record.exclaveNames, background: background, provenance: record.provenance)
    }

    public var notConnected: [Group] { groups.filter { $0.pieces > 1 } }
}

/// Acute trust catchments: per trust, its share of each small area's patients, its first-past-the-post
/// polygon, and the places it draws from.
public struct CatchmentView: Sendable {
    public typealias Trust = CatchmentRecord.Trust

    public var trusts: [Trust]
    /// The small areas (e.g. MSOA 2011) by code, with their shapes.
    public var blocks: [String: Shape]
    public var blocksGeography: String
    /// Names of the count attributes of each trust; empty without attributes.
    public var countColumns: [String] = []
    public var provenance: JSONValue

    public init(trusts: [Trust], blocks: [String: Shape], blocksGeography: String, provenance: JSONValue) {
        self.trusts = trusts
        self.blocks = blocks
        self.blocksGeography = blocksGeography
        self.provenance = provenance
    }

    /// The view of a catchments record.
    public init(_ record: CatchmentRecord) {
        self.init(trusts: record.trusts, blocks: record.blocks, blocksGeography: record.blocksGeography, provenance: record.provenance)
        countColumns = record.countColumns
    }
}
