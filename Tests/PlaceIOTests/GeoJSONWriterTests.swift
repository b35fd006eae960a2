import Foundation
import PlaceGeometry
import PlaceIO
import PlaceTestSupport
import Testing

@Suite struct GeoJSONWriterTests {
    @Test func rfc7946OrientationDecimalsAndNoCRS() throws {
        // Exterior clockwise and hole counter-clockwise on input: both must be flipped.
        let shape = Shape.polygon([Array(Shapes.square(0, 50, 1).reversed()), Shapes.square(0.25, 50.25, 0.5)])
        let layer = Layer(
            name: "t", source: "t", crs: .wgs84,
            features: [
                Feature(id: .string("a"), properties: JSONObject([("code", .string("X")), ("n", .number(1.5))]), shape: shape)
            ])
        let text = try GeoJSONWriter().text(layer)
        #expect(!text.contains("\"crs\""))
        let back = try GeoJSONReader.parse(Array(text.utf8), source: "out")
        let s = back.features[0].shape
        #expect(s.signedDoubleArea(ring: 0) > 0)
        #expect(s.signedDoubleArea(ring: 1) < 0)
        #expect(back.features[0].id == .string("a"))
        #expect(back.features[0].properties["n"] == .number(1.5))
        #expect(text.contains("[0.25,50.25]"))
    }

    @Test func sixDecimalsByDefault() {
        var s = ""
        JSONText.append(fixed: -1.23456789, decimals: 6, to: &s)
        #expect(s == "-1.234568")
        s = ""
        JSONText.append(fixed: 0.0000004, decimals: 6, to: &s)
        #expect(s == "0")
        s = ""
        JSONText.append(fixed: 51.5, decimals: 6, to: &s)
        #expect(s == "51.5")
    }

    @Test func projectedOutputReadsBackExactly() throws {
        let shape = Shape.polygon([
            [
                (400_000.123456789, 300_000.987654321), (400_100.1, 300_000.2), (400_050.000001, 300_100.3),
                (400_000.123456789, 300_000.987654321),
            ]
        ])
        let layer = Layer(name: "bng", source: "t", crs: .britishNationalGrid, features: [Feature(shape: shape)])
        let text = try GeoJSONWriter(keepCRS: true).text(layer)
        #expect(text.contains("urn:ogc:def:crs:EPSG::27700"))
        let back = try GeoJSONReader.parse(Array(text.utf8), source: "back")
        #expect(back.crs == .britishNationalGrid)
        #expect(back.features[0].shape.coordinates == shape.coordinates)
    }
}
