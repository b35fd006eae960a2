import PlaceGeometry
import PlaceIO
import PlaceTestSupport
import Testing

/// The sweep validity check on every feature of the bundled layers, against GEOS's own check
/// (`GEOSisValidDetail_r`): the same verdict everywhere, and the sweep decides alone almost always.
@Suite struct ValidityEnglandTests {
    @Test(arguments: ["lsoa21_england.geojson", "msoa11_england.geojson", "lad24_england.geojson", "icb22_england.geojson"])
    func sweepAgreesWithGEOS(_ name: String) throws {
        let layer = try GeoJSONReader.read(path: Paths.geodata(name)).reprojected(to: .britishNationalGrid)
        let features = layer.features
        let verdicts = ParallelGEOS.map(features.count) { context, i -> (sweep: Validity, geos: String?)? in
            guard let geometry = try? Geometry(features[i].shape, in: context) else { return nil }
            let sweep = (try? Validity.of(features[i].shape, in: context, geosPointLimit: 0)) ?? .unchecked("error")
            return (sweep, (try? geometry.validityProblem())?.reason)
        }
        var decided = 0
        for (i, verdict) in verdicts.enumerated() {
            guard let verdict else {
                Issue.record("feature \(i) of \(name) does not build")
                continue
            }
            switch verdict.sweep {
            case .unchecked: continue
            case .valid: #expect(verdict.geos == nil, "feature \(i) of \(name): GEOS says \(verdict.geos ?? "")")
            case .invalid(let p):
                #expect(verdict.geos == p.reason, "feature \(i) of \(name): sweep \(p.reason), GEOS \(verdict.geos ?? "valid")")
            }
            decided += 1
        }
        #expect(decided * 100 >= features.count * 99, "the sweep decided \(decided) of \(features.count)")
    }
}
