import PlaceAnalysis
import PlaceGeometry
import PlaceIO
import PlaceTestSupport
import Testing

/// The coordinate-only relation on real blocks (LSOA 2021 around Leeds): whenever it answers, GEOS
/// gives the same answer, both for neighbouring blocks and for blocks inside areas built from them.
@Suite struct BoundaryRelationEnglandTests {
    @Test func agreesWithGEOSOnLSOAsAroundLeeds() throws {
        let layer = try GeoJSONReader.read(path: Paths.geodata("lsoa21_england.geojson"))
        let all = try AnalysisLayer(layer, fields: LayerFields.detect(in: layer, code: "lsoa21_code"))
        let around = Bounds(minX: 415_000, minY: 420_000, maxX: 445_000, maxY: 445_000)
        let chosen = all.index.query(around).sorted()
        try #require(chosen.count > 500)
        let rings = all.boundaryRings()
        let context = GEOSContext()
        let geometry = try chosen.map { try Geometry(all.features[$0].shape, in: context) }
        var apart = 0, touching = 0, undecided = 0
        for (i, a) in chosen.enumerated() {
            for (j, b) in chosen.enumerated() where j > i && rings[a]?.bounds.intersects(rings[b]!.bounds) == true {
                guard let r = BoundaryRelation.of(try #require(rings[a]), try #require(rings[b])) else {
                    undecided += 1
                    continue
                }
                guard case .apart(let length, let touches) = r else {
                    Issue.record("\(all.codes[a]) and \(all.codes[b]): \(r)")
                    continue
                }
                apart += 1
                if touches { touching += 1 }
                #expect(try geometry[i].relate(geometry[j]).first == "F")
                #expect(abs(try geometry[i].intersection(geometry[j]).length() - length) <= 1e-6 * max(1, length))
                #expect(try geometry[i].intersects(geometry[j]) == touches)
            }
        }
        #expect(touching > chosen.count * 2)
        #expect(apart >= touching)
        // A clean coverage: nearly every pair is decided from coordinates alone.
        #expect(undecided * 20 < apart, "\(undecided) undecided, \(apart) apart")
    }

    @Test func blocksAreWithinAnAreaDissolvedFromThemAndApartFromTheRest() throws {
        let layer = try GeoJSONReader.read(path: Paths.geodata("lsoa21_england.geojson"))
        let all = try AnalysisLayer(layer, fields: LayerFields.detect(in: layer, code: "lsoa21_code"))
        let chosen = all.index.query(Bounds(minX: 425_000, minY: 428_000, maxX: 435_000, maxY: 438_000)).sorted()
        let context = GEOSContext()
        // The area: every other chosen block, dissolved as placemap dissolves a coverage (keeping
        // the blocks' vertices), so that it has holes and many parts.
        let members = chosen.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
        let area = try Geometry.collection(members.map { try Geometry(all.features[$0].shape, in: context) }, in: context)
            .coverageUnion()
        let areaRings = try #require(BoundaryRings(try area.shape()))
        let rings = all.boundaryRings()
        var within = 0, apart = 0
        for b in chosen {
            guard let r = BoundaryRelation.of(try #require(rings[b]), areaRings) else { continue }
            let block = try Geometry(all.features[b].shape, in: context)
            switch r {
            case .within:
                within += 1
                #expect(members.contains(b))
                #expect(try area.covers(block))
            case .contains, .crossing:
                Issue.record("\(all.codes[b]): \(r) against an area made of whole blocks")
            case .apart(let length, _):
                apart += 1
                #expect(!members.contains(b))
                #expect(abs(try block.intersection(area).length() - length) <= 1e-6 * max(1, length))
            }
        }
        // Nearly every block is decided without an overlay.
        #expect(within + apart >= chosen.count * 9 / 10, "\(within) within, \(apart) apart of \(chosen.count)")
    }
}
