import Foundation
import PlaceGeometry
import PlaceIO

/// Areas dissolved from blocks, with what was found on the way (overlaps, unjoined codes).
public struct DissolveResult {
    public let areas: [DissolvedArea]
    public let blocks: AnalysisLayer
    public let grouping: Grouping
    public let sumFields: [String]
    public let population: PopulationBlocks?
    /// Output areas that overlap each other (positions in `areas`), from blocks overlapping across groups.
    public let areaOverlaps: [(a: Int, b: Int, area: Double)]

    /// Dissolves `blocks` by `grouping`, summing `sumFields` and `population` per area.
    public init(
        blocks: AnalysisLayer, grouping: Grouping, sumFields: [String] = [], population: PopulationBlocks? = nil,
        progress: ProgressHandler? = nil
    ) throws(PlacemapError) {
        let areas = try Dissolve.run(blocks, grouping: grouping, sum: sumFields, population: population, progress: progress)
        self.areaOverlaps = try Dissolve.overlapsBetween(areas, codeField: grouping.field)
        self.areas = areas
        self.blocks = blocks
        self.grouping = grouping
        self.sumFields = sumFields
        self.population = population
    }

    /// Blocks that no lookup row names (left out of every area).
    public var blocksWithoutGroup: [String] {
        grouping.groups.indices.filter { grouping.groups[$0] == nil }.map { blocks.codes[$0] }
    }
}
