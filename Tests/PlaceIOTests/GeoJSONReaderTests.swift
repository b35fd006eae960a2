import PlaceGeometry
import PlaceIO
import PlaceTestSupport
import Testing

@Suite struct GeoJSONReaderTests {
    func parse(_ text: String, crs: CRS? = nil) throws(PlacemapError) -> Layer {
        try GeoJSONReader.parse(Array(text.utf8), source: "test.geojson", crs: crs)
    }

    /// The PlacemapError that parsing `text` raises.
    func failure(_ text: String) -> PlacemapError? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error
        }
    }

    let square = Shapes.polygonJSON([Shapes.square(0, 50, 1)])

    @Test func keepsPropertiesIdAndCoordinates() throws {
        let text = """
            {"type": "FeatureCollection", "name": "demo", "features": [
              {"type": "Feature", "id": 7, "properties": {"LAD24CD": "E06000001", "LAD24NM": "Hartlepool", "pop": 92338,
               "nested": {"a": [1, true, null]}, "quote": "say \\"hi\\" \\u00e9"},
               "geometry": {"coordinates": [[[-1.25, 54.7], [-1.2, 54.7], [-1.2, 54.75], [-1.25, 54.7]]], "type": "Polygon"}}
            ]}
            """
        let layer = try parse(text)
        #expect(layer.name == "demo")
        #expect(layer.crs == .wgs84)
        let f = try #require(layer.features.first)
        #expect(f.id == .number(7))
        #expect(f.properties.keys == ["LAD24CD", "LAD24NM", "pop", "nested", "quote"])
        #expect(f.properties["pop"] == .number(92338))
        #expect(f.properties["quote"] == .string("say \"hi\" é"))
        #expect(f.properties["nested"] == .object(JSONObject([("a", .array([.number(1), .bool(true), .null]))])))
        #expect(f.shape.kind == .polygon)
        #expect(f.shape.coordinates == [-1.25, 54.7, -1.2, 54.7, -1.2, 54.75, -1.25, 54.7])
        #expect(f.shape.ringEnds == [4] && f.shape.polygonEnds == [1])
    }

    @Test func readsEveryGeometryKindAndNumberForm() throws {
        let text = Shapes.collection([
            Shapes.feature("{}", "{\"type\":\"Point\",\"coordinates\":[1.5e0,-2.25E+1,100]}"),
            Shapes.feature("{}", "{\"type\":\"MultiPoint\",\"coordinates\":[[0,0],[1,1]]}"),
            Shapes.feature(
                "{}",
                "{\"type\":\"MultiPolygon\",\"coordinates\":[[\(Shapes.ringJSON(Shapes.square(0, 0, 1)))],[\(Shapes.ringJSON(Shapes.square(2, 2, 1)))]]}"
            ),
            Shapes.feature("null", "{\"type\":\"Point\",\"coordinates\":[0.1234567890123456789,-0.000001]}"),
        ])
        let layer = try parse(text)
        #expect(layer.features.map(\.shape.kind) == [.point, .multiPoint, .multiPolygon, .point])
        #expect(layer.features[0].shape.coordinates == [1.5, -22.5])
        #expect(layer.features[2].shape.polygonEnds == [1, 2])
        #expect(layer.features[3].shape.coordinates == [0.1234567890123456789, -0.000001])
    }

    @Test func honoursALegacyCRSMember() throws {
        let text = Shapes.collection(
            [Shapes.feature("{}", Shapes.polygonJSON([Shapes.square(400_000, 300_000, 100)]))],
            extra: "\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::27700\"}},")
        #expect(try parse(text).crs == .britishNationalGrid)
    }

    @Test func malformedJSONSaysLineAndColumn() throws {
        let error = try #require(failure("{\"type\": \"FeatureCollection\",\n  \"features\": [\n    {\"type\": \"Feature\" \"x\"}]}"))
        #expect(error.kind == .badData && error.exitCode == 65)
        #expect(error.line == 3 && error.column == 24)
        #expect(error.description.contains("test.geojson:3:24"))
        #expect(error.description.contains("expected ',' or '}'"))
    }

    @Test func collectionWithoutFeatures() throws {
        let error = try #require(failure("{\"type\": \"FeatureCollection\"}"))
        #expect(error.message.contains("no \"features\""))
    }

    @Test func wrongGeometryTypeNamesFeatureAndCode() throws {
        let line = "{\"type\":\"LineString\",\"coordinates\":[[0,0],[1,1]]}"
        let error = try #require(
            failure(
                Shapes.collection([
                    Shapes.feature("{\"code\":\"A\"}", square), Shapes.feature("{\"code\":\"B\"}", line),
                ])))
        #expect(error.featureIndex == 1 && error.featureCode == "B")
        #expect(error.message.contains("\"LineString\" is not supported"))
    }

    @Test func unclosedRing() throws {
        let ring = "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1]]]}"
        let error = try #require(failure(Shapes.collection([Shapes.feature("{\"x_code\":\"Q\"}", ring)])))
        #expect(error.message.contains("not closed"))
        #expect(error.featureIndex == 0 && error.featureCode == "Q")
    }

    @Test func ringWithTooFewPoints() throws {
        let ring = "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[0,0]]]}"
        let error = try #require(failure(Shapes.collection([Shapes.feature("{}", ring)])))
        #expect(error.message.contains("3 positions; a closed ring needs at least 4"))
    }

    @Test func nanAndInfiniteCoordinates() throws {
        let nan = try #require(failure(Shapes.collection([Shapes.feature("{}", "{\"type\":\"Point\",\"coordinates\":[NaN,1]}")])))
        #expect(nan.message.contains("NaN and Infinity are not JSON numbers"))
        let huge = try #require(failure(Shapes.collection([Shapes.feature("{}", "{\"type\":\"Point\",\"coordinates\":[1e999,1]}")])))
        #expect(huge.message.contains("not a finite number"))
    }

    @Test func emptyAndMissingGeometries() throws {
        let empty = try #require(failure(Shapes.collection([Shapes.feature("{}", "{\"type\":\"Polygon\",\"coordinates\":[]}")])))
        #expect(empty.message.contains("empty"))
        // A null geometry is an unlocated feature (RFC 7946 §3.2): left out with a warning, not an error.
        let unlocated = try GeoJSONReader.parse(Array(Shapes.collection([Shapes.feature("{}", "null")]).utf8), source: "n.geojson")
        #expect(unlocated.features.isEmpty && unlocated.warnings.count == 1)
        // A feature without a geometry member is malformed.
        let missing = try #require(failure("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{}}]}"))
        #expect(missing.message.contains("no geometry"))
    }

    @Test func nonUTF8Text() throws {
        var bytes = Array(Shapes.collection([Shapes.feature("{\"name\":\"Caf_\"}", square)]).utf8)
        let i = try #require(bytes.firstIndex(of: UInt8(ascii: "_")))
        bytes[i] = 0xE9  // Latin-1 é
        #expect(throws: PlacemapError.self) { try GeoJSONReader.parse(bytes, source: "latin1.geojson") }
        do {
            _ = try GeoJSONReader.parse(bytes, source: "latin1.geojson")
        } catch {
            #expect(error.message.contains("not valid UTF-8"))
        }
    }

    @Test func emptyFileAndMissingFile() throws {
        #expect(failure("  \n")?.message == "the file is empty")
        do {
            _ = try GeoJSONReader.read(path: "/nonexistent/x.geojson")
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .io && error.exitCode == 74)
        }
    }

    @Test func projectedCoordinatesWithoutCRSAreRejected() throws {
        let bng = Shapes.collection([Shapes.feature("{\"c_code\":\"Z\"}", Shapes.polygonJSON([Shapes.square(400_000, 300_000, 100)]))])
        let error = try #require(failure(bng))
        #expect(error.message.contains("not longitude/latitude"))
        #expect(error.hint?.contains("--crs 27700") == true)
        #expect(try parse(bng, crs: .britishNationalGrid).crs == .britishNationalGrid)
    }

    @Test func degreesClaimingToBeBritishNationalGridAreRejected() throws {
        let text = Shapes.collection(
            [Shapes.feature("{}", square)],
            extra: "\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:27700\"}},")
        #expect(failure(text)?.message.contains("look like longitude/latitude") == true)
    }

    @Test func duplicateMemberIsAnError() throws {
        let error = try #require(failure("{\"type\":\"FeatureCollection\",\"features\":[],\"features\":[]}"))
        #expect(error.message.contains("appears twice"))
    }
}

