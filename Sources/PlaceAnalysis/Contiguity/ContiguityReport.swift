import Foundation
import PlaceIO

/// A contiguity run: the graph, its components, and group results when asked for.
public struct ContiguityReport: Sendable {
    public let graph: ContiguityGraph
    public let components: Components
    public let rookComponents: Components
    public let grouping: Grouping?
    public let groups: [GroupContiguity]

    public init(_ graph: ContiguityGraph, grouping: Grouping? = nil) {
        self.graph = graph
        self.components = graph.components()
        self.rookComponents = graph.components(rookOnly: true)
        self.grouping = grouping
        self.groups = grouping.map { graph.groups($0) } ?? []
    }
}

extension Contiguity {
    /// The method in words, for provenance.
    public static let method = """
        rook: boundaries share a line of positive length, or interiors overlap as drawn (DE-9IM 2********); \
        queen: meet only at points; with a tolerance, pairs within it are snapped together (GEOSSnap, \
        both ways) before classifying, and pairs within it that still do not meet are queen. \
        shared_boundary_m: length of the intersection of the two boundaries (after snapping), or for \
        overlapping pairs the mean of the lengths of each boundary inside the other feature
        """
}
