import PlaceIO
import PlaceTestSupport
import Testing

@testable import PlaceGeometry

/// The checks made without GEOS on the way in, on every bundled feature: the quick proof of a simple
/// ring (`SimpleRing`) and the planar area (`Shape.planarArea`), against GEOS's own answers.
@Suite struct QuickChecksEnglandTests {
    func features(_ name: String) throws -> [Feature] {
        try GeoJSONReader.read(path: Paths.geodata(name)).reprojected(to: .britishNationalGrid).features
    }

    @Test func acceptsMostLSOAsAndEachIsValid() throws {
        let features = try features("lsoa21_england.geojson")
        let verdicts = ParallelGEOS.map(features.count) { context, i -> (accepted: Bool, valid: Bool) in
            let accepted = SimpleRing.certainlyValid(features[i].shape)
            return (accepted, !accepted || ((try? Geometry(features[i].shape, in: context).validityProblem()) ?? nil) == nil)
        }
        let accepted = verdicts.filter(\.accepted).count
        let invalid = verdicts.filter { !$0.valid }.count
        #expect(invalid == 0)
        #expect(accepted * 10 > features.count * 7, "accepted \(accepted) of \(features.count)")
    }

    @Test(arguments: ["lsoa21_england.geojson", "msoa11_england.geojson", "lad24_england.geojson", "built/icb24.geojson"])
    func planarAreaIsGEOSsToTheLastBit(_ name: String) throws {
        let features = try features(name)
        let differ = ParallelGEOS.map(features.count) { context, i -> Bool in
            (try? Geometry(features[i].shape, in: context).area()) != features[i].shape.planarArea
        }
        #expect(differ.filter { $0 }.count == 0)
    }
}
