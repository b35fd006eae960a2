import PlaceAnalysis
import PlaceGeometry
import PlaceIO
import PlaceOutput
import PlaceTestSupport
import Testing

@Suite struct CoterminosityTests {
    /// Systems: WEST (x 0–100) and EAST (x 100–200). Places: INSIDE wholly in WEST; HALF spanning
    /// x 30–130 (70 % in WEST by area) whose only inhabited block lies in EAST; NUDGED in EAST but
    /// drawn 0.2 m over the line (a sliver); FAR in no system.
    func run(weighted: Bool) throws -> Coterminosity {
        let systems = try AnalysisLayer(
            Layers.make([("WEST", Layers.rect(0, 0, 100, 100)), ("EAST", Layers.rect(100, 0, 200, 100))], name: "systems"),
            fields: Layers.fields)
        let places = try AnalysisLayer(
            Layers.make(
                [
                    ("INSIDE", Layers.rect(10, 10, 20, 20)), ("HALF", Layers.rect(30, 50, 130, 60)),
                    ("NUDGED", Layers.rect(99.8, 0, 200, 40)), ("FAR", Layers.rect(900, 900, 910, 910)),
                ], name: "places"), fields: Layers.fields)
        var options = CoterminosityOptions()
        if weighted {
            let blocks = try AnalysisLayer(
                Layers.make(
                    [
                        ("B_INSIDE", Layers.rect(10, 10, 20, 20)), ("B_EMPTY", Layers.rect(30, 50, 100, 60)),
                        ("B_HOMES", Layers.rect(100, 50, 130, 60)),
                        ("B_NUDGED", Layers.rect(99.8, 0, 200, 40)), ("B_FAR", Layers.rect(900, 900, 910, 910)),
                    ], name: "blocks"), fields: Layers.fields)
            let table = CSVTable(
                source: "p.csv", header: ["code", "population"],
                rows: [["B_INSIDE", "50"], ["B_EMPTY", "0"], ["B_HOMES", "300"], ["B_NUDGED", "80"], ["B_FAR", "4"]])
            options.population = try PopulationBlocks(blocks: blocks, table: table)
        }
        return try Coterminosity(places: places, systems: systems, options: options)
    }

    func statuses(_ c: Coterminosity) -> [String: String] {
        Dictionary(uniqueKeysWithValues: c.places.map { (c.placesLayer.codes[$0.place], $0.status.rawValue) })
    }

    @Test func byArea() throws {
        let c = try run(weighted: false)
        #expect(statuses(c) == ["INSIDE": "coterminous", "HALF": "split", "NUDGED": "coterminous", "FAR": "outside"])
        let half = try #require(c.places.first { c.placesLayer.codes[$0.place] == "HALF" })
        #expect(half.mainSystem.map { c.systemsLayer.codes[$0] } == "WEST")
        #expect(abs(half.mainShare - 0.7) < 1e-12)
        #expect(c.sliverCount == 1)
    }

    @Test func byPopulationAHalfWithEveryoneOnOneSideIsNotSplit() throws {
        let c = try run(weighted: true)
        // HALF is 70/30 by area but 0/100 by population: with population, nobody lives in its WEST part.
        #expect(statuses(c) == ["INSIDE": "coterminous", "HALF": "coterminous", "NUDGED": "coterminous", "FAR": "outside"])
        let half = try #require(c.places.first { c.placesLayer.codes[$0.place] == "HALF" })
        #expect(half.mainSystem.map { c.systemsLayer.codes[$0] } == "EAST")
        #expect(half.mainShare == 1)
        #expect(half.pairs.map { $0.population } == [300])
        #expect(half.slivers.map { c.systemsLayer.codes[$0.b] } == ["WEST"])
        #expect(c.sliverCount == 2)
        let east = c.systems[1]
        #expect(east.population == 380)
        #expect(east.populationInWholePlaces == 380)
        #expect(c.overlap.split?.outsideEveryPiece == 4)
    }

