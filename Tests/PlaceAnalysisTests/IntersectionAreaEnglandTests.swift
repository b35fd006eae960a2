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

/// The analyses that take areas from the edges give what GEOS gives: the overlay of LSOA 2021 with
/// the ONS districts, the block allocation behind the area method and catchments (MSOA 2011 and
/// LSOA 2021 blocks into ONS districts and built ICBs), each run with and without `IntersectionArea`.
@Suite struct AreasFromEdgesEnglandTests {
    static func layer(_ name: String) throws -> AnalysisLayer {
        let l = try GeoJSONReader.read(path: Paths.geodata(name))
        return try AnalysisLayer(l, fields: LayerFields.detect(in: l))
    }
    static func close(_ x: Double, _ y: Double) -> Bool { abs(x - y) <= max(1e-6, 1e-9 * max(abs(x), abs(y))) }

    func expectSame(_ fast: [[Piece]], _ slow: [[Piece]]) {
        #expect(fast.count == slow.count)
        var differ = 0
        for (f, s) in zip(fast, slow) {
            guard f.map(\.b) == s.map(\.b), zip(f, s).allSatisfy({ Self.close($0.area, $1.area) }) else {
                differ += 1
                continue
            }
        }
        #expect(differ == 0)
    }

    @Test func overlayOfLSOAsAndDistricts() throws {
        let lsoa = try Self.layer("lsoa21_england.geojson")
        let lad = try Self.layer("lad24_england.geojson")
        let fast = try Overlay.settled(lsoa, lad)
        let slow = try Overlay.settled(lsoa, lad, areasFromEdges: false)
        expectSame(fast.pieces, slow.pieces)
        #expect(fast.pieces.joined().count == 41_511)
        #expect(fast.settlement.coordinates + fast.settlement.geos == 75_635)
        // BoundaryRelation settles some of the pairs IntersectionArea leaves to GEOS.
        #expect(fast.settlement.geos == 3_427)
        #expect(slow.settlement.geos > 15_000)
    }

    @Test func allocationOfLSOAsAndMSOAsToDistrictsAndICBs() throws {
        let lad = try Self.layer("lad24_england.geojson")
        let icb = try Self.layer("built/icb24.geojson")
        // MSOA 2011 boundaries share stretches with the ICBs built from LSOA 2021 while crossing
        // them elsewhere: those pairs stay with GEOS, so fewer are saved there.
        for (name, saving) in [("lsoa21_england.geojson", 3), ("msoa11_england.geojson", 2)] {
            let blocks = try Self.layer(name)
            let fast = try BlockAllocation(blocks: blocks, layers: [lad, icb], pairs: [Pair(0, 1)])
            let slow = try BlockAllocation(blocks: blocks, layers: [lad, icb], pairs: [Pair(0, 1)], areasFromEdges: false)
            for l in 0..<2 {
                expectSame(fast.pieces[l], slow.pieces[l])
                #expect(fast.largest(l) == slow.largest(l))
                #expect(fast.pointAreas[l] == slow.pointAreas[l])
                let (mf, ms) = (fast.minority[l], slow.minority[l])
                #expect(mf.count == ms.count)
                #expect(
                    zip(mf, ms).allSatisfy {
                        $0.block == $1.block && $0.area == $1.area && Self.close($0.share, $1.share) && $0.depth == $1.depth
                    })
            }
            let (pf, ps) = (fast.pairPieces[Pair(0, 1)] ?? [], slow.pairPieces[Pair(0, 1)] ?? [])
            #expect(pf.count == ps.count && pf.count > blocks.count)
            #expect(zip(pf, ps).allSatisfy { $0.block == $1.block && $0.a == $1.a && $0.b == $1.b && Self.close($0.area, $1.area) })
            #expect(fast.settlement.coordinates + fast.settlement.geos == slow.settlement.coordinates + slow.settlement.geos)
            #expect(fast.settlement.geos * saving < slow.settlement.geos + saving, "\(name): \(fast.settlement) against \(slow.settlement)")
        }
    }
}
