import PlaceAnalysis
import PlaceGeometry
import PlaceIO

/// A coterminosity result as its output folder holds it: the places with their status and shares,
/// the systems, the provenance. Built from a result just computed, or read back from the folder by
/// ``OutputFolder``; figures are rounded as the files round them, so both give the same values.
/// Shapes are in EPSG:27700 metres.
public struct CoterminosityRecord: Sendable {
    /// A place's share in one system.
    public struct Share: Sendable {
        public var systemCode: String
        /// The system's short name (``Coterminosity/short(_:)``).
        public var systemName: String
        /// Share of the place's population (or area, without population), 0–1.
        public var share: Double
        public var population: Double?
        /// The pair's count attributes (e.g. people by age band), in the order of `countColumns`.
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
    public struct Place: Sendable {
        public var code: String
        public var name: String
        public var status: String
        public var shape: Shape
        public var population: Double?
        public var shares: [Share]

        public init(code: String, name: String, status: String, shape: Shape, population: Double?, shares: [Share]) {
            self.code = code
            self.name = name
            self.status = status
            self.shape = shape
            self.population = population
            self.shares = shares
        }
    }

    /// A system (e.g. an ICB); its shape is nil when its layer is not at hand.
    public struct System: Sendable {
        public var code: String
        /// The short name (``Coterminosity/short(_:)``).
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

    public var placesGeography: String
    public var systemsGeography: String
    public var places: [Place]
    public var systems: [System]
    /// Shares by population (else by area).
    public var weighted: Bool
    /// Names of the count attributes each pair carries (e.g. `population_aged_65_and_over`).
    public var countColumns: [String]
    public var provenance: JSONValue

    public init(
        placesGeography: String, systemsGeography: String, places: [Place], systems: [System], weighted: Bool,
        countColumns: [String] = [], provenance: JSONValue
    ) {
        self.placesGeography = placesGeography
        self.systemsGeography = systemsGeography
        self.places = places
        self.systems = systems
        self.weighted = weighted
        self.countColumns = countColumns
        self.provenance = provenance
    }
}

extension CoterminosityRecord {
    /// The record of a result: what ``OutputSet/add(_:folder:placesStyle:)`` writes.
    public init(_ result: Coterminosity) {
        let p = result.placesLayer
        let s = result.systemsLayer
        let weighted = result.weighted
        let attributes = result.overlap.split?.attributes
        let places = result.places.map { r in
            Place(
                code: p.codes[r.place], name: p.names[r.place], status: r.status.rawValue, shape: p.features[r.place].shape,
                population: r.population.map { Number.round($0, 3) },
                shares: r.pairs.map { pair in
                    Share(
                        systemCode: s.codes[pair.b], systemName: Coterminosity.short(s.names[pair.b]),
                        share: Number.round(weighted ? pair.populationShareOfA ?? 0 : pair.shareOfA, 6),
                        population: weighted ? pair.population.map { Number.round($0, 3) } : nil,
                        counts: attributes.map { a in a.attributes.counts(a.pair(Pair(pair.a, pair.b))).map { Number.round($0, 3) } } ?? [])
                })
        }
        let systems = result.systems.map { r in
            System(
                code: s.codes[r.system], name: Coterminosity.short(s.names[r.system]), shape: s.features[r.system].shape,
                population: r.population.map { Number.round($0, 3) })
        }
        self.init(
            placesGeography: p.fields.prefix, systemsGeography: s.fields.prefix, places: places, systems: systems, weighted: weighted,
            countColumns: attributes?.attributes.countNames("") ?? [], provenance: .object(result.provenance))
    }
}
