import ArgumentParser
import PlaceAnalysis
import PlaceIO
import PlaceOutput

extension PopulationMethod: ExpressibleByArgument {}
extension AttributeKind: ExpressibleByArgument {}

/// Population weighting through small-area blocks: the blocks layer, its population table and the method.
struct WeightingOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Small-area polygons carrying population (e.g. geodata/lsoa21_england.geojson).", valueName: "layer"))
    var blocks: String?

    @OptionGroup(title: "Blocks") var blocksChoice: LayerChoice<Blocks>
    @OptionGroup var table: PopulationTable
    @OptionGroup var attributeTable: AttributeTable

    @Option(
        name: .customLong("population-method"),
        help: "centroid (ONS best-fit), area (area-weighted) or largest-share (default: centroid; largest-share for coterminosity).")
    var method: PopulationMethod?

    @OptionGroup var gapPolicy: GapPolicy

    func validate() throws {
        if (blocks == nil) != (table.population == nil) { throw ValidationError("--blocks and --population go together") }
        if attributeTable.attributes != nil && blocks == nil { throw ValidationError("--attributes needs --blocks and --population") }
    }

    /// The blocks joined to their population, or nil when not asked for. Blocks with people that the
    /// attributes do not cover are a gap (see ``gap(_:)``).
    func load() throws -> PopulationBlocks? { try loadWithGaps().population }

    /// ``load()`` with the gaps allowed on the way.
    func loadWithGaps() throws -> (population: PopulationBlocks?, gaps: [CoverageGap]) {
        guard let blocks, let population = table.population else { return (nil, []) }
        var p = try attributeTable.attach(to: table.join(blocksChoice.analysisLayer(blocks), path: population))
        guard let a = p.attributes, let path = attributeTable.attributes else { return (p, []) }
        let positions = p.blocks.positions
        let uncovered = a.blocksWithoutRow.compactMap { positions[$0] }
        p.gaps = try gap(CoverageGap(role: "attributes", source: path, uncovered: uncovered, population: p)).map { [$0] } ?? []
        return (p, p.gaps)
    }

    /// `gap` refused (exit 65) without --allow-gaps; with it, said on stderr and returned for the outputs.
    func gap(_ gap: CoverageGap?) throws -> CoverageGap? { try gapPolicy.check(gap) }

    var inputs: [String?] { [blocks, table.population, attributeTable.attributes] }

    /// For commands that give each block wholly to one area: another --population-method is a usage error.
    func requireLargestShare(in command: String) throws {
        guard let m = method, m != .largestShare else { return }
        throw ValidationError(
            "\(command) gives each block wholly to one area (largest-share); --population-method \(m.rawValue) does not apply")
    }
}
/// Says the join warnings on stderr (not silenced by --quiet: they are about the answer, not progress).
func warnJoin(_ p: PopulationBlocks?) { for w in joinWarnings(p) { Console.warning(w) } }
