import PlaceGeometry
import PlaceIO

/// The smallest pieces a scenario built from whole systems and whole places can move: the blocks
/// with the same place, upper-tier place and system, split into the pieces that are connected
/// among themselves (rook adjacency of the blocks).
///
/// `merge-system`, `move-place` and `merge-place` only ever move whole atoms, so a scenario's
/// populations are sums over atoms, and a system is one piece of blocks exactly when its atoms are
/// one piece of the atom graph (two atoms are neighbours when a block of one shares an edge of
/// positive length with a block of the other): each atom is connected in itself, so any path
/// between blocks maps onto a path between their atoms and back. This is what lets the explorer page
/// recompute every figure of `placemap scenario` in the browser from a few hundred atoms instead of
/// 35,000 blocks.
public struct ScenarioAtoms: Sendable {
    /// An area of one tier: its code and name.
    public struct Area: Sendable, Equatable {
        public var code: String
        public var name: String
        public init(code: String, name: String) {
            self.code = code
            self.name = name
        }
    }

    /// One atom: indices into `places`, `uppers` and `systems`, its blocks (ascending by code) and
    /// its people.
    public struct Atom: Sendable {
        public var place: Int
        public var upper: Int
        public var system: Int
        public var blocks: [Int]
        public var population: Double
        public var population65Plus: Double
        /// The sum of its blocks' areas, square metres (EPSG:27700).
        public var area: Double
        /// Its blocks dissolved (GEOS coverage union), metres in EPSG:27700.
        public var shape: Shape
    }

    /// Lower-tier places (LAD), upper-tier places (UTLA) and systems (ICB), sorted by code.
    public let places: [Area]
    public let uppers: [Area]
    public let systems: [Area]
    /// Atoms ordered by (place, system, first block code).
    public let atoms: [Atom]
    /// Neighbouring atoms of each atom, ascending.
    public let neighbours: [[Int]]
    /// The atom of each block.
    public let atomOfBlock: [Int]
    /// The column prefixes of the three tiers (e.g. LAD24, UTLA23, ICB24) and the blocks' source.
    public let placesGeography: String
    public let uppersGeography: String
    public let systemsGeography: String
    public let blocksSource: String
    /// Where the figures came from, in words (sources, vintages, adjacency).
    public let provenance: [String]

    /// Atoms of `blocks` from each block's place, upper-tier place and system (block groupings, e.g.
    /// from ONS lookups), people from `population` (and the count column `olderColumn` of its
    /// attributes for the 65+ figures), adjacency from `graph` (rook edges only). A block without a
    /// place, upper-tier place or system is bad data naming it.
    public init(
        places: Grouping, uppers: Grouping, systems: Grouping, population: PopulationBlocks, graph: ContiguityGraph,
        olderColumn: String = "population_aged_65_and_over", geographies: (String, String, String),
        progress: ProgressHandler? = nil
    ) throws(PlacemapError) {
        let blocks = population.blocks
        let older = try Self.counts(population, column: olderColumn)
        let (placeAreas, placeOf) = try Self.areas(places, blocks: blocks)
        let (upperAreas, upperOf) = try Self.areas(uppers, blocks: blocks)
        let (systemAreas, systemOf) = try Self.areas(systems, blocks: blocks)
        // Blocks with the same three areas, joined where they share an edge.
        var sets = DisjointSets(blocks.count)
        for e in graph.edges where e.kind == .rook {
            if placeOf[e.a] == placeOf[e.b], upperOf[e.a] == upperOf[e.b], systemOf[e.a] == systemOf[e.b] { sets.join(e.a, e.b) }
        }
        let codes = blocks.codes
        let groups = sets.groups(Array(0..<blocks.count)).map { $0.sorted { codes[$0] < codes[$1] } }
        let ordered = groups.sorted { a, b in
            let (x, y) = (a[0], b[0])
            if placeOf[x] != placeOf[y] { return placeOf[x] < placeOf[y] }
            if systemOf[x] != systemOf[y] { return systemOf[x] < systemOf[y] }
            return codes[x] < codes[y]
        }
        var atomOf = [Int](repeating: 0, count: blocks.count)
        for (k, g) in ordered.enumerated() { for b in g { atomOf[b] = k } }
        var links = [Set<Int>](repeating: [], count: ordered.count)
        for e in graph.edges where e.kind == .rook && atomOf[e.a] != atomOf[e.b] {
            links[atomOf[e.a]].insert(atomOf[e.b])
            links[atomOf[e.b]].insert(atomOf[e.a])
        }
        let grouping = Grouping(
            source: "scenario atoms", field: "atom", groups: atomOf.map { (code: String($0), name: "") })
        let dissolved = try Dissolve.run(blocks, grouping: grouping, progress: progress)
        var shapes = [Shape](repeating: Shape(kind: .multiPolygon, coordinates: []), count: ordered.count)
        for d in dissolved { if let k = Int(d.code) { shapes[k] = d.shape } }
        self.atoms = ordered.enumerated().map { k, g in
            Atom(
                place: placeOf[g[0]], upper: upperOf[g[0]], system: systemOf[g[0]], blocks: g,
                population: g.reduce(0) { $0 + population.population[$1] }, population65Plus: g.reduce(0) { $0 + older[$1] },
                area: g.reduce(0) { $0 + blocks.areas[$1] }, shape: shapes[k])
        }
        self.places = placeAreas
        self.uppers = upperAreas
        self.systems = systemAreas
        self.neighbours = links.map { $0.sorted() }
        self.atomOfBlock = atomOf
        (self.placesGeography, self.uppersGeography, self.systemsGeography) = geographies
        self.blocksSource = blocks.source
        self.provenance = [
            "blocks: \(blocks.source) (\(blocks.count) blocks)",
            "people: \(population.source), column \(population.field); aged 65 and over: \(population.attributes?.source ?? "") column \(olderColumn)",
            "\(geographies.0): \(places.source) (\(places.field)); \(geographies.1): \(uppers.source) (\(uppers.field)); "
                + "\(geographies.2): \(systems.source) (\(systems.field))",
            "adjacency: rook (a shared boundary of positive length) between blocks, tolerance \(graph.tolerance) m",
            "\(ordered.count) atoms: blocks with the same \(geographies.0), \(geographies.1) and \(geographies.2), split into their connected pieces",
        ]
    }