    @Test func tablesHaveTheDocumentedColumns() throws {
        let c = try run(weighted: true)
        #expect(
            c.placesTable.header == [
                "place_code", "place_name", "status", "main_system_code", "main_system_name", "main_share", "n_systems", "population",
            ])
        #expect(c.placesTable.rows[0] == ["INSIDE", "name of INSIDE", "coterminous", "WEST", "name of WEST", "1", "1", "50"])
        #expect(
            c.pairsTable.rows.filter { $0[$0.count - 3] == "true" }.map { [$0[0], $0[2]] } == [["HALF", "WEST"], ["NUDGED", "WEST"]])
        #expect(try run(weighted: false).systemsTable.rows[0][9] == "HALF")
    }
}

/// Places drawn with their border 6 m off the blocks' (as generalised council boundaries are): a block
/// of another system counts as a split only when it reaches deeper into the place than the tolerance.
@Suite struct InteriorEvidenceTests {
    /// Systems WEST, MID and EAST follow the blocks exactly: block REAL (x 40–50) is MID's, deep inside
    /// LEFT; BORDER (x 100–110) is EAST's, but 60 % of it lies in LEFT as drawn (border at x = 106).
    func run(
        tolerance: Double?, decidableLimit: Double = InteriorEvidence.defaultDecidableLimit, attributes: CSVTable? = nil
    ) throws -> Coterminosity {
        let places = try AnalysisLayer(
            Layers.make([("LEFT", Layers.rect(0, 0, 106, 100)), ("RIGHT", Layers.rect(106, 0, 200, 100))]), fields: Layers.fields)
        let blocks = try AnalysisLayer(
            Layers.make([
                ("W", Layers.rect(0, 0, 40, 100)), ("REAL", Layers.rect(40, 0, 50, 100)), ("W2", Layers.rect(50, 0, 100, 100)),
                ("BORDER", Layers.rect(100, 0, 110, 100)), ("E", Layers.rect(110, 0, 200, 100)),
            ]), fields: Layers.fields)
        let systems = try AnalysisLayer(
            Layers.make([
                (
                    "WEST",
                    .multiPolygon([
                        [Shapes.rectangle(Layers.x0, Layers.y0, Layers.x0 + 40, Layers.y0 + 100)],
                        [Shapes.rectangle(Layers.x0 + 50, Layers.y0, Layers.x0 + 100, Layers.y0 + 100)],
                    ])
                ),
                ("MID", Layers.rect(40, 0, 50, 100)), ("EAST", Layers.rect(100, 0, 200, 100)),
            ]), fields: Layers.fields)
        let table = CSVTable(
            source: "p.csv", header: ["code", "population"],
            rows: [["W", "400"], ["REAL", "100"], ["W2", "500"], ["BORDER", "60"], ["E", "900"]])
        var options = CoterminosityOptions()
        options.population = try PopulationBlocks(blocks: blocks, table: table)
        if let attributes { try options.population?.attach(attributes) }
        options.tolerance = tolerance
        options.decidableLimit = decidableLimit
        return try Coterminosity(places: places, systems: systems, options: options)
    }

    func codes(_ c: Coterminosity, _ rows: [OverlapRow]) -> [String] { rows.map { c.systemsLayer.codes[$0.b] } }

    @Test func theMisregistrationIsMeasuredFromTheBlocksMinorityPieces() throws {
        let c = try run(tolerance: nil)
        let e = try #require(c.evidence)
        // BORDER's piece in RIGHT (x 106–110) reaches 4 m into it; the systems follow the blocks.
        #expect(abs(e.placesMisregistration - 4) < 1e-9 && e.systemsMisregistration == 0 && e.toleranceMeasured)
        // BORDER reaches 6 m into LEFT: deeper than 4 m, so here it counts.
        #expect(c.places[0].status == .split && codes(c, c.places[0].pairs) == ["WEST", "MID", "EAST"])
    }

