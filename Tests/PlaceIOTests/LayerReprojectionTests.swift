import Foundation
import PlaceGeometry
import PlaceIO
import PlaceTestSupport
import Testing

/// `Layer.reprojected` on the bundled England layers: the native WGS 84 ↔ British National Grid path
/// against PROJ alone, on every vertex.
@Suite struct LayerReprojectionTests {
    @Test(arguments: ["lsoa21_england.geojson", "msoa11_england.geojson", "lad24_england.geojson"])
    func everyVertexIsPROJsWithinAMicrometre(file: String) throws {
        let layer = try GeoJSONReader.read(path: Paths.geodata(file))
        #expect(layer.crs == .wgs84)
        let projected = try layer.reprojected(to: .britishNationalGrid)
        let back = try projected.reprojected(to: .wgs84)
        let forward = try CoordinateTransform(from: .wgs84, to: .britishNationalGrid, native: false)
        let inverse = try CoordinateTransform(from: .britishNationalGrid, to: .wgs84, native: false)
        // Counts which calls a transform allowed to go native would send to PROJ.
        let mixed = try CoordinateTransform(from: .wgs84, to: .britishNationalGrid)
        var largest = 0.0
        var largestBack = 0.0
        var points = 0
        for i in layer.features.indices {
            var xy = layer.features[i].shape.coordinates
            try forward.transform(&xy)
            var lonLat = projected.features[i].shape.coordinates
            try inverse.transform(&lonLat)
            let ours = projected.features[i].shape.coordinates
            let oursBack = back.features[i].shape.coordinates
            for p in stride(from: 0, to: xy.count, by: 2) {
                largest = max(largest, hypot(ours[p] - xy[p], ours[p + 1] - xy[p + 1]))
                // Degrees to metres: a degree is under 112 km.
                largestBack = max(largestBack, hypot(oursBack[p] - lonLat[p], oursBack[p + 1] - lonLat[p + 1]) * 112_000)
            }
            points += xy.count / 2
            var copy = layer.features[i].shape.coordinates
            try mixed.transform(&copy)
        }
        print("\(file): \(points) vertices; largest difference from PROJ \(largest) m, back to WGS 84 \(largestBack) m")
        #expect(largest <= 1e-6)
        #expect(largestBack <= 1e-6)
        // All of England lies inside the Helmert's area: where the native path is on, PROJ does no point.
        if mixed.nativeArea != nil {
            #expect(mixed.nativePoints == points && mixed.projPoints == 0, "\(mixed.nativePoints) native, \(mixed.projPoints) by PROJ")
        } else {
            #expect(mixed.projPoints == points)
        }
    }

    /// A feature outside Great Britain sends its chunk to PROJ: same coordinates as PROJ gives alone.
    @Test func featuresOutsideGreatBritainAreLeftToPROJ() throws {
        let square = { (x: Double, y: Double) in
            Feature(shape: Shape(kind: .polygon, coordinates: [x, y, x + 0.1, y, x + 0.1, y + 0.1, x, y + 0.1, x, y], ringEnds: [5]))
        }
        let layer = Layer(
            name: "t", source: "t", crs: .wgs84, features: [square(-1.5, 52.5), square(-10.5, 52.5), square(2.5, 48.5)])
        let projected = try layer.reprojected(to: .britishNationalGrid)
        let forward = try CoordinateTransform(from: .wgs84, to: .britishNationalGrid, native: false)
        for (f, g) in zip(layer.features, projected.features) {
            var xy = f.shape.coordinates
            try forward.transform(&xy)
            #expect(xy == g.shape.coordinates)
        }
    }

    /// A point PROJ cannot transform is still reported with its feature, as before.
    @Test func aBadPointStillNamesItsFeature() throws {
        let good = Feature(shape: Shape(kind: .point, coordinates: [-1.5, 52.5]))
        let bad = Feature(shape: Shape(kind: .point, coordinates: [-1.5, 95]))
        let layer = Layer(name: "t", source: "t.geojson", crs: .wgs84, features: [good, good, bad])
        let error = #expect(throws: PlacemapError.self) { try layer.reprojected(to: .britishNationalGrid) }
        #expect(error?.featureIndex == 2)
        #expect(error.map { "\($0)".contains("cannot reproject EPSG:4326 → EPSG:27700") } == true)
    }

    /// With PROJ's network enabled the OSTN15 grid operation (1 m) is a candidate for the pair, so PROJ
    /// may prefer it to the Helmert (6) and the native path must be off for the whole run (checked in
    /// its own process; the grid itself cannot be fetched here, which does not matter to the decision).
    @Test func theNativePathIsOffWhenPROJMayPreferTheOSTN15Grid() throws {
        let result = try run(
            CSVMemoryTests.bench, ["reproject", Paths.geodata("lad24_england.geojson")], environment: ["PROJ_NETWORK": "ON"])
        #expect(result.stdout.contains("PROJ may prefer Inverse of OSGB36 to WGS 84 (9)"), "\(result.stdout) \(result.stderr)")
        let plain = try run(
            CSVMemoryTests.bench, ["reproject", Paths.geodata("lad24_england.geojson")], environment: ["PROJ_NETWORK": "OFF"])
        #expect(plain.status == 0, "\(plain.stderr)")
        let off = try run(
            CSVMemoryTests.bench, ["reproject", Paths.geodata("lad24_england.geojson")], environment: ["PLACEMAP_PROJ_ONLY": "1"])
        #expect(off.stdout.contains("PLACEMAP_PROJ_ONLY is set") && off.stdout.contains(" 0 native"), "\(off.stdout)")
        // Without the network it is on exactly when PROJ takes the Helmert (6) in the middle of England.
        let proj = try CoordinateTransform(from: .wgs84, to: .britishNationalGrid, native: false)
        _ = try proj.transform(x: -1.5, y: 52.5)
        let helmert = proj.lastUsedOperation()?.name.contains("OSGB36 to WGS 84 (6)") == true
        #expect(plain.stdout.contains("computed natively inside the area") == helmert, "\(plain.stdout)")
    }
}
