import PlaceAnalysis
import PlaceIO
import PlaceTestSupport
import Testing

/// An allocation made without representative points (`points: false`, as catchments makes it) holds
/// the same pieces as one made with them, and the centroid method never uses it.
///
/// The hand-made layers of ``AttributeTests``: blocks B1 (0–10), B2 (10–20, cut at 14 by the places)
/// and B3 (20–30 × 0–10) with 100, 200 and 300 people; places P1 (0–14) and P2 (14–30); one system S.
@Suite struct BlockAllocationPointsTests {
    let fixture: AttributeTests
    var blocks: AnalysisLayer { fixture.blocks }
    var places: AnalysisLayer { fixture.places }
    var systems: AnalysisLayer { fixture.systems }

    init() throws { fixture = try AttributeTests() }

    @Test func withoutPointsThePiecesAreTheSame() throws {
        let with = try BlockAllocation(blocks: blocks, layers: [places, systems], pairs: [Pair(0, 1)])
        let without = try BlockAllocation(blocks: blocks, layers: [places, systems], pairs: [Pair(0, 1)], points: false)
        #expect(with.pointAreas?[0] == [0, 1, 1])
        #expect(with.pointAreas?[1] == [0, 0, 0])
        #expect(without.pointAreas == nil)
        for l in 0..<2 {
            #expect(with.pieces[l].map { $0.map(\.b) } == without.pieces[l].map { $0.map(\.b) })
            #expect(with.pieces[l].map { $0.map(\.area) } == without.pieces[l].map { $0.map(\.area) })
            #expect(with.largest(l) == without.largest(l))
            #expect(with.minority[l].map(\.area) == without.minority[l].map(\.area))
            #expect(with.minority[l].map(\.depth) == without.minority[l].map(\.depth))
        }
        // B2 is 40 m² in P1 and 60 m² in P2: its larger piece is in P2, its point in P2.
        #expect(without.pieces[0][1].map(\.area) == [40, 60])
        #expect(without.largest(0) == [0, 1, 1])
        #expect(with.pairPieces[Pair(0, 1)]?.map(\.area) == without.pairPieces[Pair(0, 1)]?.map(\.area))
    }

    @Test func theCentroidMethodMakesItsOwnAllocationWithPoints() throws {
        let population = fixture.population
        let without = try BlockAllocation(blocks: blocks, layers: [places, systems], points: false)
        let given = try PopulationWeighting.split(population, a: places, b: systems, method: .centroid, allocation: without)
        let made = try PopulationWeighting.split(population, a: places, b: systems, method: .centroid)
        // Points, not fallbacks: B1 in P1, B2 and B3 in P2.
        #expect(given.byA == [100, 500])
        #expect(given.pointFallbacks == 0)
        #expect(given.byA == made.byA && given.byB == made.byB)
        // The largest-share method takes the allocation as it is.
        let largest = try PopulationWeighting.split(population, a: places, b: systems, method: .largestShare, allocation: without)
        #expect(largest.byA == [100, 500])
    }
}
