import PlaceAnalysis
import PlaceIO
import PlaceTestSupport
import Testing

/// Scenarios on the bundled England data (LSOA 2021, census 2021, LAD24, UTLA23, ICB24), each figure
/// checked against a truth worked out here from the ONS lookup CSVs and the census alone: the rows are
/// applied to plain dictionaries (block → district, district → county, block → ICB), not through the
/// library's footprints.
@Suite(.serialized) struct ScenarioEnglandTests {
    struct England {
        var population: PopulationBlocks
        var places: Footprint
        var upper: Footprint
        var systems: Footprint
        var graph: ContiguityGraph
    }

    static let england: Result<England, PlacemapError> = Result { () throws(PlacemapError) in
        let layer = try GeoJSONReader.read(path: Paths.geodata("lsoa21_england.geojson"))
        let blocks = try AnalysisLayer(layer, fields: LayerFields.detect(in: layer))
        var population = try PopulationBlocks(blocks: blocks, table: CSVReader.read(path: Paths.geodata("census21_population_lsoa21.csv")))
        try population.attach(CSVReader.read(path: Paths.geodata("census21_age_lsoa21.csv")), kind: .counts)
        let places = try Footprint(
            lookup: CSVReader.read(path: Paths.geodata("lookup_lsoa21_lad24.csv")), blocks: blocks, codeColumn: "ltla24_code")
        let upper = try Footprint(
            grouping: places, lookup: CSVReader.read(path: Paths.geodata("lookup_lad23_utla23.csv")), placeColumn: "ltla23_code",
            codeColumn: "utla23_code", nameColumn: "utla23_name")
        let systems = try Footprint(
            lookup: CSVReader.read(path: Paths.geodata("lookup_lsoa21_sicbl24_icb24.csv")), blocks: blocks, codeColumn: "icb24_code")
        return England(population: population, places: places, upper: upper, systems: systems, graph: try ContiguityGraph(blocks))
    }

    /// The truth: block → district, county, ICB from the CSVs, and the rows applied to them.
    struct Truth {
        var lower: [String: String] = [:]
        var upper: [String: String] = [:]
        var system: [String: String] = [:]
        var people: [String: Double] = [:]
        var older: [String: Double] = [:]
        let lowerToday: [String: String]
        let upperToday: [String: String]

        init() throws {
            func map(_ file: String, _ key: String, _ value: String) throws -> [String: String] {
                let t = try CSVReader.read(path: Paths.geodata(file))
                let (k, v) = (try t.column(key), try t.column(value))
                return Dictionary(uniqueKeysWithValues: t.rows.map { ($0[k], $0[v]) })
            }
            let lad = try map("lookup_lsoa21_lad24.csv", "lsoa21_code", "ltla24_code")
            let county = try map("lookup_lad23_utla23.csv", "ltla23_code", "utla23_code")
            lower = lad
            upper = lad.mapValues { county[$0] ?? "?" }
            system = try map("lookup_lsoa21_sicbl24_icb24.csv", "lsoa21_code", "icb24_code")
            people = try map("census21_population_lsoa21.csv", "lsoa21_code", "usual_residents").mapValues { Double($0) ?? -1 }
            older = try map("census21_age_lsoa21.csv", "lsoa21_code", "population_aged_65_and_over").mapValues { Double($0) ?? -1 }
            lowerToday = lower
            upperToday = upper
        }

        mutating func apply(_ rows: [[String]]) {
            for r in rows {
                let (change, code, to) = (r[0], r[1], r[2])
                func inPlace(_ b: String) -> Bool {
                    lower[b] == code || upper[b] == code || lowerToday[b] == code || upperToday[b] == code
                }
                switch change {
                case "merge-system": for (b, s) in system where s == code { system[b] = to }
                case "move-place": for b in system.keys where inPlace(b) { system[b] = to }
                case "move-block": system[code] = to
                default:
                    for b in lower.keys where inPlace(b) { lower[b] = to }
                    for (b, p) in lower where p == to { upper[b] = to }
                }
            }
        }

