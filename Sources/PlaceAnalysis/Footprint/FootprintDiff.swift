import PlaceIO

/// What became of an area between two footprints.
public enum AreaFate: String, Sendable, CaseIterable {
    /// Same blocks, same code, same name.
    case unchanged
    /// Same blocks and code, another name.
    case renamed
    /// Same blocks, another code.
    case recoded
    /// Its continuation gained more people than it lost (the code may have changed: see the new code).
    case grown
    /// Its continuation lost more people than it gained.
    case shrunk
    /// It continues as an area that other old areas continue as too.
    case mergedInto = "merged into"
    /// Two or more new areas draw most of their people from it.
    case splitInto = "split into"
    /// A new area with no block from any old area.
    case new
    /// No block of it is in any new area.
    case gone
}

/// Why a block's area differs between the footprints (or does not).
public enum BlockChange: String, Sendable, CaseIterable {
    case unchanged
    /// Its area kept its footprint but changed name or code, or grew or shrank around it.
    case renamed, recoded
    /// Its area merged with others, or was split.
    case merged, split
    /// It went to an area that is not its old area's successor: a boundary moved.
    case moved
    /// In no old area / in no new area.
    case outsideBefore = "outside before"
    case outsideAfter = "outside after"
}

/// Two footprints compared over the same blocks: the people and blocks that moved between each old
/// and new area, and the fate of every area.
///
/// Areas are matched by footprint, never by code: an old area's successor is the new area holding
/// most of its people (blocks break ties, then position), and a new area's predecessor the old area
/// giving it most of its people. An old area is `split into` the new areas whose predecessor it is
/// when there are two or more. Otherwise it continues as the one new area whose predecessor it is,
/// or, when there is none, as its successor; it is `merged into` that area when other old areas
/// continue as it too, and else `unchanged`, `renamed` or `recoded` when the footprints are the same
/// blocks, `grown` or `shrunk` when not (by the people gained against those lost). New areas with
/// no block from an old area are `new`; old areas with no block in any new area are `gone`.
public struct FootprintDiff: Sendable {
    /// Blocks and people that are in `old` before and in `new` after (nil: in no area).
    public struct Move: Sendable, Equatable {
        public var old: Int?
        public var new: Int?
        public var blocks: Int
        public var population: Double
        public var change: BlockChange
        /// The moved blocks' attributes: stored columns summed (empty without attributes).
        public var attributes: [Double] = []
    }

    /// The fate of one area: an old area with its new areas, or a new area no old one leads to.
    public struct Fate: Sendable {
        public var old: Int?
        public var fate: AreaFate
        /// The new areas it became (successor, the merged area, or the split pieces, most people first).
        public var new: [Int]
        public var oldBlocks: Int
        public var newBlocks: Int
        public var oldPopulation: Double
        public var newPopulation: Double
        /// People of the old area in its new areas.
        public var kept: Double
        /// People of its new areas who were not in it.
        public var gained: Double
        /// People of the old area in none of its new areas.
        public var lost: Double
        /// The same three for the attributes' stored columns (empty without attributes).
        public var keptAttributes: [Double] = []
        public var gainedAttributes: [Double] = []
        public var lostAttributes: [Double] = []
    }

    public let old: Footprint
    public let new: Footprint
    public let population: PopulationBlocks
    /// Sorted by old code then new code (areas outside first).
    public let moves: [Move]
    /// Old areas in code order, then new areas in code order.
    public let fates: [Fate]
    public let blockChanges: [BlockChange]
    /// The new area holding most of each old area's people, and the old area giving most of each new one's.
    public let successor: [Int?]
    public let predecessor: [Int?]
    /// The attributes' stored columns summed into each old and each new area (empty without attributes).
    public let oldAttributes: [[Double]]
    public let newAttributes: [[Double]]

    /// The blocks' attributes (age bands, scores, classes), carried whole with each block.
    public var attributes: BlockAttributes? { population.attributes }

