import PlaceIO

/// Coterminosity of places with two footprints of systems, worked out on the blocks: a place is
/// coterminous with a footprint when all its people live in one system, split when they live in two
/// or more, outside when in none (blocks where nobody lives do not count, as in `Coterminosity` with
/// population).
public struct FootprintCoterminosity: Sendable {
    /// A place under one footprint: its systems with the people in each, most people first.
    public struct Standing: Sendable, Equatable {
        public var status: PlaceStatus
        public var systems: [(system: Int, population: Double)]
        /// The attributes' stored columns in each of `systems`, in the same order (empty without attributes).
        public var attributes: [[Double]] = []
        public static func == (a: Standing, b: Standing) -> Bool {
            a.status == b.status && a.systems.map(\.system) == b.systems.map(\.system)
        }
    }

    public struct Place: Sendable {
        public var place: Int
        public var population: Double
        public var before: Standing
        public var after: Standing
        /// True when the status is the same but the systems are not those the old ones became.
        public var systemsChanged: Bool
        /// The attributes' stored columns summed over the place's blocks (empty without attributes).
        public var attributes: [Double]
    }

    /// A system of one footprint: the places in it, whole and shared.
    public struct System: Sendable {
        public var system: Int
        public var wholePlaces: [Int]
        public var sharedPlaces: [Int]
        /// The attributes' stored columns summed over the places wholly inside it (empty without attributes).
        public var attributesInWholePlaces: [Double] = []
        public var madeOfWholePlaces: Bool { sharedPlaces.isEmpty && !wholePlaces.isEmpty }
    }

    public let places: Footprint
    public let diff: FootprintDiff
    public let rows: [Place]
    public let oldSystems: [System]
    public let newSystems: [System]

    public init(places: Footprint, diff: FootprintDiff) throws(PlacemapError) {
        let people = diff.population.population
        guard places.areaOfBlock.count == people.count else {
            throw PlacemapError(
                .badData, file: places.file, message: "the places are drawn on other blocks than the footprints",
                hint: "give the places on the same blocks")
        }
        let attributes = diff.attributes
        func standings(_ systems: Footprint) -> [Standing] {
            var byPlace = [[Int: Double]](repeating: [:], count: places.count)
            var sums = [[Int: [Double]]](repeating: [:], count: places.count)
            for k in people.indices where people[k] > 0 {
                guard let p = places.areaOfBlock[k], let s = systems.areaOfBlock[k] else { continue }
                byPlace[p][s, default: 0] += people[k]
                if let attributes { attributes.add(block: k, to: &sums[p][s, default: attributes.zeros]) }
            }
            return byPlace.indices.map { p in
                let sorted = byPlace[p].sorted { ($0.value, -$0.key) > ($1.value, -$1.key) }.map { (system: $0.key, population: $0.value) }
                var standing = Standing(status: sorted.isEmpty ? .outside : sorted.count == 1 ? .coterminous : .split, systems: sorted)
                if attributes != nil { standing.attributes = sorted.map { sums[p][$0.system] ?? [] } }
                return standing
            }
        }
        let before = standings(diff.old)
        let after = standings(diff.new)
        var becomes = [Set<Int>](repeating: [], count: diff.old.count)
        for f in diff.fates { if let o = f.old { becomes[o] = Set(f.new) } }
        let placePeople = places.population(people)
        let placeAttributes = attributes?.sums(into: places.areaOfBlock, count: places.count)
        let rows = places.codes.indices.sorted { places.codes[$0] < places.codes[$1] }.map { p in
            let expected = before[p].systems.reduce(into: Set<Int>()) { $0.formUnion(becomes[$1.system]) }
            let actual = Set(after[p].systems.map(\.system))
            return Place(
                place: p, population: placePeople[p], before: before[p], after: after[p],
                systemsChanged: before[p].status == after[p].status && expected != actual, attributes: placeAttributes?[p] ?? [])
        }
        func systems(_ footprint: Footprint, _ standing: (Place) -> Standing) -> [System] {
            var out = footprint.codes.indices.map { s in
                System(system: s, wholePlaces: [], sharedPlaces: [], attributesInWholePlaces: attributes?.zeros ?? [])
            }
            for row in rows {
                let s = standing(row)
                for (system, _) in s.systems {
                    if s.status == .coterminous {
                        out[system].wholePlaces.append(row.place)
                        out[system].attributesInWholePlaces = out[system].attributesInWholePlaces.plus(row.attributes)
                    } else {
                        out[system].sharedPlaces.append(row.place)
                    }
                }
            }
            return out
        }
        self.rows = rows
        self.places = places
        self.diff = diff
        self.oldSystems = systems(diff.old, \.before)
        self.newSystems = systems(diff.new, \.after)
    }

    /// Places with a status before (or after).
    public func count(_ status: PlaceStatus, after: Bool) -> Int { rows.filter { (after ? $0.after : $0.before).status == status }.count }

    /// Places whose status changed.
    public var changed: [Place] { rows.filter { $0.before.status != $0.after.status } }
}
