import PlaceAnalysis
import PlaceIO
import PlaceOutput
import PlaceTestSupport
import Testing

/// Block attributes of each kind on hand-made blocks where every answer is known.
///
/// Blocks B1, B2, B3 (10 × 10 m each, side by side) with 100, 200 and 300 people; place P1 holds B1
/// and 40 % of B2, P2 the rest; one system S holds everything.
@Suite struct AttributeTests {
    let blocks: AnalysisLayer
    let places: AnalysisLayer
    let systems: AnalysisLayer
    let population: PopulationBlocks

    init() throws {
        blocks = try AnalysisLayer(
            Layers.make(
                [("B1", Layers.rect(0, 0, 10, 10)), ("B2", Layers.rect(10, 0, 20, 10)), ("B3", Layers.rect(20, 0, 30, 10))], name: "blocks"),
            fields: Layers.fields)
        places = try AnalysisLayer(
            Layers.make([("P1", Layers.rect(0, 0, 14, 10)), ("P2", Layers.rect(14, 0, 30, 10))], name: "places"), fields: Layers.fields)
        systems = try AnalysisLayer(Layers.make([("S", Layers.rect(0, 0, 30, 10))], name: "systems"), fields: Layers.fields)
        population = try PopulationBlocks(
            blocks: blocks,
            table: CSVTable(source: "pop.csv", header: ["code", "population"], rows: [["B1", "100"], ["B2", "200"], ["B3", "300"]]))
    }

    func split(_ method: PopulationMethod, table: CSVTable) throws -> PopulationSplit {
        var p = population
        try p.attach(table)
        return try PopulationWeighting.split(p, a: places, b: systems, method: method)
    }

    func values(_ s: PopulationSplit, place: Int) -> [String: Double] {
        let a = s.attributes!
        let finished = a.attributes.finish(a.a(place))
        return Dictionary(uniqueKeysWithValues: zip(a.attributes.columnNames, finished).compactMap { n, v in v.map { (n, $0) } })
    }

    /// Wide form: two counts and a class (a name column, ignored).
    static let mixed = CSVTable(
        source: "attrs.csv", header: ["code", "name", "population_young", "population_old", "ruc"],
        rows: [["B1", "x", "40", "60", "Urban"], ["B2", "y", "50", "150", "Rural"], ["B3", "z", "100", "200", "Rural"]])
    /// A score with one block missing its value.
    static let scores = CSVTable(source: "scores.csv", header: ["code", "score"], rows: [["B1", "10"], ["B2", "20"], ["B3", ""]])

    @Test func kindsAreInferredAndNamed() throws {
        var p = population
        try p.attach(Self.mixed)
        let a = try #require(p.attributes)
        #expect(a.columnNames == ["population_young", "population_old", "share_rural", "share_urban"])
        #expect(a.variables.map(\.kind) == [.counts, .counts, .classes])
        #expect(a.variables[0].kindSource.hasPrefix("inferred"))
        #expect(a.layout == "wide")
    }

    @Test func areaWeightingSharesEveryKindByTheSameWeights() throws {
        let s = try split(.area, table: Self.mixed)
        let p1 = values(s, place: 0)
        let p2 = values(s, place: 1)
        #expect(abs(s.byA[0] - 180) < 1e-9 && abs(s.byA[1] - 420) < 1e-9)
        #expect(abs(p1["population_young"]! - 60) < 1e-9 && abs(p1["population_old"]! - 120) < 1e-9)
        #expect(abs(p2["population_young"]! - 130) < 1e-9 && abs(p2["population_old"]! - 290) < 1e-9)
        #expect(abs(p1["share_rural"]! - 80.0 / 180) < 1e-12 && abs(p1["share_urban"]! - 100.0 / 180) < 1e-12)
        #expect(abs(p2["share_rural"]! - 1) < 1e-12 && p2["share_urban"]! == 0)
        // Counts reconcile: every block's people are in some piece.
        let a = try #require(s.attributes)
        #expect(a.attributes.counts(a.total) == [190, 410])
        #expect(a.attributes.counts(a.outsideEveryPiece).allSatisfy { abs($0) < 1e-9 })
    }

    @Test func wholeBlockMethodsMoveAttributesWithTheirBlock() throws {
        let s = try split(.largestShare, table: Self.mixed)
        let p1 = values(s, place: 0)
        let p2 = values(s, place: 1)
        #expect(p1["population_young"] == 40 && p1["population_old"] == 60 && p1["share_urban"] == 1)
        #expect(p2["population_young"] == 150 && p2["population_old"] == 350 && p2["share_rural"] == 1)
        let a = try #require(s.attributes)
        #expect(a.attributes.counts(a.pair(Pair(1, 0))) == [150, 350])
    }

