import PlaceAnalysis
import PlaceGeometry
import PlaceIO

/// Acute trust catchments as their output folder holds them: per trust, its populations by both
/// methods, its share of each small area's patients, its first-past-the-post polygon and the places
/// it draws from. Shapes are in EPSG:27700 metres.
public struct CatchmentRecord: Sendable {
    /// A place a trust draws from.
    public typealias Place = (code: String, name: String, population: Double, shareOfTrust: Double)

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
        public var places: [Place]
        /// Its count attributes by each method, in the order of the record's `countColumns`.
        public var countsProportional: [Double] = []
        public var countsFirstPastThePost: [Double] = []

        public init(
            code: String, name: String, populationProportional: Double, populationFirstPastThePost: Double, firstPastThePost: Shape?,
            shares: [String: Double], places: [Place]
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
    public var countColumns: [String]
    public var provenance: JSONValue

    public init(trusts: [Trust], blocks: [String: Shape], blocksGeography: String, countColumns: [String] = [], provenance: JSONValue) {
        self.trusts = trusts
        self.blocks = blocks
        self.blocksGeography = blocksGeography
        self.countColumns = countColumns
        self.provenance = provenance
    }
}

extension CatchmentRecord {
    /// The record of a catchments run: what ``OutputSet/add(_:folder:)`` writes.
    public init(_ report: CatchmentReport) {
        let c = report.catchments
        var shares: [String: [String: Double]] = [:]
        for e in c.shares.entries { shares[e.trust, default: [:]][e.area] = e.share }
        let polygons = Dictionary(report.firstPolygons.map { ($0.code, $0.shape) }, uniquingKeysWith: { a, _ in a })
        var places: [Int: [Place]] = [:]
        for f in report.footprint.placeFlows {
            places[f.trust, default: []].append(
                (
                    report.places.codes[f.area], report.places.names[f.area], Number.round(f.population, 3),
                    Number.round(f.shareOfTrust, 9)
                ))
        }
        let attributes = c.attributes
        let counts = { (sums: [Double]) in attributes.map { $0.counts(sums).map { Number.round($0, 3) } } ?? [] }
        let trusts = c.trusts.enumerated().map { t, trust in
            var out = Trust(
                code: trust.code, name: report.trustNames[trust.code] ?? "",
                populationProportional: Number.round(trust.populationProportional, 3),
                populationFirstPastThePost: Number.round(trust.populationFirstPastThePost, 3), firstPastThePost: polygons[trust.code],
                shares: shares[trust.code] ?? [:], places: places[t] ?? [])
            out.countsProportional = counts(trust.attributesProportional)
            out.countsFirstPastThePost = counts(trust.attributesFirstPastThePost)
            return out
        }
        self.init(
            trusts: trusts, blocks: Dictionary(zip(c.blocks.codes, c.blocks.features.map(\.shape)), uniquingKeysWith: { a, _ in a }),
            blocksGeography: c.blocks.fields.prefix, countColumns: attributes?.countNames("") ?? [],
            provenance: .object(report.provenance))
    }
}
