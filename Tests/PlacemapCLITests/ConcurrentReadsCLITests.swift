import Foundation
import PlaceTestSupport
import Testing

/// `overlap` and `catchments` read their inputs at once; what they say reads as if one after the other.
@Suite struct ConcurrentReadsCLITests {
    /// A layer of two squares and one feature without a geometry (a warning when read).
    func layer(_ prefix: String, in folder: URL, x: Double) -> String {
        let features = [
            Shapes.feature(#"{"code":"\#(prefix)1"}"#, Shapes.polygonJSON([Shapes.square(x, 300_000, 1000)])),
            Shapes.feature(#"{"code":"\#(prefix)2"}"#, Shapes.polygonJSON([Shapes.square(x + 1000, 300_000, 1000)])),
            #"{"type":"Feature","properties":{"code":"\#(prefix)3"},"geometry":null}"#,
        ]
        return Paths.write(
            Shapes.collection(features, extra: #""crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::27700"}},"#),
            as: "\(prefix).geojson", in: folder)
    }

    @Test func warningsComeInTheOrderOfTheInputs() throws {
        let folder = Paths.temporaryFolder()
        let a = layer("A", in: folder, x: 400_000)
        let b = layer("B", in: folder, x: 400_500)
        for _ in 0..<5 {
            let result = try placemap("overlap", a, b, "--a-code", "code", "--b-code", "code", "-o", "-")
            #expect(result.status == 0, "\(result.stderr)")
            let lines = result.stderr.split(separator: "\n").filter { $0.contains("null geometry") }
            #expect(lines.count == 2)
            #expect(lines.first?.contains("A.geojson") == true && lines.last?.contains("B.geojson") == true, "\(result.stderr)")
        }
    }

    @Test func theFirstInputsErrorIsTheOneSaid() throws {
        let folder = Paths.temporaryFolder()
        let broken = Paths.write("{\"type\": \"FeatureCollection\", \"features\": [", as: "broken.geojson", in: folder)
        let missing = folder.appendingPathComponent("missing.geojson").path
        let first = try placemap("overlap", broken, missing, "-o", "-")
        #expect(first.status == 65, "\(first.stderr)")
        #expect(first.stderr.contains("broken.geojson") && !first.stderr.contains("missing.geojson"), "\(first.stderr)")
        let good = layer("A", in: folder, x: 400_000)
        let second = try placemap("overlap", good, missing, "--a-code", "code", "-o", "-")
        #expect(second.status != 0 && second.stderr.contains("missing.geojson"), "\(second.stderr)")
    }
}
