import PlaceAnalysis
import PlaceOutput
import PlaceGeometry
import PlaceIO
import PlaceTestSupport
import Testing

@Suite struct CatchmentsTests {
    /// Three MSOAs in a row: M1 (1000 people) 60 % to T1, 30 % to T2; M2 (500) 50/50 (a tie: T1 is
    /// first by code); M3 (200) 90 % to T2.
    func make(extraRows: [[String]] = []) throws -> Catchments {
        let blocks = try AnalysisLayer(
            Layers.make([("M1", Layers.rect(0, 0, 10, 10)), ("M2", Layers.rect(10, 0, 20, 10)), ("M3", Layers.rect(20, 0, 30, 10))]),
            fields: Layers.fields)
        let table = CSVTable(
            source: "shares.csv", header: ["msoa_code", "trust_code", "proportion"],
            rows: [["M1", "T1", "0.6"], ["M1", "T2", "0.3"], ["M2", "T2", "0.5"], ["M2", "T1", "0.5"], ["M3", "T2", "0.9"]] + extraRows)
        let shares = try PatientShares(table: table, areas: Set(blocks.codes))
        return Catchments(blocks: blocks, population: ["M1": 1000, "M2": 500, "M3": 200], shares: shares)
    }

    @Test func proportionalAndFirstPastThePost() throws {
        let c = try make()
        #expect(c.trusts.map(\.code) == ["T1", "T2"])
        #expect(c.trusts.map(\.populationProportional) == [850, 730])
        #expect(c.trusts.map(\.populationFirstPastThePost) == [1500, 200])
        #expect(c.trusts.map { $0.firstAreas.map { c.blocks.codes[$0] } } == [["M1", "M2"], ["M3"]])
        #expect(abs(c.unattributed - 120) < 1e-9)  // 10 % of M1 and of M3
    }

    @Test func badSharesAreSetAsideAndReported() throws {
        let c = try make(extraRows: [["M3", "T3", "-0.1"], ["M3", "T4", "1.5"], ["M9", "T1", "0.2"], ["M1", "T5", "0.2"]])
        #expect(c.shares.problems.map(\.line) == [7, 8, 9])
        #expect(
            c.shares.problems.map(\.message) == [
                "share -0.1 is outside 0–1", "share 1.5 is outside 0–1", "area M9 is not among the blocks",
            ])
        #expect(c.shares.overfull == ["M1"])  // 0.6 + 0.3 + 0.2
    }

    @Test func catchmentPolygons() throws {
        let c = try make()
        let first = try c.firstPastThePostPolygons()
        let context = GEOSContext()
        #expect(first.map(\.code) == ["T1", "T2"])
        #expect(try first.map { try Geometry($0.shape, in: context).area() } == [200, 100])
        // With a minimum share of 0.5, M2 belongs to both trusts: the areas overlap.
        let half = try c.polygons(atLeast: 0.5)
        #expect(try half.map { try Geometry($0.shape, in: context).area() } == [200, 200])
    }

    @Test func populationConversionSplitsAndMergesKeepTheTotal() {
        // N1 unchanged; N2 split into two 2011 areas in different MSOAs; N3 and N4 merged from one 2011 area; N5 unknown.
        let conversion = PopulationConversion(
            source: ["N1": 100, "N2": 60, "N3": 10, "N4": 30, "N5": 7],
            bridge: [("N1", "O1"), ("N2", "O2"), ("N2", "O3"), ("N3", "O4"), ("N4", "O4")],
            nest: ["O1": "MA", "O2": "MA", "O3": "MB", "O4": "MB"])
        #expect(conversion.population == ["MA": 130, "MB": 70])
        #expect(conversion.sharedSources == 1)
        #expect(conversion.unplaced == ["N5"] && conversion.unplacedPopulation == 7)
    }
}
