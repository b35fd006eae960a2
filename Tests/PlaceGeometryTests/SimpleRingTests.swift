import Foundation
import PlaceTestSupport
import Testing

@testable import PlaceGeometry

/// The quick proof for one small simple ring (`SimpleRing`): whatever it accepts GEOS finds valid,
/// and it accepts the ordinary case, leaving contacts, holes and large rings to the sweep.
@Suite struct SimpleRingTests {
    let context = GEOSContext()

    func geosValid(_ shape: Shape) throws -> Bool { try Geometry(shape, in: context).validityProblem() == nil }

    @Test func handMade() throws {
        let square: Shape = .polygon([[(0, 0), (4, 0), (4, 4), (0, 4), (0, 0)]])
        let repeated: Shape = .polygon([[(0, 0), (4, 0), (4, 0), (4, 4), (0, 4), (0, 0), (0, 0)]])
        let bowTie: Shape = .polygon([[(0, 0), (4, 4), (4, 0), (0, 4), (0, 0)]])
        let touchesItself: Shape = .polygon([[(0, 0), (4, 0), (2, 2), (4, 4), (0, 4), (2, 2), (0, 0)]])
        let spike: Shape = .polygon([[(0, 0), (4, 0), (6, 0), (4, 0), (4, 4), (0, 4), (0, 0)]])
        let straightVertex: Shape = .polygon([[(0, 0), (2, 0), (4, 0), (4, 4), (0, 4), (0, 0)]])
        let unclosed = Shape(kind: .polygon, coordinates: [0, 0, 4, 0, 4, 4, 0, 4], ringEnds: [4], polygonEnds: [1])
        let withHole: Shape = .polygon([[(0, 0), (9, 0), (9, 9), (0, 9), (0, 0)], [(3, 3), (3, 6), (6, 6), (6, 3), (3, 3)]])
        #expect(SimpleRing.certainlyValid(square) && SimpleRing.certainlyValid(repeated))
        for shape in [bowTie, touchesItself, spike, straightVertex, unclosed, withHole] {
            #expect(!SimpleRing.certainlyValid(shape))
        }
        // What it leaves open the sweep and GEOS still decide.
        #expect(try Validity.of(bowTie, in: context) != .valid)
        #expect(try Validity.of(straightVertex, in: context) == .valid)
        #expect(try Validity.of(withHole, in: context) == .valid)
    }

    /// Random rings on a coarse grid (so crossings, touches, spikes and collinear runs are frequent) and
    /// with free coordinates: never accepted when GEOS finds them invalid.
    @Test func acceptsNothingGEOSRejects() throws {
        var rng = SplitMix(seed: 22)
        var accepted = 0
        var valid = 0
        for k in 0..<40_000 {
            let n = 3 + rng.next(k % 2 == 0 ? 6 : 40)
            var ring = (0..<n).map { _ -> (Double, Double) in
                k % 2 == 0 ? (Double(rng.next(6)), Double(rng.next(6))) : (Double(rng.next(1_000_000)) / 7, Double(rng.next(1_000_000)) / 7)
            }
            ring.append(ring[0])
            let shape: Shape = .polygon([ring])
            let truth = try geosValid(shape)
            if truth { valid += 1 }
            if SimpleRing.certainlyValid(shape) {
                accepted += 1
                #expect(truth, "accepted, GEOS says invalid: \(ring)")
            }
        }
        #expect(accepted > 2_000, "accepted \(accepted) of \(valid) valid rings")
    }
}
