import PlaceAnalysis
import PlaceGeometry
import PlaceIO
import PlaceTestSupport
import Testing

@Suite struct LayerCheckTests {
    let bowtie = Shape.polygon([[(400_000, 300_000), (400_010, 300_010), (400_010, 300_000), (400_000, 300_010), (400_000, 300_000)]])
    let square = Shape.polygon([Shapes.square(400_100, 300_000, 10)])

    var layer: Layer {
        Layer(
            name: "t", source: "t.geojson", crs: .britishNationalGrid,
            features: [
                Feature(properties: JSONObject([("c_code", .string("OK"))]), shape: square),
                Feature(properties: JSONObject([("c_code", .string("BOW"))]), shape: bowtie),
            ])
    }

    @Test func findsTheInvalidFeatureWithReasonAndLocation() throws {
        let problems = LayerCheck.problems(in: layer, fields: try LayerFields.detect(in: layer))
        #expect(problems.count == 1)
        #expect(problems[0].index == 1 && problems[0].code == "BOW")
        #expect(problems[0].reason.contains("Self-intersection"))
        #expect(problems[0].location?.x == 400_005 && problems[0].location?.y == 300_005)
    }

    @Test func repairKeepsAreaOfBothLobes() throws {
        let (fixed, repairs) = try LayerCheck.repair(layer, fields: try LayerFields.detect(in: layer))
        #expect(repairs.count == 1)
        #expect(repairs[0].areaBefore == 0)  // the two lobes cancel in the shoelace sum
        #expect(repairs[0].areaAfter == 50)
        #expect(fixed.features[1].shape.kind == .multiPolygon)
        #expect(LayerCheck.problems(in: fixed, fields: nil).isEmpty)
        #expect(fixed.features[0].shape == square)
    }

    @Test func areasAreSquareMetresInBritishNationalGrid() throws {
        #expect(try LayerCheck.areas(of: layer)[0] == 100)
    }
}
