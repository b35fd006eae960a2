import Foundation
import PlaceGeometry
import PlaceIO
import Testing

/// `Layer.reprojected` transforms runs of features of about equal numbers of points on every core and
/// gives each feature back its own points.
@Suite struct ReprojectionRunsTests {
    /// A closed ring of `n` points around (lon, lat) in degrees.
    func ring(_ n: Int, lon: Double, lat: Double) -> [(Double, Double)] {
        let points = (0..<n).map { k -> (Double, Double) in
            let a = 2 * Double.pi * Double(k) / Double(n)
            return (lon + 0.01 * cos(a), lat + 0.01 * sin(a))
        }
        return points + [points[0]]
    }

    @Test func featuresOfEverySizeGetTheirOwnPointsBack() throws {
        // A few very large features among many small ones: runs end inside no feature.
        let sizes = (0..<300).map { i in i % 97 == 5 ? 40_000 : 3 + i % 11 }
        let features = sizes.enumerated().map { i, n in
            Feature(
                properties: JSONObject([("code", .string("F\(i)"))]),
                shape: .polygon([ring(n, lon: -2 + Double(i % 20) * 0.05, lat: 52 + Double(i / 20) * 0.05)]))
        }
        let layer = Layer(name: "rings", source: "rings.geojson", crs: .wgs84, features: features)
        let projected = try layer.reprojected(to: .britishNationalGrid)
        #expect(projected.crs == .britishNationalGrid)
        #expect(projected.features.count == features.count)
        let transform = try CoordinateTransform(from: .wgs84, to: .britishNationalGrid)
        var worst = 0.0
        for (original, moved) in zip(features, projected.features) {
            var xy = original.shape.coordinates
            try transform.transform(&xy)
            #expect(moved.shape.coordinates.count == xy.count)
            for (p, q) in zip(moved.shape.coordinates, xy) { worst = max(worst, abs(p - q)) }
            #expect(moved.properties == original.properties)
        }
        #expect(worst <= 1e-6, "largest difference from one feature at a time: \(worst) m")
    }
}
