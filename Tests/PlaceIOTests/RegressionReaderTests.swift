import Foundation
import PlaceGeometry
import PlaceIO
import PlaceTestSupport
import Testing

/// Reproducers of the findings of issue 13 in the readers: each failed (crashed or answered wrong)
/// before its fix.
@Suite struct RegressionReaderTests {
    func failure(_ bytes: [UInt8], crs: CRS? = nil) -> PlacemapError? {
        do {
            _ = try GeoJSONReader.parse(bytes, source: "r.geojson", crs: crs)
            return nil
        } catch {
            return error
        }
    }
    func failure(_ text: String, crs: CRS? = nil) -> PlacemapError? { failure(Array(text.utf8), crs: crs) }

    let ring = "[[0,50],[0.01,50],[0.01,50.01],[0,50]]"
    func feature(_ geometry: String, _ properties: String = "{\"c\":\"x\"}") -> String {
        "{\"type\":\"Feature\",\"properties\":\(properties),\"geometry\":\(geometry)}"
    }
    /// A FeatureCollection over 1 MiB (the parallel parse path) with `special` as feature 3000.
    func large(with special: String) -> String {
        let plain = feature("{\"type\":\"Polygon\",\"coordinates\":[\(ring)]}")
        var features = Array(repeating: plain, count: 12_000)
        features[3000] = special
        let text = "{\"type\":\"FeatureCollection\",\"features\":[" + features.joined(separator: ",") + "]}"
        #expect(text.utf8.count > 1 << 20)
        return text
    }

    @Test func trailingBackslashIsAnUnterminatedString() {
        for text in ["{\"\\", "{\"a\\", "{\"type\":\"FeatureCollection\",\"features\":[\"\\", "[\"\\\\\\"] {
            let e = failure(text)
            #expect(e?.exitCode == 65, "\(text)")
        }
        #expect(failure("{\"\\")?.message.contains("unterminated string") == true)
    }

    @Test func trailingBackslashInALargeFile() {
        var text = large(with: feature("{\"type\":\"Polygon\",\"coordinates\":[\(ring)]}"))
        text.removeLast(2)
        text += ",\"\\"
        #expect(failure(text)?.exitCode == 65)
    }

    @Test func deepCoordinatesAreRefusedWithTheirPlace() {
        let deep = String(repeating: "[", count: 52_000) + String(repeating: "]", count: 52_000)
        let text = "{\"type\":\"FeatureCollection\",\"features\":[\n" + feature("{\"type\":\"Polygon\",\"coordinates\":\(deep)}") + "]}"
        let e = failure(text)
        #expect(e?.exitCode == 65)
        #expect(e?.line == 2 && e?.column != nil)
        #expect(e?.message.contains("nested 52000 deep") == true, "\(String(describing: e))")
    }

    @Test func deepCoordinatesInALargeFile() {
        let deep = String(repeating: "[", count: 60_000) + String(repeating: "]", count: 60_000)
        let e = failure(large(with: feature("{\"type\":\"Polygon\",\"coordinates\":\(deep)}")))
        #expect(e?.exitCode == 65)
        #expect(e?.featureIndex == 3000)
        #expect(e?.message.contains("nested 60000 deep") == true)
    }

    @Test func fiveLevelsAreTooDeep() {
        let e = failure(
            "{\"type\":\"FeatureCollection\",\"features\":[" + feature("{\"type\":\"MultiPolygon\",\"coordinates\":[[[\(ring)]]]}") + "]}")
        #expect(e?.message.contains("nested 5 deep") == true)
    }

    @Test func deepPropertiesInALargeFileAreRefusedNotCrashed() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let e = failure(large(with: feature("{\"type\":\"Polygon\",\"coordinates\":[\(ring)]}", "{\"d\":\(deep)}")))
        #expect(e?.exitCode == 65)
        #expect(e?.message.contains("nested too deeply") == true)
    }

    @Test func duplicateGeometryMembersAreRefused() {
        for geometry in [
            "{\"type\":\"Polygon\",\"coordinates\":[\(ring)],\"coordinates\":[\(ring)]}",
            "{\"type\":\"Polygon\",\"type\":\"Polygon\",\"coordinates\":[\(ring)]}",
        ] {
            let e = failure("{\"type\":\"FeatureCollection\",\"features\":[" + feature(geometry) + "]}")
            #expect(e?.exitCode == 65)
            #expect(e?.message.contains("appears twice") == true, "\(String(describing: e))")
        }
    }

    @Test func crsCodesMustBeKnownPositiveEPSGCodes() {
        #expect(CRS(name: "EPSG:-4326") == nil)
        #expect(CRS(name: "EPSG:4326x") == nil)
        #expect(CRS(name: "urn:ogc:def:crs:EPSG::27700") == CRS(epsg: 27700))
        #expect(CRS(name: "EPSG:4326") == .wgs84)
        #expect(!CRS(epsg: 99999).isKnown && !CRS(epsg: -4326).isKnown && CRS(epsg: 27700).isKnown)
        let body = "\"features\":[" + feature("{\"type\":\"Polygon\",\"coordinates\":[\(ring)]}") + "]}"
        for name in ["EPSG:99999", "EPSG:-4326"] {
            let e = failure("{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"\(name)\"}}," + body)
            #expect(e?.exitCode == 65 && e?.file == "r.geojson" && e?.line == 1, "\(name): \(String(describing: e))")
        }
        let e = failure("{\"type\":\"FeatureCollection\"," + body, crs: CRS(epsg: 99999))
        #expect(e?.exitCode == 64 && e?.file == "r.geojson")
    }

    @Test func areaOfUseOfBritishNationalGridComesFromPROJ() throws {
        let area = try #require(CRS.britishNationalGrid.areaOfUse)
        #expect(abs(area.minX - -9) < 0.1 && abs(area.maxX - 2.01) < 0.1)
        #expect(abs(area.minY - 49.75) < 0.1 && abs(area.maxY - 61.01) < 0.1)
    }

    @Test func countsAreFiniteNonNegativeDecimals() {
        for good in ["0", "1520", "0.25", " 7 ", "1e3", "12.5E-1"] { #expect(CSVTable.decimalCount(good) != nil, "\(good)") }
        for bad in ["", "-5", "+5", "0x10", "10\u{0}0", "NaN", "nan", "inf", "Infinity", "1e309", "1.", ".5", "1,000", "5 5", "١٢"] {
            #expect(CSVTable.decimalCount(bad) == nil, "\(bad)")
        }
        #expect(CSVTable.decimalCount("0x10") == nil)
    }

    @Test func countErrorsNameTheFileLineNotTheRecord() throws {
        let table = try CSVReader.parse(Array("code,note,n\nA,\"two\nlines\",5\nB,x,10\u{0}0\n".utf8), source: "p.csv")
        #expect(table.line(ofRow: 1) == 4)
        #expect(try table.count(row: 0, column: 2) == 5)
        do {
            _ = try table.count(row: 1, column: 2)
            Issue.record("10<NUL>0 was read as a number")
        } catch {
            #expect(error.line == 4 && error.file == "p.csv" && error.field == "n" && error.exitCode == 65)
            #expect(error.message.contains("\\u{0}"))
        }
    }
}
