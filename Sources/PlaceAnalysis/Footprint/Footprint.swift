import PlaceIO

/// How a footprint's blocks were given to its areas.
public enum FootprintSource: Sendable, Equatable {
    /// A block lookup (block code → area code and name): exact, no geometry involved.
    case lookup(codeColumn: String, blockColumn: String)
    /// A polygon layer: each block goes wholly to the area holding the largest share of its area.
    case layer(AnalysisLayer.Summary)
    /// Built from another footprint by a scenario (merged systems, reassigned blocks).
    case scenario(base: String, files: [String])
}

/// Areas drawn on a set of population blocks: each block lies in at most one area.
///
/// Two vintages of a geography (ICB 2022 and ICB 2024, say) compare exactly once both are footprints
/// over the same blocks, whatever they were read from.
public struct Footprint: Sendable {
    /// The file (or scenario) the footprint came from.
    public var file: String
    /// The geography and vintage, e.g. "ICB22".
    public var geography: String
    public var codes: [String]
    public var names: [String]
    /// Codes that the lookup's rows name in more than one way (the name of most rows is used).
    public var nameWarnings: [String] = []
    /// The area of each block (a position in `codes`), nil when the block is in none.
    public var areaOfBlock: [Int?]
    public var source: FootprintSource

    public init(file: String, geography: String, codes: [String], names: [String], areaOfBlock: [Int?], source: FootprintSource) {
        self.file = file
        self.geography = geography
        self.codes = codes
        self.names = names
        self.areaOfBlock = areaOfBlock
        self.source = source
    }

    public var count: Int { codes.count }

    /// The position of each area code.
    public var positions: [String: Int] { Dictionary(uniqueKeysWithValues: codes.enumerated().map { ($1, $0) }) }

    /// Blocks in each area.
    public var blocksPerArea: [Int] {
        var n = [Int](repeating: 0, count: count)
        for case let a? in areaOfBlock { n[a] += 1 }
        return n
    }

    /// People in each area.
    public func population(_ people: [Double]) -> [Double] {
        var n = [Double](repeating: 0, count: count)
        for (k, a) in areaOfBlock.enumerated() { if let a { n[a] += people[k] } }
        return n
    }
}

extension AnalysisLayer {
    /// What a footprint keeps of the layer it was made from.
    public struct Summary: Sendable, Equatable {
        public var file: String
        public var codeField: String
        public var features: Int
        public var inputCRS: String
        public var repairs: Int
    }

    public var summary: Summary {
        Summary(file: source, codeField: fields.code, features: count, inputCRS: inputCRS.description, repairs: repairs.count)
    }
}