    /// A block with no row in the attribute table is bad data: it would count as nobody.
    public init(old: Footprint, new: Footprint, population: PopulationBlocks) throws(PlacemapError) {
        let people = population.population
        guard old.areaOfBlock.count == people.count, new.areaOfBlock.count == people.count else {
            throw PlacemapError(
                .badData, file: old.areaOfBlock.count == people.count ? new.file : old.file,
                message: "the footprints are drawn on different blocks (\(old.areaOfBlock.count) and \(new.areaOfBlock.count) blocks, "
                    + "\(people.count) in \(population.blocks.source))",
                hint: "give both footprints on the same blocks")
        }
        try population.attributes?.requireEveryBlock(of: population.blocks.source)
        let attributes = population.attributes
        self.old = old
        self.new = new
        self.population = population
        let table = CrossTable(old: old, new: new, population: population)
        oldAttributes = attributes?.sums(into: old.areaOfBlock, count: old.count) ?? []
        newAttributes = attributes?.sums(into: new.areaOfBlock, count: new.count) ?? []
        (successor, predecessor) = table.bestMatches()
        fates = Self.fates(
            table, population: population, successor: successor, predecessor: predecessor, oldAttributes: oldAttributes,
            newAttributes: newAttributes)
        var fateOfOld = [Fate?](repeating: nil, count: old.count)
        for f in fates { if let o = f.old { fateOfOld[o] = f } }
        func change(_ o: Int?, _ n: Int?) -> BlockChange {
            guard let o else { return n == nil ? .unchanged : .outsideBefore }
            guard let n else { return .outsideAfter }
            guard let f = fateOfOld[o], f.new.contains(n) else { return .moved }
            switch f.fate {
            case .mergedInto: return .merged
            case .splitInto: return .split
            default: return old.codes[o] != new.codes[n] ? .recoded : old.names[o] != new.names[n] ? .renamed : .unchanged
            }
        }
        blockChanges = people.indices.map { change(old.areaOfBlock[$0], new.areaOfBlock[$0]) }
        let none = table.none
        func code(_ i: Int, _ f: Footprint) -> String { i < f.count ? f.codes[i] : "" }
        moves = table.cells.map { key, v in
            let o = key.a < none.old ? key.a : nil
            let n = key.b < none.new ? key.b : nil
            return Move(
                old: o, new: n, blocks: v.blocks, population: v.people, change: change(o, n), attributes: table.attributes[key] ?? [])
        }.sorted {
            (code($0.old ?? none.old, old), code($0.new ?? none.new, new)) < (code($1.old ?? none.old, old), code($1.new ?? none.new, new))
        }
    }

    /// People, blocks and attribute sums per (old, new) pair of areas; the index `count` of a footprint
    /// stands for "in no area".
    struct CrossTable {
        let old: Footprint
        let new: Footprint
        let none: (old: Int, new: Int)
        var cells: [Pair: (blocks: Int, people: Double)] = [:]
        var attributes: [Pair: [Double]] = [:]

        init(old: Footprint, new: Footprint, population: PopulationBlocks) {
            (self.old, self.new) = (old, new)
            none = (old.count, new.count)
            for (k, people) in population.population.enumerated() {
                let key = Pair(old.areaOfBlock[k] ?? none.old, new.areaOfBlock[k] ?? none.new)
                let v = cells[key] ?? (0, 0)
                cells[key] = (v.blocks + 1, v.people + people)
                if let a = population.attributes { a.add(block: k, to: &attributes[key, default: a.zeros]) }
            }
        }

        /// The new area holding most of each old area's people, and the old area giving most of each new
        /// one's (ties: more blocks, then the lower index).
        func bestMatches() -> (successor: [Int?], predecessor: [Int?]) {
            func weight(_ v: (blocks: Int, people: Double), _ index: Int) -> (Double, Int, Int) { (v.people, v.blocks, -index) }
            var successor = [Int?](repeating: nil, count: old.count)
            var predecessor = [Int?](repeating: nil, count: new.count)
            var best = [(Double, Int, Int)?](repeating: nil, count: old.count)
            var bestBack = [(Double, Int, Int)?](repeating: nil, count: new.count)
            for (key, v) in cells where key.a < none.old && key.b < none.new {
                let w = weight(v, key.b)
                if best[key.a].map({ w > $0 }) ?? true { (best[key.a], successor[key.a]) = (w, key.b) }
                let back = weight(v, key.a)
                if bestBack[key.b].map({ back > $0 }) ?? true { (bestBack[key.b], predecessor[key.b]) = (back, key.a) }
            }
            return (successor, predecessor)
        }

        func people(_ o: Int, _ n: Int) -> Double { cells[Pair(o, n)]?.people ?? 0 }
    }