/// Files over 1 MiB are parsed on every core; problems must still be reported exactly.
@Suite struct LargeGeoJSONTests {
    func big(_ broken: (Int, String)? = nil) -> String {
        let features = (0..<8000).map { i -> String in
            if let (at, text) = broken, at == i { return text }
            return Shapes.feature(
                "{\"c_code\":\"F\(i)\",\"note\":\"a [tricky] {string}, with \\\"quotes\\\"\"}",
                Shapes.polygonJSON([Shapes.square(-1 + Double(i % 100) * 0.01, 52, 0.005)]))
        }
        return Shapes.collection(features)
    }

    @Test func parsesEveryFeatureInOrder() throws {
        let text = big()
        #expect(text.utf8.count > 1 << 20)
        let layer = try GeoJSONReader.parse(Array(text.utf8), source: "big.geojson")
        #expect(layer.features.count == 8000)
        #expect(layer.features[7999].properties["c_code"] == .string("F7999"))
        #expect(layer.features[123].properties["note"] == .string("a [tricky] {string}, with \"quotes\""))
    }

    @Test func reportsAProblemDeepInsideLikeTheSerialParser() throws {
        let unclosed = Shapes.feature("{\"c_code\":\"BAD\"}", "{\"type\":\"Polygon\",\"coordinates\":[[[0,52],[1,52],[1,53],[0,53]]]}")
        do {
            _ = try GeoJSONReader.parse(Array(big((6543, unclosed)).utf8), source: "big.geojson")
            Issue.record("expected an error")
        } catch {
            #expect(error.featureIndex == 6543 && error.featureCode == "BAD")
            #expect(error.message.contains("not closed"))
        }
        do {
            _ = try GeoJSONReader.parse(Array(big((7000, "{\"type\":\"Feature\" oops}")).utf8), source: "big.geojson")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 7002 && error.featureIndex == 7000)
        }
    }
}

@Suite struct GeoJSONNullGeometryTests {
    @Test func aNullGeometryIsLeftOutWithAWarning() throws {
        let text = """
            {"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"code":"A"},"geometry":null},
            {"type":"Feature","properties":{"code":"B"},"geometry":{"type":"Point","coordinates":[-1.5,53.7]}}]}
            """
        let layer = try GeoJSONReader.parse(Array(text.utf8), source: "n.geojson")
        #expect(layer.features.count == 1)
        #expect(layer.features[0].properties["code"] == .string("B"))
        #expect(layer.warnings == ["1 feature with a null geometry left out"])
    }
}
