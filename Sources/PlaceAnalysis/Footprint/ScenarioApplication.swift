import PlaceIO

/// A scenario applied to today's footprints over the same blocks: the places (lower tier), the upper
/// tier when there is one, and the systems after it, and which rows overrode which.
///
/// A place code names the blocks whose place, in either tier, today or after the earlier rows, has
/// that code: a district, an upper-tier council (all its districts), or a unitary made by an earlier
/// `merge-place`. A row naming a code that is none of these (or no block, for `move-block`) is bad
/// data naming the file, line and code. A new system or place needs a name on one of its rows.
public struct ScenarioApplication: Sendable {
    /// A later row that moved blocks an earlier row had moved: the later row wins.
    public struct Override: Sendable, Equatable {
        /// The line of the earlier row and of the row that overrode it.
        public var line: Int
        public var byLine: Int
        /// The blocks concerned (positions in the blocks).
        public var blocks: [Int]
    }

    /// A row as applied: the blocks it moved.
    public struct Applied: Sendable {
        public var row: Scenario.Row
        public var blocks: Int
    }

    public let scenario: Scenario
    /// Today's footprints.
    public let places: Footprint
    public let upperTier: Footprint?
    public let systems: Footprint
    /// The footprints after the scenario (new areas appended after today's, in the order the rows name them).
    public let newPlaces: Footprint
    public let newUpperTier: Footprint?
    public let newSystems: Footprint
    public let applied: [Applied]
    /// In the order found (by the overriding row, then the earlier row's line).
    public let overrides: [Override]

