import PlaceIO

/// Population moved from one small-area geography to another through lookups, e.g. census 2021
/// LSOA 2021 counts to MSOA 2011 (the areas of the OHID catchment file).
public struct PopulationConversion: Sendable {
    /// Population of each target area, by code.
    public var population: [String: Double]
    /// Source codes with population that the lookups could not place (their people are lost).
    public var unplaced: [String]
    public var unplacedPopulation: Double
    /// Source areas shared between several intermediate areas (splits and merges), whose population
    /// was divided equally between them.
    public var sharedSources: Int
    /// The target areas each placed source area is divided between (equally; a target may repeat).
    public var targetsOfSource: [String: [String]] = [:]

    /// Converts `source` (code → population) through `bridge` (source code → intermediate codes, e.g.
    /// LSOA21 → LSOA11, many-to-many) and `nest` (intermediate → target, e.g. LSOA11 → MSOA11).
    /// A source area linked to k intermediate areas gives each 1/k of its population: the lookups carry
    /// no weights, and the 2011 populations that would give better ones are not bundled.
    public init(source: [String: Double], bridge: [(source: String, intermediate: String)], nest: [String: String]) {
        var links: [String: [String]] = [:]
        for (s, i) in bridge { links[s, default: []].append(i) }
        var population: [String: Double] = [:]
        var unplaced: [String] = []
        var lost = 0.0
        var shared = 0
        var targetsOfSource: [String: [String]] = [:]
        for (code, people) in source.sorted(by: { $0.key < $1.key }) {
            let targets = (links[code] ?? []).compactMap { nest[$0] }
            guard !targets.isEmpty, targets.count == (links[code] ?? []).count else {
                unplaced.append(code)
                lost += people
                continue
            }
            if targets.count > 1 { shared += 1 }
            targetsOfSource[code] = targets
            for t in targets { population[t, default: 0] += people / Double(targets.count) }
        }
        self.population = population
        self.unplaced = unplaced
        self.unplacedPopulation = lost
        self.sharedSources = shared
        self.targetsOfSource = targetsOfSource
    }

    /// Census 2021 LSOA populations to MSOA 2011 through the ONS LSOA11↔LSOA21 and LSOA11→MSOA11 lookups.
    public static func msoa11(census: CSVTable, lsoa11ToLSOA21: CSVTable, lsoa11ToMSOA11: CSVTable) throws(PlacemapError)
        -> PopulationConversion
    {
        let code = try census.column("lsoa21_code")
        let value = try census.column(
            census.firstColumn(among: PopulationColumns.names).map { census.header[$0] } ?? "usual_residents")
        var source: [String: Double] = [:]
        var sum = CheckedSum(column: census.header[value], source: census.source)
        for (r, row) in census.rows.enumerated() {
            let people = try census.population(row: r, column: value, code: row[code])
            try sum.add(people, line: census.line(ofRow: r), code: row[code])
            source[row[code]] = people
        }
        let l11 = try lsoa11ToLSOA21.column("lsoa11_code")
        let l21 = try lsoa11ToLSOA21.column("lsoa21_code")
        let n11 = try lsoa11ToMSOA11.column("lsoa11_code")
        let m11 = try lsoa11ToMSOA11.column("msoa11_code")
        let nest = Dictionary(lsoa11ToMSOA11.rows.map { ($0[n11], $0[m11]) }, uniquingKeysWith: { first, _ in first })
        return PopulationConversion(source: source, bridge: lsoa11ToLSOA21.rows.map { ($0[l21], $0[l11]) }, nest: nest)
    }
}
