import PlaceAnalysis
import PlaceGeometry
import PlaceIO
import PlaceTestSupport
import Testing

/// The area shared by every pair of features of two real layers whose boxes meet, from their edges,
/// against GEOS's intersection area: LSOA 2021 and the ONS 500 m districts of 2024 (generalised
/// separately, boundaries crossing everywhere), and MSOA 2011 against the districts and ICBs built
/// from LSOA 2021 (long stretches of bit-identical vertices and segments, crossings elsewhere).
@Suite struct IntersectionAreaEnglandTests {
    struct Counts: Equatable, CustomStringConvertible {
        var pairs = 0, shared = 0, settled = 0, crossing = 0, fallbacks = 0
        var description: String {
            "\(pairs) candidate pairs, \(shared) sharing area, \(settled) settled from edges (\(crossing) crossing), \(fallbacks) left to GEOS"
        }
    }

    func layer(_ name: String) throws -> AnalysisLayer {
        let l = try GeoJSONReader.read(path: Paths.geodata(name))
        return try AnalysisLayer(l, fields: LayerFields.detect(in: l))
    }

    /// Every pair of `a` and `b` whose boxes meet, from the edges and by GEOS.
    func compare(_ a: AnalysisLayer, _ b: AnalysisLayer) throws -> Counts {
        let ringsA = a.boundaryRings()
        let ringsB = b.boundaryRings()
        let context = GEOSContext()
        let geometriesB = try b.features.map { try Geometry($0.shape, in: context) }
        var counts = Counts()
        var worst = 0.0
        for i in a.features.indices {
            guard let bounds = a.features[i].shape.bounds else { continue }
            let geometryA = try Geometry(a.features[i].shape, in: context)
            for j in b.index.query(bounds) {
                counts.pairs += 1
                let truth = try geometryA.intersection(geometriesB[j]).area()
                if truth > 0 { counts.shared += 1 }
                guard let r = IntersectionArea.of(try #require(ringsA[i]), try #require(ringsB[j])) else {
                    counts.fallbacks += 1
                    continue
                }
                counts.settled += 1
                if r.crossings > 0 { counts.crossing += 1 }
                let error = abs(r.area - truth)
                worst = max(worst, error / max(truth, 1))
                #expect(error <= max(1e-6, 1e-9 * truth), "\(a.codes[i]) × \(b.codes[j]): \(r.area) against GEOS \(truth)")
                if r.firstWithin { #expect(abs(truth - a.areas[i]) <= 1e-9 * truth) }
                if r.secondWithin { #expect(abs(truth - b.areas[j]) <= 1e-9 * truth) }
            }
        }
        print("\(counts); worst error \(worst) relative (absolute under 1 m²)")
        return counts
    }

    @Test func everyLSOAAndDistrictPairAgreesWithGEOS() throws {
        let counts = try compare(try layer("lsoa21_england.geojson"), try layer("lad24_england.geojson"))
        // Vertices of districts on LSOA edges and shared vertices are settled too: nothing is left to GEOS.
        #expect(counts == Counts(pairs: 75_635, shared: 41_511, settled: 75_635, crossing: 15_526, fallbacks: 0))
    }

    @Test func everyMSOA2011AndBuiltDistrictOrICBPairAgreesWithGEOS() throws {
        let msoa = try layer("msoa11_england.geojson")
        let lad = try compare(msoa, try layer("built/lad24.geojson"))
        #expect(lad == Counts(pairs: 18_110, shared: 10_285, settled: 18_110, crossing: 5_414, fallbacks: 0))
        let icb = try compare(msoa, try layer("built/icb24.geojson"))
        #expect(icb == Counts(pairs: 13_757, shared: 7_874, settled: 13_757, crossing: 2_382, fallbacks: 0))
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
        #expect(fast.settlement.geos == 0)
        #expect(slow.settlement.geos > 15_000)
    }

    @Test func allocationOfLSOAsAndMSOAsToDistrictsAndICBs() throws {
        let lad = try Self.layer("lad24_england.geojson")
        let icb = try Self.layer("built/icb24.geojson")
        // MSOA 2011 boundaries share stretches with the ICBs built from LSOA 2021 while crossing
        // them elsewhere: settled from the edges too.
        // Nothing is left to GEOS, not even the 21 LSOA × ICB pairs touching where two rings of the
        // LSOA (or ICB) meet at a point.
        for (name, geos) in [("lsoa21_england.geojson", 0), ("msoa11_england.geojson", 0)] {
            let blocks = try Self.layer(name)
            let fast = try BlockAllocation(blocks: blocks, layers: [lad, icb], pairs: [Pair(0, 1)])
            let slow = try BlockAllocation(blocks: blocks, layers: [lad, icb], pairs: [Pair(0, 1)], areasFromEdges: false)
            for l in 0..<2 {
                expectSame(fast.pieces[l], slow.pieces[l])
                #expect(fast.largest(l) == slow.largest(l))
                #expect(fast.pointAreas != nil && fast.pointAreas?[l] == slow.pointAreas?[l])
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
            print("\(name): \(fast.settlement) against \(slow.settlement)")
            #expect(fast.settlement.geos == geos)
        }
    }
}