    /// Applies `scenario` to `places` (e.g. LAD24 districts), `upperTier` (e.g. UTLA23 counties and
    /// unitaries, nil when there is none) and `systems` (e.g. ICB24), all drawn on the same blocks whose
    /// codes are `blockCodes`.
    public init(
        _ scenario: Scenario, places: Footprint, upperTier: Footprint?, systems: Footprint, blockCodes: [String]
    ) throws(PlacemapError) {
        let n = blockCodes.count
        guard places.areaOfBlock.count == n, systems.areaOfBlock.count == n, upperTier.map({ $0.areaOfBlock.count == n }) ?? true else {
            throw PlacemapError(
                .badData, file: scenario.source, message: "the places and systems are drawn on different blocks",
                hint: "give every footprint on the same blocks")
        }
        var state = State(places: places, upper: upperTier, systems: systems, scenario: scenario)
        var blockPositions: [String: Int]?
        var applied: [Applied] = []
        var overrides: [Override] = []
        for row in scenario.rows {
            func unknown(_ what: String, _ hint: String) -> PlacemapError {
                PlacemapError(
                    .badData, file: scenario.source, line: row.line, featureCode: row.code, field: "code",
                    message: "\(row.code) is not \(what)", hint: hint)
            }
            let chosen: [Int]
            switch row.change {
            case .mergeSystem:
                guard let s = state.systemPositions[row.code] else {
                    throw unknown("a system of \(systems.file) or made by an earlier row", "use a system code (\(systems.geography))")
                }
                chosen = (0..<n).filter { state.system[$0] == s }
            case .movePlace, .mergePlace:
                guard let blocks = state.blocksOfPlace(row.code) else {
                    guard places.count > 0 else {
                        throw unknown(
                            "a place: no places are given", "give the places (e.g. diff --places) for move-place and merge-place rows")
                    }
                    throw unknown(
                        "a place of \(places.file)\(upperTier.map { " or \($0.file)" } ?? "") or made by an earlier merge-place",
                        "use a place code (\(places.geography)\(upperTier.map { " or " + $0.geography } ?? ""))")
                }
                chosen = blocks
            case .moveBlock:
                if blockPositions == nil {
                    blockPositions = Dictionary(blockCodes.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
                }
                guard let k = blockPositions?[row.code] else {
                    throw unknown("a block (\(blockCodes.count) blocks)", "use a block code of the blocks, e.g. an LSOA 2021 code")
                }
                chosen = [k]
            }
            let earlier = try state.apply(row, to: chosen, source: scenario.source)
            overrides += earlier
            applied.append(Applied(row: row, blocks: chosen.count))
        }
        self.scenario = scenario
        self.places = places
        self.upperTier = upperTier
        self.systems = systems
        self.applied = applied
        self.overrides = overrides
        let files = [scenario.source]
        self.newSystems = state.footprint(
            systems, codes: state.systemCodes, names: state.systemNames, areaOfBlock: state.system, files: files)
        self.newPlaces = state.footprint(places, codes: state.placeCodes, names: state.placeNames, areaOfBlock: state.place, files: files)
        self.newUpperTier = upperTier.map {
            state.footprint($0, codes: state.upperCodes, names: state.upperNames, areaOfBlock: state.upper, files: files)
        }
    }

    /// The work of applying rows: codes and each block's areas, growing as rows add areas.
    private struct State {
        var systemCodes: [String]
        var systemNames: [String]
        var systemPositions: [String: Int]
        var system: [Int?]
        var placeCodes: [String]
        var placeNames: [String]
        var placePositions: [String: Int]
        var place: [Int?]
        var upperCodes: [String]
        var upperNames: [String]
        var upperPositions: [String: Int]
        var upper: [Int?]
        let hasUpper: Bool
        /// Today's place and upper-tier place of each block (codes do not change meaning).
        let placeToday: [Int?]
        let upperToday: [Int?]
        let upperPositionsToday: [String: Int]
        let placePositionsToday: [String: Int]
        /// The row (its line) that last set each block's system and place.
        var systemSetBy: [Int?]
        var placeSetBy: [Int?]
        let scenario: Scenario

        init(places: Footprint, upper: Footprint?, systems: Footprint, scenario: Scenario) {
            systemCodes = systems.codes
            systemNames = systems.names
            systemPositions = systems.positions
            system = systems.areaOfBlock
            placeCodes = places.codes
            placeNames = places.names
            placePositions = places.positions
            place = places.areaOfBlock
            upperCodes = upper?.codes ?? []
            upperNames = upper?.names ?? []
            upperPositions = upper?.positions ?? [:]
            self.upper = upper?.areaOfBlock ?? []
            hasUpper = upper != nil
            placeToday = places.areaOfBlock
            upperToday = upper?.areaOfBlock ?? []
            upperPositionsToday = upperPositions
            placePositionsToday = placePositions
            systemSetBy = Array(repeating: nil, count: systems.areaOfBlock.count)
            placeSetBy = systemSetBy
            self.scenario = scenario
        }

        /// The blocks of a place code in either tier, today or now; nil when the code is no place.
        func blocksOfPlace(_ code: String) -> [Int]? {
            let (p, u) = (placePositions[code], hasUpper ? upperPositions[code] : nil)
            let (p0, u0) = (placePositionsToday[code], hasUpper ? upperPositionsToday[code] : nil)
            guard p != nil || u != nil else { return nil }
            func same(_ a: Int?, _ b: Int?) -> Bool { a != nil && a == b }
            return place.indices.filter { k in
                same(place[k], p) || same(placeToday[k], p0) || (hasUpper && (same(upper[k], u) || same(upperToday[k], u0)))
            }
        }

        /// The position of area `code` in a tier, added (with its name from the scenario) when new.
        static func position(
            _ code: String, codes: inout [String], names: inout [String], positions: inout [String: Int], row: Scenario.Row,
            scenario: Scenario, what: String, fallbackName: String? = nil
        ) throws(PlacemapError) -> Int {
            if let i = positions[code] {
                if !row.toName.isEmpty { names[i] = row.toName }
                return i
            }
            let given = row.toName.isEmpty ? scenario.name(of: code) : row.toName
            let name = given.isEmpty ? fallbackName ?? "" : given
            guard !name.isEmpty else {
                throw PlacemapError(
                    .badData, file: scenario.source, line: row.line, featureCode: code, field: "to_name",
                    message: "\(code) is a new \(what) with no name", hint: "give the new \(what)'s name in to_name")
            }
            positions[code] = codes.count
            codes.append(code)
            names.append(name)
            return codes.count - 1
        }

        /// Moves `blocks` as `row` says; returns the earlier rows it overrode.
        mutating func apply(_ row: Scenario.Row, to blocks: [Int], source: String) throws(PlacemapError) -> [Override] {
            var overridden: [Int: [Int]] = [:]
            if row.change.movesSystems {
                let target = try Self.position(
                    row.toCode, codes: &systemCodes, names: &systemNames, positions: &systemPositions, row: row, scenario: scenario,
                    what: "system")
                for k in blocks {
                    // A merge follows the blocks in the merged system: it overrides nothing.
                    if row.change != .mergeSystem, let line = systemSetBy[k] { overridden[line, default: []].append(k) }
                    system[k] = target
                    systemSetBy[k] = row.line
                }
            } else {
                let target = try Self.position(
                    row.toCode, codes: &placeCodes, names: &placeNames, positions: &placePositions, row: row, scenario: scenario,
                    what: "place", fallbackName: upperPositions[row.toCode].map { upperNames[$0] })
                let current = placePositions[row.code]
                for k in blocks {
                    // A block taken because its place now is `code` follows that place: no override.
                    if let line = placeSetBy[k], place[k] != current || current == nil { overridden[line, default: []].append(k) }
                    place[k] = target
                    placeSetBy[k] = row.line
                }
                if hasUpper {
                    // A unitary is both tiers: every block of the place gets it as its upper-tier place too.
                    let u = try Self.position(
                        row.toCode, codes: &upperCodes, names: &upperNames, positions: &upperPositions,
                        row: Scenario.Row(
                            line: row.line, change: row.change, code: row.code, toCode: row.toCode, toName: placeNames[target]),
                        scenario: scenario, what: "place")
                    for k in place.indices where place[k] == target { upper[k] = u }
                }
            }
            return overridden.keys.sorted().map { Override(line: $0, byLine: row.line, blocks: overridden[$0] ?? []) }
        }

        /// The footprint of one tier after the rows, keeping only areas that still have blocks.
        func footprint(_ base: Footprint, codes: [String], names: [String], areaOfBlock: [Int?], files: [String]) -> Footprint {
            var kept = [Int?](repeating: nil, count: codes.count)
            for case let a? in areaOfBlock { kept[a] = 0 }
            var keptCodes: [String] = []
            var keptNames: [String] = []
            for i in codes.indices where kept[i] != nil {
                kept[i] = keptCodes.count
                keptCodes.append(codes[i])
                keptNames.append(names[i])
            }
            return Footprint(
                file: scenario.source, geography: base.geography, codes: keptCodes, names: keptNames,
                areaOfBlock: areaOfBlock.map { $0.flatMap { kept[$0] } }, source: .scenario(base: base.file, files: files))
        }
    }
}
