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

    @Option(help: "Snapping tolerance in metres: features within it count as neighbours.") var tolerance: Double = 0

    @Option(
        help: ArgumentHelp("Group of each feature: a property of the layer, or with --lookup a column of the lookup.", valueName: "field"))
    var by: String?

    @Option(help: ArgumentHelp("CSV lookup giving each feature's group (joined by code).", valueName: "csv")) var lookup: String?

    @Option(
        name: .customLong("lookup-code"),
        help: ArgumentHelp("Column of the lookup holding the layer's codes (default: the layer's code field name).", valueName: "column"))
    var lookupCode: String?

    @OptionGroup(title: "Output") var output: FolderOutput

    func validate() throws {
        guard tolerance.isFinite, tolerance >= 0 else { throw ValidationError("--tolerance must be a distance in metres, 0 or more") }
        if lookup != nil, by == nil { throw ValidationError("--lookup needs --by (the lookup's group column)") }
        if lookupCode != nil, lookup == nil { throw ValidationError("--lookup-code needs --lookup") }
        if output.out == nil { throw ValidationError("--out is required: the folder for edges.csv, components.csv, …") }
    }

    func run() throws {
        try reportingErrors {
            let folder = output.out ?? "contiguity"
            let outputs = output.flags.outputs(inputs: [layer, lookup])
            try outputs.reserve(folder: folder, files: FolderOutputs.contiguity(grouped: by != nil))
            let analysis = try layerChoice.analysisLayer(layer)
            var grouping: Grouping?
            if let by {
                grouping =
                    try lookup.map { path in
                        try Grouping.lookup(CSVReader.read(path: path), codeColumn: lookupCode, groupColumn: by, for: analysis)
                    } ?? Grouping.property(by, of: analysis)
            }
            let graph = try ContiguityGraph(analysis, tolerance: tolerance, progress: Console.progress("contiguity"))
            let report = ContiguityReport(graph, grouping: grouping)
            try outputs.add(report, folder: folder)
            try outputs.publish(manifestIn: folder, command: CommandLine.arguments)
            guard !Console.quiet else { return }
            print(summary(report))
            print("wrote " + FolderOutputs.contiguity(grouped: grouping != nil).map { OutputSet.join(folder, $0) }.joined(separator: ", "))
        }
    }

    func summary(_ r: ContiguityReport) -> String {
        let g = r.graph
        let l = g.layer
        let named = { (i: Int) in "\(l.codes[i]) \(l.names[i])".trimmingCharacters(in: .whitespaces) }
        var lines = ["contiguity: \(l.source), \(l.count) features (\(l.fields.code)), EPSG:27700, tolerance \(fmt(g.tolerance)) m"]
        var edges = "  edges:      \(g.count(.rook)) rook, \(g.count(.queen)) queen; "
        edges += "\(g.overlappingPairs.count) overlapping pairs (counted as rook)"
        if g.tolerance > 0 {
            edges += "; within the tolerance: \(g.toleranceOnlyPairs.count) pairs joined, \(g.rookByTolerance.count) queen pairs made rook"
        }
        lines.append(edges)
        lines.append("  components: \(r.components.count) (rook and queen), \(r.rookComponents.count) (rook only)")
        lines.append("  islands:    \(g.islands.count)")
        lines += g.islands.map { "    " + named($0) }
        if !l.repairs.isEmpty { lines.append("  repaired:   \(l.repairs.count) invalid geometries made valid first") }
        guard let grouping = r.grouping else { return lines.joined(separator: "\n") }
        let split = r.groups.filter { !$0.connected }
        lines.append(
            "  groups:     \(r.groups.count) by \(grouping.field) (\(grouping.source)); "
                + "\(r.groups.count - split.count) connected, \(split.count) not")
        for s in split {
            lines.append(
                "    \(s.group): \(s.members.count) members in \(s.pieces.count) pieces; \(s.exclaves.count) exclaves: "
                    + shortList(s.exclaves.map(named), more: " (groups.csv lists all)"))
        }
        let ungrouped = grouping.ungrouped
        if !ungrouped.isEmpty {
            lines.append("  not joined: \(ungrouped.count) features have no group: " + shortList(ungrouped.map(named)))
        }
        let unmatched = grouping.unmatchedCodes
        if !unmatched.isEmpty {
            lines.append("  not joined: \(unmatched.count) lookup codes match no feature: " + shortList(unmatched))
        }
        return lines.joined(separator: "\n")
    }

    /// The first ten items, then an ellipsis.
    func shortList(_ items: [String], more: String = "") -> String {
        items.prefix(10).joined(separator: ", ") + (items.count > 10 ? ", …" + more : "")
    }
}