    @Test func blocksWithinTheToleranceAreBorderUncertaintyAndStayInTheirPlace() throws {
        let c = try run(tolerance: 10)
        let left = c.places[0]
        #expect(left.status == .split && codes(c, left.pairs) == ["WEST", "MID"] && left.pairs.map { $0.population } == [900, 100])
        #expect(codes(c, left.border) == ["EAST"] && left.border.map { $0.population } == [60])
        // Nothing moves: LEFT keeps BORDER's 60 people, RIGHT has E's.
        #expect(left.population == 1060 && c.places[1].status == .coterminous && c.places[1].population == 900)
        let group = try #require(c.evidence?.group(place: 0, system: 2))
        #expect(group.kind == .border && abs(group.depth - 6) < 1e-9 && group.neighbour == 1)
        let real = try #require(c.evidence?.group(place: 0, system: 1))
        #expect(real.kind == .interior && real.depth >= 40)
        #expect(
            c.borderTable.rows.map { [$0[0], $0[2], $0[4], $0[10]] } == [
                ["LEFT", "EAST", "border", "RIGHT"], ["LEFT", "MID", "interior", ""],
            ])
    }

    @Test func aToleranceBeyondTheDecidableLimitMakesPlacesUndecidable() throws {
        let c = try run(tolerance: 100, decidableLimit: 20)
        #expect(c.places[0].status == .undecidable && codes(c, c.places[0].undecidable) == ["MID", "EAST"])
        #expect(c.evidence?.undecidable == true && c.warnings.contains { $0.hasPrefix("the layers disagree by up to 100 m") })
        #expect(try run(tolerance: 100).places[0].status == .coterminous)
    }
}

/// The analysis of the bundled England data agrees with what the ONS lookups imply.
@Suite struct EnglandCoterminosityTests {
    /// The main job itself (EnglandJob, as `placemap england` runs it): districts and upper-tier councils.
    static let england: (lad: Coterminosity, utla: Coterminosity)? = try? {
        let job = try EnglandJob(folder: Paths.geodata(""))
        return (job.comparisons[0].result, job.comparisons[1].result)
    }()

    /// Places whose LSOAs the ONS lookups put in more than one ICB.
    func expectedSplits(placeOfLSOA: [String: String]) throws -> Set<String> {
        let icbLookup = try CSVReader.read(path: Paths.geodata("lookup_lsoa21_sicbl24_icb24.csv"))
        let lsoa = try icbLookup.column("lsoa21_code")
        let icb = try icbLookup.column("icb24_code")
        var systems: [String: Set<String>] = [:]
        for row in icbLookup.rows { systems[placeOfLSOA[row[lsoa]]!, default: []].insert(row[icb]) }
        return Set(systems.filter { $0.value.count > 1 }.keys)
    }

    func ladOfLSOA() throws -> [String: String] {
        let t = try CSVReader.read(path: Paths.geodata("lookup_lsoa21_lad24.csv"))
        let lsoa = try t.column("lsoa21_code")
        let lad = try t.column("ltla24_code")
        return Dictionary(uniqueKeysWithValues: t.rows.map { ($0[lsoa], $0[lad]) })
    }

    func splits(_ c: Coterminosity) -> Set<String> {
        Set(c.places.filter { $0.status == .split }.map { c.placesLayer.codes[$0.place] })
    }

    @Test func splitDistrictsAreThoseTheLookupsImply() throws {
        let england = try #require(Self.england)
        let expected = try expectedSplits(placeOfLSOA: ladOfLSOA())
        #expect(splits(england.lad) == expected)
        #expect(expected.contains("E06000065"))  // North Yorkshire: Craven sits in West Yorkshire ICB
        #expect(england.lad.count(.outside) == 0)
    }

    @Test func splitUpperTierCouncilsAreThoseTheLookupsImply() throws {
        let england = try #require(Self.england)
        let t = try CSVReader.read(path: Paths.geodata("lookup_lad23_utla23.csv"))
        let lad = try t.column("ltla23_code")
        let utla = try t.column("utla23_code")
        let utlaOfLAD = Dictionary(uniqueKeysWithValues: t.rows.map { ($0[lad], $0[utla]) })
        let expected = try expectedSplits(placeOfLSOA: ladOfLSOA().mapValues { utlaOfLAD[$0]! })
        #expect(splits(england.utla) == expected)
        #expect(expected.contains("E10000030"))  // Surrey: Frimley takes Surrey Heath and Farnham
    }

    @Test func icbPopulationsAddUpToEngland() throws {
        let england = try #require(Self.england)
        let total = england.lad.systems.reduce(0) { $0 + ($1.population ?? 0) }
        #expect(total == 56_489_608)
        #expect(england.lad.places.reduce(0) { $0 + ($1.population ?? 0) } == 56_489_608)
    }
}
