import PlaceAnalysis
import PlaceGeometry
import PlaceIO
import PlaceTestSupport
import Testing

/// The area shared by every LSOA 2021 and every ONS 500 m district of 2024 whose boxes meet, from
/// their edges, against GEOS's intersection area: two layers generalised separately, whose
/// boundaries cross everywhere.
@Suite struct IntersectionAreaEnglandTests {
    @Test func everyLSOAAndDistrictPairAgreesWithGEOS() throws {
        func layer(_ name: String) throws -> AnalysisLayer {
            let l = try GeoJSONReader.read(path: Paths.geodata(name))
            return try AnalysisLayer(l, fields: LayerFields.detect(in: l))
        }
        let lsoa = try layer("lsoa21_england.geojson")
        let lad = try layer("lad24_england.geojson")
        let ringsA = lsoa.boundaryRings()
        let ringsB = lad.boundaryRings()
        let context = GEOSContext()
        let districts = try lad.features.map { try Geometry($0.shape, in: context) }
        var pairs = 0
        var settled = 0
        var fallbacks = 0
        var crossing = 0
        var shared = 0
        var worst = 0.0
        for i in lsoa.features.indices {
            guard let bounds = lsoa.features[i].shape.bounds else { continue }
            let block = try Geometry(lsoa.features[i].shape, in: context)
            for j in lad.index.query(bounds) {
                pairs += 1
                let truth = try block.intersection(districts[j]).area()
                if truth > 0 { shared += 1 }
                guard let r = IntersectionArea.of(try #require(ringsA[i]), try #require(ringsB[j])) else {
                    fallbacks += 1
                    continue
                }
                settled += 1
                if r.crossings > 0 { crossing += 1 }
                let error = abs(r.area - truth)
                worst = max(worst, error / max(truth, 1))
                #expect(
                    error <= max(1e-6, 1e-9 * truth), "\(lsoa.codes[i]) × \(lad.codes[j]): \(r.area) against GEOS \(truth)")
                if r.firstWithin { #expect(abs(truth - lsoa.areas[i]) <= 1e-9 * truth) }
            }
        }
        print(
            "LSOA × LAD: \(pairs) candidate pairs, \(shared) sharing area, \(settled) settled from edges (\(crossing) crossing), \(fallbacks) left to GEOS; worst relative error \(worst)"
        )
        #expect(pairs == 75_635)
        #expect(shared == 41_511)
        // Where a district's vertex lies on an LSOA's edge or the two share a vertex, GEOS decides.
        #expect(settled == 71_762 && crossing == 12_151)
        #expect(fallbacks == 3_873)
    }
}
