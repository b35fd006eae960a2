import ArgumentParser
import Foundation
import PlaceAnalysis
import PlaceIO
import PlaceMaps
import PlaceOutput

/// The main job on the bundled data.
struct EnglandCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "england",
        abstract: "The main job: England's councils against its ICBs, weighted by census 2021 population (run with no arguments).",
        discussion: """
            Coterminosity of the local authority districts (LAD 2024) and of the upper-tier councils (UTLA 2023) \
            against the 42 ICBs (ICB 2024), all built from the bundled LSOA 2021 blocks and ONS lookups \
            (geodata/built/), each LSOA's census 2021 usual residents going wholly to the areas holding it. \
            Writes report.html and the scenario explorer, explore.html (as `placemap explore`), beside the tables.
            """)

    @Option(help: ArgumentHelp("Output folder; the files this job writes there are replaced on every run.", valueName: "dir"))
    var out: String = "placemap-output"

    @Flag(name: [.short, .long], help: "No progress on stderr.") var quiet = false

    func run() throws {
        try reportingErrors {
            Console.quiet = quiet
            // The main job's own folder is documented as replaced: its files are overwritten, nothing else.
            let outputs = OutputSet(policy: OutputPolicy(overwrite: true))
            let blocksLayer = try GeoJSONReader.read(path: DataFolder.path("lsoa21_england.geojson"))
            let blocks = try AnalysisLayer(blocksLayer, fields: LayerFields.detect(in: blocksLayer))
            var population = try PopulationBlocks(
                blocks: blocks, table: CSVReader.read(path: DataFolder.path("census21_population_lsoa21.csv")))
            try population.attach(CSVReader.read(path: DataFolder.path("census21_age_lsoa21.csv")), kind: .counts)
            var results: [Coterminosity] = []
            let icb = try bundled("built/icb24.geojson")
            print("Placemap: England's councils and integrated care boards (census 2021 usual residents: \(Int(population.total)))\n")
            var report = ReportContent(title: "England's councils and integrated care boards")
            let placeLayers = [
                ("lad24-icb24", try bundled("built/lad24.geojson")),
                ("utla23-icb24", try bundled("built/utla23.geojson")),
            ]
            // One pass puts every block into both place layers and the ICBs.
            let allocation = try BlockAllocation(
                blocks: blocks, layers: placeLayers.map(\.1) + [icb], progress: Console.progress("blocks"))
            for (name, places) in placeLayers {
                var options = CoterminosityOptions()
                options.population = population
                options.allocation = allocation
                options.progress = Console.progress(name)
                let result = try Coterminosity(places: places, systems: icb, options: options)
                try outputs.reserve(folder: out + "/" + name, files: FolderOutputs.coterminosity)
                try outputs.add(result, folder: out + "/" + name, placesStyle: QGISStyle.places)
                try outputs.publish(manifestIn: out + "/" + name, command: CommandLine.arguments)
                print(result.summary)
                print("  outputs: \(out)/\(name)/\n")
                var view = CoterminosityView(result, id: name)
                // One close-up per ICB, from the districts; the upper-tier councils get the overview only.
                view.systemSections = name == "lad24-icb24"
                report.coterminosity.append(view)
                results.append(result)
            }
            let lookup = try CSVReader.read(path: DataFolder.path("lookup_lsoa21_sicbl24_icb24.csv"))
            let grouping = try Grouping.lookup(lookup, codeColumn: nil, groupColumn: "icb24_code", for: blocks)
            let graph = try ContiguityGraph(blocks, progress: Console.progress("contiguity"))
            let contiguity = ContiguityReport(graph, grouping: grouping)
            let folder = out + "/icb24-contiguity"
            try outputs.reserve(folder: folder, files: FolderOutputs.contiguity(grouped: true))
            try outputs.add(contiguity, folder: folder)
            try outputs.publish(manifestIn: folder, command: CommandLine.arguments)
            print(Self.pieces(contiguity, grouping: grouping, blocks: blocks))
            print("  outputs: \(out)/icb24-contiguity/")
            let names = Dictionary(grouping.groups.compactMap { $0 }.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
            report.contiguity.append(
                ContiguityView(contiguity, id: "icb24", groupNames: names, background: report.coterminosity.first?.systems ?? []))
            let page = HTMLReport(report)
            try outputs.add(page.bytes, to: out + "/report.html")
            let explorer = ExplorerPage(try ExploreCommand.england(population: population, graph: graph))
            try outputs.add(explorer.bytes, to: out + "/explore.html")
            try outputs.publish()
            print("\nreport: \(out)/report.html")
            print("explorer: \(out)/explore.html")
            print(Self.ageProfile(results))
        }
    }

    /// Residents aged 65 and over on each side of each split, and the share of each ICB's people in
    /// whole places by age band (after the lines above, which stay as they are).
    static func ageProfile(_ results: [Coterminosity]) -> String {
        var lines: [String] = []
        for r in results {
            guard let sides = r.countOnEachSide("population_aged_65_and_over"), let shares = r.wholePlaceSharesByCount() else { continue }
            let (p, s) = (r.placesLayer.fields.prefix, r.systemsLayer.fields.prefix)
            lines.append("\nResidents aged 65 and over on each side of each split (\(p) against \(s)):")
            lines += sides
            lines.append(
                "Share of each ICB's people living in places (\(p)) wholly inside it, aged 0-15, 16-24, 25-34, 35-49, 50-64, 65+ "
                    + "(the other \(r.systems.count - shares.count) ICBs: 100% in every band):")
            lines += shares
        }
        return lines.joined(separator: "\n")
    }

    /// A bundled layer ready for analysis, its fields detected.
    func bundled(_ file: String) throws -> AnalysisLayer {
        let layer = try LayerReader.read(path: DataFolder.path(file))
        return try AnalysisLayer(layer, fields: LayerFields.detect(in: layer))
    }

    /// The ICBs whose LSOAs do not form one connected piece, with their exclaves.
    static func pieces(_ report: ContiguityReport, grouping: Grouping, blocks: AnalysisLayer) -> String {
        var names: [String: String] = [:]
        for g in grouping.groups { if let g { names[g.code] = g.name } }
        let split = report.groups.filter { !$0.connected }
        var lines = [
            "ICBs (ICB24, from their LSOA 2021 areas) in one connected piece: \(report.groups.count - split.count) of \(report.groups.count)"
        ]
        for g in split {
            let exclaves = g.exclaves.prefix(3).map { blocks.names[$0] }.joined(separator: ", ") + (g.exclaves.count > 3 ? ", …" : "")
            lines.append(
                "  \(Coterminosity.short(names[g.group] ?? g.group)) (\(g.group)): \(g.pieces.count) pieces; "
                    + "\(g.exclaves.count) LSOA\(g.exclaves.count == 1 ? "" : "s") outside the largest (\(exclaves))")
        }
        return lines.joined(separator: "\n")
    }
}
