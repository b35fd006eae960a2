import ArgumentParser
import Foundation
import PlaceAnalysis
import PlaceGeometry
import PlaceIO
import PlaceOutput

struct ContiguityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contiguity",
        abstract: "The adjacency graph of a layer: rook and queen neighbours, shared boundaries (m), components, islands.",
        discussion: """
            Rook neighbours share a boundary of positive length (or overlap); queen neighbours meet only at \
            points. Writes into --out: edges.csv (a_code,b_code,kind,shared_boundary_m), components.csv \
            (code,name,component,component_size; component 1 is the largest by area), contiguity.json \
            (provenance and counts) and, with --by (a property, or a lookup column with --lookup), groups.csv \
            (group,n_members,n_pieces,connected,exclaves).
            """)

    @Argument(help: "A layer (any vector source placemap reads).") var layer: String
    @OptionGroup(title: "Layer") var layerChoice: LayerChoice<OnlyLayer>

    @Option(
        help: ArgumentHelp("Snap distance in metres: features within it of each other count as neighbours (default: 0).", valueName: "metres"))
    var snap: Double?
    @Option(name: .customLong("tolerance"), help: .hidden) var snapAlias: Double?
    /// The snap distance, given in either spelling.
    var snapDistance: Double { snap ?? snapAlias ?? 0 }

    @OptionGroup(title: "Groups") var groups: LookupChoice<OnlyLayer>

    @OptionGroup(title: "Output") var output: FolderOutput

    func validate() throws {
        if snapAlias != nil { Deprecation.warn("--tolerance", use: "--snap") }
        guard snapDistance.isFinite, snapDistance >= 0 else { throw ValidationError("--snap must be a distance in metres, 0 or more") }
        if output.out == nil { throw ValidationError("--out is required: the folder for edges.csv, components.csv, …") }
    }

    func run() throws {
        try reportingErrors {
            let folder = output.out ?? "contiguity"
            let outputs = output.flags.outputs(inputs: [layer, groups.lookup])
            try outputs.reserve(folder: folder, files: FolderOutputs.contiguity(grouped: groups.by != nil))
            let analysis = try layerChoice.analysisLayer(layer)
            let grouping = try groups.grouping(of: analysis)
            let graph = try ContiguityGraph(analysis, tolerance: snapDistance, progress: Console.progress("contiguity"))
            let report = ContiguityReport(graph, grouping: grouping)
            try outputs.add(report, folder: folder)
            try outputs.publish(manifestIn: folder, command: CommandLine.arguments)
            guard !Console.quiet else { return }
            print(report.summary)
            print("wrote " + FolderOutputs.contiguity(grouped: grouping != nil).map { OutputSet.join(folder, $0) }.joined(separator: ", "))
        }
    }
}