    /// Each old area's fate (code order), then the new areas no old area leads to (code order).
    static func fates(
        _ table: CrossTable, population: PopulationBlocks, successor: [Int?], predecessor: [Int?], oldAttributes: [[Double]],
        newAttributes: [[Double]]
    ) -> [Fate] {
        let (old, new) = (table.old, table.new)
        let (oldBlocks, newBlocks) = (old.blocksPerArea, new.blocksPerArea)
        let (oldPeople, newPeople) = (old.population(population.population), new.population(population.population))
        var splitPieces = [[Int]](repeating: [], count: old.count)
        for (n, p) in predecessor.enumerated() { if let p { splitPieces[p].append(n) } }
        // Each old area's continuation: the one new area it is the predecessor of, else its successor.
        let continuation = old.codes.indices.map { o in splitPieces[o].count == 1 ? splitPieces[o].first : successor[o] }
        var mergedFrom = [[Int]](repeating: [], count: new.count)
        for o in old.codes.indices where splitPieces[o].count < 2 { if let c = continuation[o] { mergedFrom[c].append(o) } }

        /// What happened to old area `o`, continued by the one new area `s`.
        func continuedFate(_ o: Int, _ s: Int) -> AreaFate {
            if mergedFrom[s].count >= 2 { return .mergedInto }
            let shared = table.cells[Pair(o, s)]?.blocks ?? 0
            if shared == oldBlocks[o] && shared == newBlocks[s] {
                return old.codes[o] != new.codes[s] ? .recoded : old.names[o] != new.names[s] ? .renamed : .unchanged
            }
            let kept = table.people(o, s)
            let (gained, lost) = (newPeople[s] - kept, oldPeople[o] - kept)
            return (gained, newBlocks[s] - shared) > (lost, oldBlocks[o] - shared) ? .grown : .shrunk
        }

        let attributes = population.attributes
        var fates: [Fate] = []
        var reached = [Bool](repeating: false, count: new.count)
        for o in old.codes.indices.sorted(by: { old.codes[$0] < old.codes[$1] }) {
            let fate: AreaFate
            let targets: [Int]
            if splitPieces[o].count >= 2 {
                fate = .splitInto
                targets = splitPieces[o].sorted { (newPeople[$0], -$0) > (newPeople[$1], -$1) }
            } else if let s = continuation[o] {
                fate = continuedFate(o, s)
                targets = [s]
            } else {
                fate = .gone
                targets = []
            }
            for n in targets { reached[n] = true }
            let kept = targets.reduce(0) { $0 + table.people(o, $1) }
            let newTotal = targets.reduce(0) { $0 + newPeople[$1] }
            var f = Fate(
                old: o, fate: fate, new: targets, oldBlocks: oldBlocks[o], newBlocks: targets.reduce(0) { $0 + newBlocks[$1] },
                oldPopulation: oldPeople[o], newPopulation: newTotal, kept: kept, gained: newTotal - kept, lost: oldPeople[o] - kept)
            if let attributes {
                var keptSums = attributes.zeros
                var newSums = attributes.zeros
                for n in targets {
                    keptSums = keptSums.plus(table.attributes[Pair(o, n)] ?? attributes.zeros)
                    newSums = newSums.plus(newAttributes[n])
                }
                (f.keptAttributes, f.gainedAttributes, f.lostAttributes) = (
                    keptSums, newSums.minus(keptSums), oldAttributes[o].minus(keptSums)
                )
            }
            fates.append(f)
        }
        for n in new.codes.indices.sorted(by: { new.codes[$0] < new.codes[$1] }) where !reached[n] {
            var f = Fate(
                old: nil, fate: .new, new: [n], oldBlocks: 0, newBlocks: newBlocks[n], oldPopulation: 0, newPopulation: newPeople[n],
                kept: 0, gained: newPeople[n], lost: 0)
            if let attributes {
                (f.keptAttributes, f.gainedAttributes, f.lostAttributes) = (attributes.zeros, newAttributes[n], attributes.zeros)
            }
            fates.append(f)
        }
        return fates
    }

    /// Areas with each fate.
    public func count(_ fate: AreaFate) -> Int { fates.filter { $0.fate == fate }.count }

    /// People and blocks in blocks with each change.
    public func total(_ change: BlockChange) -> (blocks: Int, population: Double) {
        var out = (blocks: 0, population: 0.0)
        for (k, c) in blockChanges.enumerated() where c == change {
            out.blocks += 1
            out.population += population.population[k]
        }
        return out
    }

    /// The attributes' stored columns summed over the blocks with each change (empty without attributes).
    public func attributeTotal(_ change: BlockChange) -> [Double] {
        guard let attributes else { return [] }
        return attributes.sum(of: blockChanges.indices.filter { blockChanges[$0] == change })
    }
}