    @Test func ratesArePopulationWeightedMeansWithoutTheBlocksThatHaveNoValue() throws {
        var p = population
        try p.attach(Self.scores, kind: .rates)
        let a = try #require(p.attributes)
        #expect(a.columnNames == ["score_population_weighted_mean"])
        #expect(a.warnings.count == 1 && a.warnings[0].contains("scores.csv:4") && a.warnings[0].contains("score"))
        let s = try PopulationWeighting.split(p, a: places, b: systems, method: .area)
        #expect(abs(values(s, place: 0)["score_population_weighted_mean"]! - (100 * 10 + 80 * 20) / 180.0) < 1e-9)
        #expect(abs(values(s, place: 1)["score_population_weighted_mean"]! - 20) < 1e-9)
        let whole = s.attributes!.attributes.finish(s.attributes!.b(0))
        #expect(abs(whole[0]! - (100 * 10 + 200 * 20) / 300.0) < 1e-9)
    }

    @Test func longFormCountsAreInferredAndNamedByBand() throws {
        let table = CSVTable(
            source: "long.csv", header: ["code", "age_group", "usual_residents"],
            rows: [
                ["B1", "Aged 64 years and under", "40"], ["B1", "Aged 65 years and over", "60"], ["B2", "Aged 64 years and under", "50"],
                ["B2", "Aged 65 years and over", "150"], ["B3", "Aged 64 years and under", "100"], ["B3", "Aged 65 years and over", "200"],
            ])
        var p = population
        try p.attach(table)
        let a = try #require(p.attributes)
        #expect(a.layout == "long")
        #expect(a.columnNames == ["population_aged_64_and_under", "population_aged_65_and_over"])
        #expect(a.variables[0].kind == .counts && a.variables[0].kindSource.contains("long-form"))
        let s = try PopulationWeighting.split(p, a: places, b: systems, method: .largestShare)
        #expect(values(s, place: 1)["population_aged_65_and_over"] == 350)
    }

    @Test func coterminosityCountsTheWholePlacesOfEachSystem() throws {
        var p = population
        try p.attach(Self.mixed)
        var o = CoterminosityOptions()
        o.population = p
        let c = try Coterminosity(places: places, systems: systems, options: o)
        let whole = try #require(c.systems[0].attributesInWholePlaces)
        #expect(c.systems[0].wholePlaces.count == 2)
        #expect(c.overlap.split!.attributes!.attributes.counts(whole) == [190, 410])
        let table = c.systemsTable
        #expect(table.header.contains("population_old_share_in_whole_places"))
        #expect(table.rows[0][table.header.firstIndex(of: "population_old_in_whole_places")!] == "410")
    }

    // MARK: Bad input: file, line and column, never a silent zero

    func attachError(_ table: CSVTable, kind: AttributeKind? = nil, population: PopulationBlocks? = nil) -> PlacemapError? {
        var p = population ?? self.population
        do {
            try p.attach(table, kind: kind)
            return nil
        } catch { return error }
    }

    @Test func aBandMissingForABlockIsAnError() throws {
        let table = CSVTable(
            source: "long.csv", header: ["code", "band", "value"],
            rows: [["B1", "young", "1"], ["B1", "old", "2"], ["B2", "young", "3"], ["B3", "young", "4"], ["B3", "old", "5"]])
        let e = try #require(attachError(table))
        #expect(e.exitCode == 65 && e.line == 4 && e.field == "band" && e.featureCode == "B2" && e.message.contains("old"))
    }

    @Test func negativeOrNonNumericCountsAreErrors() throws {
        var rows = Self.mixed.rows
        rows.set("-5", row: 1, column: 3)
        let negative = try #require(attachError(CSVTable(source: "a.csv", header: Self.mixed.header, rows: rows)))
        #expect(negative.exitCode == 65 && negative.line == 3 && negative.field == "population_old")
        var many = (0..<20).map { ["X\($0)", "\($0)"] }
        many.append(["B1", "12x"])
        let text = try #require(attachError(CSVTable(source: "b.csv", header: ["code", "population"], rows: many)))
        #expect(text.exitCode == 65 && text.line == 22 && text.field == "population" && text.message.contains("12x"))
        let empty = try #require(attachError(CSVTable(source: "c.csv", header: ["code", "n"], rows: [["B1", ""]]), kind: .counts))
        #expect(empty.exitCode == 65 && empty.line == 2 && empty.message.contains("not 0"))
    }

    @Test func aClassColumnWithThousandsOfValuesIsAnError() throws {
        let rows = (0..<2000).map { ["X\($0)", "label \($0)"] } + [["B1", "a"]]
        let error = attachError(CSVTable(source: "d.csv", header: ["code", "free_text"], rows: rows))
        let e = try #require(error)
        #expect(e.exitCode == 65 && e.field == "free_text" && e.message.contains("2001 distinct"))
    }

    @Test func ratesAndClassesNeedPopulation() throws {
        do {
            _ = try BlockAttributes(table: Self.scores, blockCodes: ["B1", "B2", "B3"], population: nil, kind: .rates)
            Issue.record("no error")
        } catch {
            #expect(error.exitCode == 65 && error.field == "score" && error.file == "scores.csv")
        }
    }

    @Test func aNumericColumnOfUnknownKindMustBeDeclared() throws {
        let e = try #require(attachError(Self.scores))
        #expect(e.exitCode == 64 && e.field == "score" && e.hint?.contains("--attributes-kind") == true)
    }
}
