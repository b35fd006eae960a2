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
            let job = try EnglandJob(folder: DataFolder.folder(), progress: Console.progress)
            // The main job's own folder is documented as replaced: its files are overwritten, nothing else.
            let outputs = OutputSet(policy: OutputPolicy(overwrite: true))
            print(job.header)
            var report = ReportContent(title: "England's councils and integrated care boards")
            for comparison in job.comparisons {
                let folder = out + "/" + comparison.name
                try outputs.reserve(folder: folder, files: FolderOutputs.coterminosity)
                try outputs.add(comparison.result, folder: folder, placesStyle: QGISStyle.places)
                try outputs.publish(manifestIn: folder, command: CommandLine.arguments)
                print(comparison.result.summary)
                print("  outputs: \(folder)/\n")
                var view = CoterminosityView(comparison.result, id: comparison.name)
                // One close-up per ICB, from the districts; the upper-tier councils get the overview only.
                view.systemSections = comparison.name == "lad24-icb24"
                report.coterminosity.append(view)
            }
            let folder = out + "/icb24-contiguity"
            try outputs.reserve(folder: folder, files: FolderOutputs.contiguity(grouped: true))
            try outputs.add(job.contiguity, folder: folder)
            try outputs.publish(manifestIn: folder, command: CommandLine.arguments)
            print(job.piecesSummary)
            print("  outputs: \(out)/icb24-contiguity/")
            let names = Dictionary(job.grouping.groups.compactMap { $0 }.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
            report.contiguity.append(
                ContiguityView(job.contiguity, id: "icb24", groupNames: names, background: report.coterminosity.first?.systems ?? []))
            let page = HTMLReport(report)
            try outputs.add(page.bytes, to: out + "/report.html")
            let explorer = ExplorerPage(
                try EnglandJob.atoms(job.folder, population: job.population, graph: job.graph, progress: Console.progress("atoms")))
            try outputs.add(explorer.bytes, to: out + "/explore.html")
            try outputs.publish()
            print("\nreport: \(out)/report.html")
            print("explorer: \(out)/explore.html")
            print(job.ageProfile)
        }
    }
}
