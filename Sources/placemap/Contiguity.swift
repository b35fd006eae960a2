import ArgumentParser
import Foundation
import PlaceAnalysis
import PlaceGeometry
import PlaceIO

struct ContiguityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contiguity",
        abstract: "The adjacency graph of a layer: rook and queen neighbours, shared boundaries (m), components, islands.",
        discussion: """
            Rook neighbours share a boundary of positive length (or overlap); queen neighbours meet only at \
            points. Writes into --out: edges.csv (a_code,b_code,kind,shared_boundary_m), components.csv \
            (code,name,component,component_size; component 1 is the largest by area), contiguity.json \
            (provenance and counts) and, with --group-by or --lookup, groups.csv \
            (group,n_members,n_pieces,connected,exclaves).
            """)

    @Argument(help: "A GeoJSON layer.") var layer: String

    @Option(help: "Folder for the output files (created when missing).") var out: String

    @Option(help: "Snapping tolerance in metres: features within it count as neighbours.") var tolerance: Double = 0

    @Option(name: .customLong("group-by"), help: "Property of the layer naming each feature's group.") var groupBy: String?

    @Option(help: "CSV lookup giving each feature's group (joined by code).") var lookup: String?

    @Option(help: "Column of the lookup naming the group.") var by: String?

    @Option(
        name: .customLong("lookup-code"),
        help: "Column of the lookup holding the layer's codes (default: the layer's code field name).")
    var lookupCode: String?

    @OptionGroup var layerOptions: LayerOptions

    func validate() throws {
        guard tolerance.isFinite, tolerance >= 0 else { throw ValidationError("--tolerance must be a distance in metres, 0 or more") }
        if groupBy != nil, lookup != nil { throw ValidationError("give --group-by or --lookup, not both") }
        if (lookup == nil) != (by == nil) { throw ValidationError("--lookup and --by go together") }
        if lookupCode != nil, lookup == nil { throw ValidationError("--lookup-code needs --lookup") }
    }

    func run() throws {
        try reportingErrors {
            let raw = try LayerReader.read(path: layer, crs: layerOptions.crs.map(CRS.init(epsg:)))
            let fields = try LayerFields.detect(in: raw, code: layerOptions.codeField, name: layerOptions.nameField)
            let analysis = try AnalysisLayer(raw, fields: fields)
            var grouping: Grouping?
            if let groupBy { grouping = try Grouping.property(groupBy, of: analysis) }
            if let lookup, let by {
                grouping = try Grouping.lookup(CSVReader.read(path: lookup), codeColumn: lookupCode, groupColumn: by, for: analysis)
            }
            let graph = try ContiguityGraph(analysis, tolerance: tolerance, progress: progressLine("contiguity"))
            let report = ContiguityReport(graph, grouping: grouping)
            let written = try report.write(to: out)
            print(summary(report))
            print("wrote " + written.joined(separator: ", "))
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
