import PlaceIO

/// The main job, as values: England's districts (LAD 2024) and upper-tier councils (UTLA 2023)
/// against its ICBs (ICB 2024), all from the bundled LSOA 2021 blocks and ONS lookups, each LSOA's
/// census 2021 usual residents (with their age bands) going wholly to the areas holding it; then
/// whether each ICB's LSOAs form one connected piece. It reads the bundled files and writes nothing:
/// the CLI's `england` command, `placemap-bench phases` and the tests all run this one job.
public struct EnglandJob: Sendable {
    /// The bundled files the job reads, relative to the geodata folder.
    public enum File {
        public static let blocks = "lsoa21_england.geojson"
        public static let population = "census21_population_lsoa21.csv"
        public static let ages = "census21_age_lsoa21.csv"
        public static let systems = "built/icb24.geojson"
        public static let systemsLookup = "lookup_lsoa21_sicbl24_icb24.csv"
        public static let placesLookup = "lookup_lsoa21_lad24.csv"
        public static let upperTierLookup = "lookup_lad23_utla23.csv"
        /// Each place layer with the name of its comparison (and output folder).
        public static let places = [("lad24-icb24", "built/lad24.geojson"), ("utla23-icb24", "built/utla23.geojson")]
    }

    /// One place layer against the ICBs.
    public struct Comparison: Sendable {
        public let name: String
        public let result: Coterminosity
    }

    /// The geodata folder the job read.
    public let folder: String
    public let blocks: AnalysisLayer
    public let population: PopulationBlocks
    public let comparisons: [Comparison]
    /// The LSOAs grouped by ICB (the bundled ONS lookup), and their contiguity.
    public let grouping: Grouping
    public let graph: ContiguityGraph
    public let contiguity: ContiguityReport

    /// Runs the job on the bundled files in `folder`; `progress` gives a handler for a named phase.
    public init(folder: String, progress: (String) -> ProgressHandler? = { _ in nil }) throws {
        let blocks = try Self.readBlocks(folder)
        let population = try Self.readPopulation(folder, blocks: blocks)
        let (places, systems) = try Self.readAreas(folder)
        // One pass puts every block into both place layers and the ICBs.
        let allocation = try BlockAllocation(blocks: blocks, layers: places.map(\.1) + [systems], progress: progress("blocks"))
        comparisons = try places.map { name, layer in
            Comparison(
                name: name,
                result: try Self.compare(layer, systems, population: population, allocation: allocation, progress: progress(name)))
        }
        grouping = try Self.grouping(folder, blocks: blocks)
        graph = try ContiguityGraph(blocks, progress: progress("contiguity"))
        contiguity = ContiguityReport(graph, grouping: grouping)
        self.folder = folder
        self.blocks = blocks
        self.population = population
    }

    // The phases, one by one (placemap-bench times each).

    /// The LSOAs, ready for analysis.
    public static func readBlocks(_ folder: String) throws -> AnalysisLayer {
        let layer = try GeoJSONReader.read(path: folder + "/" + File.blocks)
        return try AnalysisLayer(layer, fields: LayerFields.detect(in: layer))
    }

    /// The LSOAs' usual residents, with the census age bands attached (`ages: false` leaves them out).
    public static func readPopulation(_ folder: String, blocks: AnalysisLayer, ages: Bool = true) throws -> PopulationBlocks {
        var population = try PopulationBlocks(blocks: blocks, table: CSVReader.read(path: folder + "/" + File.population))
        if ages { try population.attach(CSVReader.read(path: folder + "/" + File.ages), kind: .counts) }
        return population
    }

    /// The place layers (named by comparison) and the ICBs.
    public static func readAreas(_ folder: String) throws -> (places: [(String, AnalysisLayer)], systems: AnalysisLayer) {
        func layer(_ file: String) throws -> AnalysisLayer {
            let layer = try LayerReader.read(path: folder + "/" + file)
            return try AnalysisLayer(layer, fields: LayerFields.detect(in: layer))
        }
        return (try File.places.map { ($0.0, try layer($0.1)) }, try layer(File.systems))
    }

    /// One place layer against the ICBs, through the shared allocation pass.
    public static func compare(
        _ places: AnalysisLayer, _ systems: AnalysisLayer, population: PopulationBlocks, allocation: BlockAllocation?,
        progress: ProgressHandler? = nil
    ) throws -> Coterminosity {
        var options = CoterminosityOptions()
        options.population = population
        options.allocation = allocation
        options.progress = progress
        return try Coterminosity(places: places, systems: systems, options: options)
    }

    /// The LSOAs grouped by their ICB (the bundled ONS lookup).
    public static func grouping(_ folder: String, blocks: AnalysisLayer) throws -> Grouping {
        try Grouping.lookup(
            CSVReader.read(path: folder + "/" + File.systemsLookup), codeColumn: nil, groupColumn: "icb24_code", for: blocks)
    }

    /// The explorer's atoms: the LSOAs grouped by district (LAD 2024), upper tier (UTLA 2023) and ICB
    /// (ICB 2024) through the bundled ONS lookups, split into connected pieces.
    public static func atoms(
        _ folder: String, population: PopulationBlocks, graph: ContiguityGraph, progress: ProgressHandler? = nil
    ) throws -> ScenarioAtoms {
        let blocks = population.blocks
        let places = try Grouping.lookup(
            CSVReader.read(path: folder + "/" + File.placesLookup), codeColumn: "lsoa21_code", groupColumn: "ltla24_code", for: blocks)
        let uppers = try places.through(
            CSVReader.read(path: folder + "/" + File.upperTierLookup), codeColumn: "ltla23_code", groupColumn: "utla23_code")
        let systems = try Grouping.lookup(
            CSVReader.read(path: folder + "/" + File.systemsLookup), codeColumn: "lsoa21_code", groupColumn: "icb24_code", for: blocks)
        return try ScenarioAtoms(
            places: places, uppers: uppers, systems: systems, population: population, graph: graph,
            geographies: ("LAD24", "UTLA23", "ICB24"), progress: progress)
    }
}