        /// (place, system) → people, over blocks with people.
        func pairs(_ place: [String: String]) -> [String: [String: Double]] {
            var out: [String: [String: Double]] = [:]
            for (b, n) in people where n > 0 { out[place[b] ?? "?", default: [:]][system[b] ?? "?", default: 0] += n }
            return out
        }

        func split(_ place: [String: String]) -> (count: Int, people: Double) {
            let p = pairs(place).values.filter { $0.count > 1 }
            return (p.count, p.reduce(0) { $0 + $1.values.reduce(0, +) })
        }

        func sums(_ values: [String: Double]) -> [String: Double] {
            var out: [String: Double] = [:]
            for (b, s) in system { out[s, default: 0] += values[b] ?? 0 }
            return out
        }

        /// Systems every place of which (with people there) has all its people in it.
        func wholeSystems() -> Set<String> {
            let pairs = pairs(lower)
            var out = Set(system.values)
            for (_, sides) in pairs where sides.count > 1 { for s in sides.keys { out.remove(s) } }
            return out
        }
    }

    /// Runs `csv` through the library and checks it against the truth.
    func check(_ csv: String, expectOverrides: [(Int, Int, Int)] = []) throws {
        let e = try Self.england.get()
        let scenario = try Scenario(table: CSVReader.parse(Array(csv.utf8), source: "scenario.csv"))
        let application = try ScenarioApplication(
            scenario, places: e.places, upperTier: e.upper, systems: e.systems, blockCodes: e.population.blocks.codes)
        let a = try ScenarioAnalysis(application, population: e.population)
        var truth = try Truth()
        let before = (lower: truth.split(truth.lower), upper: truth.split(truth.upper), whole: truth.wholeSystems().count)
        truth.apply(
            csv.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) })
        // Split councils and their people, both tiers, before and after.
        #expect(a.lower.splitBefore == before.lower.count)
        #expect(a.lower.peopleInSplitBefore == before.lower.people)
        #expect(a.upper?.splitBefore == before.upper.count)
        #expect(a.lower.splitAfter == truth.split(truth.lower).count)
        #expect(a.lower.peopleInSplitAfter == truth.split(truth.lower).people)
        #expect(a.upper?.splitAfter == truth.split(truth.upper).count)
        #expect(a.upper?.peopleInSplitAfter == truth.split(truth.upper).people)
        // Every place × system pair's people, lower and upper tier.
        for (tier, place) in [(a.lower, truth.lower), (a.upper, truth.upper)] {
            guard let tier else { continue }
            let expected = truth.pairs(place)
            var found: [String: [String: Double]] = [:]
            for r in tier.after.rows {
                for s in r.after.systems {
                    found[tier.after.places.codes[r.place], default: [:]][a.diff.new.codes[s.system]] = s.population
                }
            }
            #expect(found == expected)
        }
        // Each system's people and 65+, whole places, the count under a million.
        let people = truth.sums(truth.people)
        let older = truth.sums(truth.older)
        #expect(Dictionary(uniqueKeysWithValues: a.systemsAfter.map { ($0.code, $0.population) }) == people)
        #expect(Dictionary(uniqueKeysWithValues: a.systemsAfter.map { ($0.code, $0.older ?? -1) }) == older)
        #expect(Set(a.systemsAfter.filter(\.wholePlaces).map(\.code)) == truth.wholeSystems())
        #expect(a.lower.wholeSystemsBefore == before.whole)
        #expect(a.lower.wholeSystemsAfter == truth.wholeSystems().count)
        #expect(a.under1m(a.systemsAfter) == people.values.filter { $0 < 1_000_000 }.count)
        #expect(a.systemsAfter.map(\.blocks).reduce(0, +) == truth.system.count)
        let overrides = application.overrides.map { ($0.line, $0.byLine, $0.blocks.count) }
        #expect(overrides.map { "\($0)" } == expectOverrides.map { "\($0)" })
    }

    @Test func twoSystemsMerged() throws {
        try check(
            "change,code,to_code,to_name\nmerge-system,E54000034,SURREY_FRIMLEY,NHS Surrey and Frimley ICB\nmerge-system,E54000063,SURREY_FRIMLEY,\n"
        )
        let e = try Self.england.get()
        let a = try ScenarioAnalysis(
            ScenarioApplication(
                Scenario(
                    table: CSVReader.parse(
                        Array("change,code,to_code,to_name\nmerge-system,E54000034,X,Merged\nmerge-system,E54000063,X,\n".utf8),
                        source: "s.csv")),
                places: e.places, upperTier: e.upper, systems: e.systems, blockCodes: e.population.blocks.codes),
            population: e.population)
        #expect(a.systemsAfter.count == 41)
        #expect(a.systemsBefore.count == 42)
        // Today 40 of 42 ICBs are one piece (Cornwall and the Isles of Scilly, Hampshire and Isle of Wight are not).
        #expect(a.notOnePiece(a.systemsBefore) == 2)
        #expect(a.notOnePiece(a.systemsAfter) == 2)
        #expect(a.systemsAfter.first { $0.code == "X" }?.onePiece == true)
        // Surrey Heath, Waverley, Guildford and Runnymede were split between Frimley and Surrey Heartlands.
        for code in ["E07000214", "E07000216", "E07000209", "E07000212"] {
            let row = a.lower.after.rows.first { a.lower.after.places.codes[$0.place] == code }
            #expect(row?.before.status == .split, "\(code)")
            #expect(row?.after.status == .coterminous, "\(code)")
        }
    }

    @Test func councilMovedWhole() throws {
        try check("change,code,to_code,to_name\nmove-place,E07000171,E54000061,\n")
    }

    @Test func blockMoved() throws {
        try check("change,code,to_code,to_name\nmove-block,E01011949,E54000051,\n")
    }

    @Test func districtsMergedIntoUnitaries() throws {
        let east = ["E07000207", "E07000208", "E07000210", "E07000211", "E07000215"]
        let west = ["E07000209", "E07000212", "E07000213", "E07000214", "E07000216", "E07000217"]
        let rows =
            east.enumerated().map { "merge-place,\($1),EAST_SURREY,\($0 == 0 ? "East Surrey" : "")" }
            + west.enumerated().map { "merge-place,\($1),WEST_SURREY,\($0 == 0 ? "West Surrey" : "")" }
        try check("change,code,to_code,to_name\n" + rows.joined(separator: "\n") + "\n")
    }

    @Test func mixedScenarioWithOverrides() throws {
        // Frimley into Sussex, Bracknell Forest to BOB (overriding the merge for its 82 blocks), one
        // Bracknell block to Hampshire (overriding the move), East Surrey made and given to Sussex.
        let lad = try CSVReader.read(path: Paths.geodata("lookup_lsoa21_lad24.csv"))
        let code = try #require(lad.rows.first { $0[1] == "E06000036" }?[0])
        try check(
            """
            change,code,to_code,to_name
            merge-system,E54000034,E54000064,
            move-place,E06000036,E54000044,
            move-block,\(code),E54000042,
            merge-place,E07000207,EAST_SURREY,East Surrey
            merge-place,E07000208,EAST_SURREY,
            move-place,EAST_SURREY,E54000064,

            """, expectOverrides: [(2, 3, 82), (3, 4, 1)])
    }

    /// The pieces found from shared segments (`RookPieces`, what `placemap scenario` uses) are those of the
    /// whole contiguity graph's rook edges, for the ICBs, the districts and the upper-tier councils.
    @Test func piecesFromSharedSegmentsAreThoseOfTheWholeGraph() throws {
        let e = try Self.england.get()
        let groupings = [e.systems.grouping(), e.places.grouping(), e.upper.grouping()]
        let fast = try RookPieces.of(e.population.blocks, groupings: groupings)
        for (grouping, pieces) in zip(groupings, fast) {
            let full = e.graph.groups(grouping, rookOnly: true)
            #expect(pieces.groups.map(\.group) == full.map(\.group), "\(grouping.field)")
            #expect(pieces.groups.map(\.pieces) == full.map(\.pieces), "\(grouping.field)")
            #expect(pieces.groups.map(\.exclaves) == full.map(\.exclaves), "\(grouping.field)")
        }
        #expect(fast[0].groups.count { !$0.connected } == 2)
    }
}
