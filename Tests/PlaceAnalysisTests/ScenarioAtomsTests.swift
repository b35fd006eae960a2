import PlaceAnalysis
import PlaceGeometry
import PlaceIO
import PlaceTestSupport
import Testing

/// Scenario atoms of hand-made 1 km squares (EPSG:27700) whose atoms, neighbours and people are known
/// exactly. The cells, (column, row) from (400000, 300000):
///
///     row 1:  B6                  B5
///     row 0:  B1   B2   B4   B3
///
/// B1, B2, B3 and B5 are district P1 (county U1) in system S1; B4 is P1 (U1) in S2; B6 is P2 (U2) in S1.
/// So P1 × S1 is three atoms: B1 + B2 (sharing an edge), B3 (an exclave, cut off by B4) and B5, which
/// meets B3 only at a corner (rook adjacency: no link).
@Suite struct ScenarioAtomsTests {
    static let cells: [(code: String, column: Double, row: Double, place: String, upper: String, system: String)] = [
        ("B1", 0, 0, "P1", "U1", "S1"), ("B2", 1, 0, "P1", "U1", "S1"), ("B3", 3, 0, "P1", "U1", "S1"),
        ("B4", 2, 0, "P1", "U1", "S2"), ("B5", 4, 1, "P1", "U1", "S1"), ("B6", 0, 1, "P2", "U2", "S1"),
    ]

    static func population() throws -> PopulationBlocks {
        let layer = try ContiguityTests.layer(cells.map { ($0.code, ContiguityTests.cell($0.column, $0.row), nil) })
        // People 10, 20, …, 60; aged 65 and over 1, 2, …, 6.
        let people = "code,population\n" + cells.enumerated().map { "\($1.code),\(($0 + 1) * 10)" }.joined(separator: "\n")
        let older = "code,population_aged_65_and_over\n" + cells.enumerated().map { "\($1.code),\($0 + 1)" }.joined(separator: "\n")
        var population = try PopulationBlocks(
            blocks: layer, table: CSVReader.parse(Array(people.utf8), source: "people.csv"), codeColumn: "code",
            valueColumn: "population")
        try population.attach(CSVReader.parse(Array(older.utf8), source: "ages.csv"), kind: .counts, codeColumn: "code")
        return population
    }

    /// A grouping of the blocks (in layer order) by `area`, nil where `area` gives nil.
    static func grouping(_ field: String, _ area: (Int) -> String?) -> Grouping {
        Grouping(
            source: field + ".csv", field: field, groups: cells.indices.map { k in area(k).map { (code: $0, name: "Area " + $0) } })
    }

    static func atoms(system: @escaping (Int) -> String? = { cells[$0].system }) throws -> ScenarioAtoms {
        let population = try population()
        return try ScenarioAtoms(
            places: grouping("lad", { cells[$0].place }), uppers: grouping("utla", { cells[$0].upper }), systems: grouping("icb", system),
            population: population, graph: try ContiguityGraph(population.blocks), geographies: ("LAD", "UTLA", "ICB"))
    }

    @Test func blocksOfTheSameThreeAreasSplitIntoTheirConnectedPieces() throws {
        let a = try Self.atoms()
        let codes = a.atoms.map { $0.blocks.map { Self.cells[$0].code } }
        // Ordered by (place, system, first block code): P1 × S1 three times, P1 × S2, P2 × S1.
        #expect(codes == [["B1", "B2"], ["B3"], ["B5"], ["B4"], ["B6"]])
        #expect(a.places.map(\.code) == ["P1", "P2"] && a.uppers.map(\.code) == ["U1", "U2"] && a.systems.map(\.code) == ["S1", "S2"])
        #expect(a.atoms.map(\.place) == [0, 0, 0, 0, 1])
        #expect(a.atoms.map(\.upper) == [0, 0, 0, 0, 1])
        #expect(a.atoms.map(\.system) == [0, 0, 0, 1, 0])
        #expect(a.atoms.map(\.population) == [30, 30, 50, 40, 60])
        #expect(a.atoms.map(\.population65Plus) == [3, 3, 5, 4, 6])
        #expect(a.atoms.map(\.area) == [2_000_000, 1_000_000, 1_000_000, 1_000_000, 1_000_000])
        #expect(a.atomOfBlock == [0, 0, 1, 3, 2, 4])
        #expect(a.systemPopulations == [170, 40])
    }

    /// Neighbours share an edge: B2–B4, B4–B3 and B1–B6. B3 and B5 meet at a corner only, and so do
    /// B2 and B6: no link, so the exclave B3 joins the rest of S1 only through S2's B4.
    @Test func neighboursShareAnEdgeNotACorner() throws {
        let a = try Self.atoms()
        #expect(a.neighbours == [[3, 4], [3], [], [0, 1], [0]])
        let graph = try ContiguityGraph(try Self.population().blocks)
        #expect(graph.count(.queen) == 2)  // B3–B5 and B2–B6: present in the graph, not in the atoms
        #expect(a.provenance.contains { $0.hasPrefix("adjacency: rook") })
        #expect(a.provenance.contains("5 atoms: blocks with the same LAD, UTLA and ICB, split into their connected pieces"))
    }

    /// Every block of S1 in one system: its pieces under rook adjacency are the atoms' pieces.
    @Test func groupPiecesFollowTheRule() throws {
        let population = try Self.population()
        let graph = try ContiguityGraph(population.blocks)
        let systems = Self.grouping("icb") { Self.cells[$0].system }
        let rook = graph.groups(systems, rookOnly: true)
        let queen = graph.groups(systems)
        // S1 = B1 B2 B3 B5 B6: rook pieces {B1 B2 B6}, {B3}, {B5}; queen joins B3 and B5 at their corner.
        #expect(rook.map(\.pieces.count) == [3, 1])
        #expect(queen.map(\.pieces.count) == [2, 1])
        #expect(rook[0].pieces.map { $0.map { population.blocks.codes[$0] } } == [["B1", "B2", "B6"], ["B3"], ["B5"]])
    }

    @Test func aBlockInNoSystemIsBadDataNamingIt() throws {
        do {
            _ = try Self.atoms(system: { $0 == 4 ? nil : Self.cells[$0].system })
            Issue.record("a block without a system was accepted")
        } catch let error as PlacemapError {
            #expect(error.kind == .badData)
            #expect(error.featureCode == "B5")
            #expect(error.message.contains("block B5") && error.message.contains("has no icb"), "\(error.message)")
        }
    }
}
