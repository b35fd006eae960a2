import PlaceGeometry
import PlaceIO

/// What a report shows, independent of where it came from (an analysis just run, or the files an
/// earlier run wrote). Shapes are in EPSG:27700 metres.
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
public struct PlaceShare: Sendable {
    public var systemCode: String
    public var systemName: String
    /// Share of the place's population (or area, without population), 0–1.
    public var share: Double
    public var population: Double?
    /// The pair's count attributes (e.g. people by age band), in the order of the view's `countColumns`.
    public var counts: [Double]

    public init(systemCode: String, systemName: String, share: Double, population: Double?, counts: [Double] = []) {
        self.systemCode = systemCode
        self.systemName = systemName
        self.share = share
        self.population = population
        self.counts = counts
    }
}

/// A place with its status and the systems it lies in, largest share first.
public struct MapPlace: Sendable {
    public var code: String
    public var name: String
    public var status: String
    public var shape: Shape
    public var population: Double?
    public var shares: [PlaceShare]

    public init(code: String, name: String, status: String, shape: Shape, population: Double?, shares: [PlaceShare]) {
        self.code = code
        self.name = name
        self.status = status
        self.shape = shape
        self.population = population
        self.shares = shares
    }
}

/// A system (e.g. an ICB); its shape is nil when the report has only the places.
public struct MapSystem: Sendable {
    public var code: String
    public var name: String
    public var shape: Shape?
    public var population: Double?

    public init(code: String, name: String, shape: Shape?, population: Double?) {
        self.code = code
        self.name = name
        self.shape = shape
        self.population = population
    }
}

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
    public struct Group: Sendable {
        public var code: String
        public var name: String
        public var members: Int
        public var pieces: Int
        public var exclaves: [String]

        public init(code: String, name: String, members: Int, pieces: Int, exclaves: [String]) {
            self.code = code
            self.name = name
            self.members = members
            self.pieces = pieces
            self.exclaves = exclaves
        }
    }

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

    public var notConnected: [Group] { groups.filter { $0.pieces > 1 } }
}

/// Acute trust catchments: per trust, its share of each small area's patients, its first-past-the-post
/// polygon, and the places it draws from.
public struct CatchmentView: Sendable {
    public struct Trust: Sendable {
        public var code: String
        public var name: String
        public var populationProportional: Double
        public var populationFirstPastThePost: Double
        /// The first-past-the-post catchment (nil when the trust is first nowhere).
        public var firstPastThePost: Shape?
        /// Share of patients by small-area code.
        public var shares: [String: Double]
        /// Places it draws from: name, code, population, share of the trust.
        public var places: [(code: String, name: String, population: Double, shareOfTrust: Double)]
        /// Its count attributes by each method, in the order of the view's `countColumns`.
        public var countsProportional: [Double] = []
        public var countsFirstPastThePost: [Double] = []

        public init(
            code: String, name: String, populationProportional: Double, populationFirstPastThePost: Double, firstPastThePost: Shape?,
            shares: [String: Double], places: [(code: String, name: String, population: Double, shareOfTrust: Double)]
        ) {
            self.code = code
            self.name = name
            self.populationProportional = populationProportional
            self.populationFirstPastThePost = populationFirstPastThePost
            self.firstPastThePost = firstPastThePost
            self.shares = shares
            self.places = places
        }
    }

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
}