    /// The areas of a block grouping, sorted by code, and each block's index into them.
    private static func areas(_ grouping: Grouping, blocks: AnalysisLayer) throws(PlacemapError) -> ([Area], [Int]) {
        var names: [String: String] = [:]
        for (i, g) in grouping.groups.enumerated() {
            guard let g else {
                throw PlacemapError(
                    .badData, file: grouping.source, featureCode: blocks.codes[i], field: grouping.field,
                    message: "block \(blocks.codes[i]) (\(blocks.names[i])) has no \(grouping.field)",
                    hint: "give every block a row in the lookup")
            }
            if names[g.code] == nil || names[g.code] == "" { names[g.code] = g.name }
        }
        let areas = names.keys.sorted().map { Area(code: $0, name: names[$0] ?? "") }
        var index: [String: Int] = [:]
        for (k, a) in areas.enumerated() { index[a.code] = k }
        return (areas, grouping.groups.map { g in g.flatMap { index[$0.code] } ?? 0 })
    }

    /// Column `name` of the blocks' count attributes, per block.
    private static func counts(_ population: PopulationBlocks, column name: String) throws(PlacemapError) -> [Double] {
        guard let attributes = population.attributes, let column = attributes.columns.first(where: { $0.name == name }) else {
            throw PlacemapError(
                .usage, file: population.attributes?.source ?? population.source, field: name,
                message: "no count column \(name) among the block attributes",
                hint: "attach the census age bands (geodata/census21_age_lsoa21.csv)")
        }
        return (0..<population.blocks.count).map { attributes.values[$0 * attributes.width + column.position] }
    }

    /// The population of each system today.
    public var systemPopulations: [Double] {
        var out = [Double](repeating: 0, count: systems.count)
        for a in atoms { out[a.system] += a.population }
        return out
    }
}

extension Grouping {
    /// A block grouping one level up: each block's group in `self` (e.g. its district) looked up in
    /// `table` (e.g. district → county, `lookup_lad23_utla23.csv`) by `codeColumn` to `groupColumn`
    /// (name from `nameColumn` or the partner of `groupColumn`). A group of `self` missing from the
    /// table is bad data naming it.
    public func through(_ table: CSVTable, codeColumn: String, groupColumn: String, nameColumn: String? = nil) throws(PlacemapError)
        -> Grouping
    {
        let key = try table.column(codeColumn)
        let value = try table.column(groupColumn)
        let nameIndex =
            try nameColumn.map { name throws(PlacemapError) in try table.column(name) }
            ?? LayerFields.partner(of: groupColumn, in: table.header).flatMap { table.header.firstIndex(of: $0) }
        var up: [String: (code: String, name: String)] = [:]
        for row in table.rows where up[row[key]] == nil {
            up[row[key]] = (row[value], nameIndex.map { row[$0] } ?? "")
        }
        var out: [(code: String, name: String)?] = []
        for g in groups {
            guard let g else {
                out.append(nil)
                continue
            }
            guard let u = up[g.code] else {
                throw PlacemapError(
                    .badData, file: table.source, featureCode: g.code, field: codeColumn,
                    message: "\(g.code) (\(g.name)) of \(source) has no row", hint: "give every \(field) a row in the lookup")
            }
            out.append(u)
        }
        return Grouping(source: table.source, field: groupColumn, nameField: nameIndex.map { table.header[$0] }, groups: out)
    }
}
