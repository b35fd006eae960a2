import PlaceGeometry
import PlaceIO

/// A block whose area differs between two footprints: its old and new area codes (empty: in no
/// area), why it changed (a ``BlockChange`` raw value), its people and its shape in EPSG:27700.
public struct ChangedBlock: Sendable {
    public var code: String
    public var oldCode: String
    public var newCode: String
    public var change: String
    public var population: Double
    public var shape: Shape

    public init(code: String, oldCode: String, newCode: String, change: String, population: Double, shape: Shape) {
        self.code = code
        self.oldCode = oldCode
        self.newCode = newCode
        self.change = change
        self.population = population
        self.shape = shape
    }

    /// People who went to an area that is not their old area's continuation (or to or from no area).
    public var moved: Bool {
        [BlockChange.moved, .outsideBefore, .outsideAfter].map(\.rawValue).contains(change)
    }
}

/// The changed blocks of a footprint comparison dissolved three ways, for the before and after maps:
/// by old area, by new area, and the blocks that moved by old → new area (GEOS coverage union).
public struct ChangedAreas: Sendable {
    /// Changed blocks dissolved by one grouping.
    public struct Area: Sendable {
        /// The area's code; for moved blocks "OLD→NEW"; empty: in no area.
        public var code: String
        public var shape: Shape
        public var blocks: Int
        public var population: Double

        public init(code: String, shape: Shape, blocks: Int, population: Double) {
            self.code = code
            self.shape = shape
            self.blocks = blocks
            self.population = population
        }
    }

    public var before: [Area] = []
    public var after: [Area] = []
    public var moved: [Area] = []

    /// `source` names the blocks in messages (the changed-blocks file, or the blocks of the diff).
    public init(_ blocks: [ChangedBlock], source: String) throws(PlacemapError) {
        guard !blocks.isEmpty else { return }
        let layer = Layer(
            name: "changed_blocks", source: source, crs: .britishNationalGrid,
            features: blocks.map { Feature(properties: JSONObject([("block_code", .string($0.code))]), shape: $0.shape) })
        let analysed = try AnalysisLayer(layer, fields: LayerFields(code: "block_code", name: nil))
        func dissolved(_ key: (ChangedBlock) -> String?) throws(PlacemapError) -> [Area] {
            let grouping = Grouping(source: source, field: "area", groups: blocks.map { b in key(b).map { (code: $0, name: "") } })
            return try Dissolve.run(analysed, grouping: grouping).map { a in
                Area(code: a.code, shape: a.shape, blocks: a.blocks.count, population: a.blocks.reduce(0) { $0 + blocks[$1].population })
            }
        }
        before = try dissolved { $0.oldCode }
        after = try dissolved { $0.newCode }
        moved = try dissolved { $0.moved ? $0.oldCode + "→" + $0.newCode : nil }
    }
}

extension FootprintDiff {
    /// The blocks whose area changed (every change but `unchanged`), in block order.
    public var changedBlocks: [ChangedBlock] {
        let blocks = population.blocks
        return blockChanges.indices.compactMap { k in
            let change = blockChanges[k]
            guard change != .unchanged else { return nil }
            return ChangedBlock(
                code: blocks.codes[k], oldCode: old.areaOfBlock[k].map { old.codes[$0] } ?? "",
                newCode: new.areaOfBlock[k].map { new.codes[$0] } ?? "", change: change.rawValue, population: population.population[k],
                shape: blocks.features[k].shape)
        }
    }

    /// The changed blocks dissolved by old area, by new area and by move (for maps).
    public func changedAreas() throws(PlacemapError) -> ChangedAreas { try ChangedAreas(changedBlocks, source: population.blocks.source) }
}
