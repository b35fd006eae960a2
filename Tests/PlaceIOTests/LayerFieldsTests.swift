import PlaceGeometry
import PlaceIO
import Testing

@Suite struct LayerFieldsTests {
    func layer(_ properties: [[(String, JSONValue)]]) -> Layer {
        Layer(
            name: "t", source: "t.geojson", crs: .wgs84,
            features: properties.map { Feature(properties: JSONObject($0), shape: .point(0, 0)) })
    }

    @Test func detectsONSAndSnakeCaseFields() throws {
        let ons = try LayerFields.detect(in: layer([[("OBJECTID", .number(1)), ("LAD24CD", .string("E1")), ("LAD24NM", .string("A"))]]))
        #expect(ons == LayerFields(code: "LAD24CD", name: "LAD24NM"))
        #expect(ons.prefix == "LAD24")
        let snake = try LayerFields.detect(in: layer([[("icb22_name", .string("A")), ("icb22_code", .string("E54"))]]))
        #expect(snake == LayerFields(code: "icb22_code", name: "icb22_name"))
        #expect(snake.prefix == "ICB22")
    }

    @Test func missingCodeFieldAndMissingCodes() throws {
        #expect(throws: PlacemapError.self) { try LayerFields.detect(in: layer([[("name", .string("x"))]])) }
        let l = layer([[("a_code", .string("X"))], [("a_code", .null)]])
        let fields = try LayerFields.detect(in: l)
        do {
            _ = try fields.values(in: l)
            Issue.record("expected an error")
        } catch {
            #expect(error.featureIndex == 1 && error.field == "a_code")
        }
    }

    @Test func duplicateCodes() throws {
        let l = layer([[("a_code", .string("X"))], [("a_code", .string("Y"))], [("a_code", .string("X"))]])
        let fields = try LayerFields.detect(in: l)
        #expect(fields.duplicates(in: l).map(\.code) == ["X"])
        #expect(fields.duplicates(in: l).first?.indices == [0, 2])
        #expect(throws: PlacemapError.self) { try fields.uniqueValues(in: l) }
    }
}
