import Foundation
import PlaceGeometry
import Testing

/// The native WGS 84 ↔ British National Grid transform against PROJ itself, and where it is used.
@Suite struct OSGBHelmertTests {
    /// EPSG's published extent of "OSGB36 to WGS 84 (6)": Great Britain onshore and the Isle of Man.
    static let helmertArea = Bounds(minX: -8.82, minY: 49.79, maxX: 1.92, maxY: 60.94)

    /// Whether PROJ, on its own, takes the Helmert (6) operation for this point.
    static func projTakesHelmert(_ t: CoordinateTransform, _ x: Double, _ y: Double) throws -> Bool {
        _ = try t.transform(x: x, y: y)
        return try #require(t.lastUsedOperation()).name.contains("OSGB36 to WGS 84 (6)")
    }

    /// A uniform value in `range` from the suite's deterministic generator.
    static func uniform(_ range: ClosedRange<Double>, _ g: inout SplitMix) -> Double {
        range.lowerBound + (range.upperBound - range.lowerBound) * Double(g.next() >> 11) / Double(1 << 53)
    }

    /// On this machine's PROJ the native path is on exactly when PROJ itself takes the Helmert (6)
    /// operation in the middle of England (without the OSTN15 grid); with the grid it must be off.
    @Test func nativePathIsOnOnlyWherePROJTakesTheHelmert() throws {
        let proj = try CoordinateTransform(from: .wgs84, to: .britishNationalGrid, native: false)
        let helmert = try Self.projTakesHelmert(proj, -1.5, 52.5)
        let forward = OSGBHelmertCheck.forward
        let inverse = OSGBHelmertCheck.inverse
        #expect((forward.area != nil) == helmert, "\(forward.reason)")
        #expect((inverse.area != nil) == helmert, "\(inverse.reason)")
        if let area = forward.area {
            // Inside EPSG's area of use by the margin, no more.
            #expect(abs(area.minX - (Self.helmertArea.minX + 1e-6)) < 1e-12 && abs(area.maxY - (Self.helmertArea.maxY - 1e-6)) < 1e-12)
            #expect(forward.largestDifference <= 1e-6 && inverse.largestDifference <= 1e-6)
            print("sample: forward differs from PROJ by \(forward.largestDifference) m, inverse by \(inverse.largestDifference) m")
        }
        // Any other pair of CRSs is PROJ's alone.
        #expect(try CoordinateTransform(from: .wgs84, to: CRS(epsg: 3857)).nativeArea == nil)
        #expect(try CoordinateTransform(from: CRS(epsg: 4258), to: .britishNationalGrid).nativeArea == nil)
    }

    /// Random points over and around Great Britain, one call each: the native path is taken exactly
    /// strictly inside the operation's area (by the margin), PROJ's own choice there is the Helmert,
    /// and every result is PROJ's within 1e-6 m.
    @Test func randomPointsForwardMatchPROJAndFallBackOutsideTheArea() throws {
        let mixed = try CoordinateTransform(from: .wgs84, to: .britishNationalGrid)
        let proj = try CoordinateTransform(from: .wgs84, to: .britishNationalGrid, native: false)
        // Off (the OSTN15 grid installed, say): every point must go to PROJ.
        let on = mixed.nativeArea != nil
        var random = SplitMix(seed: 27700)
        var largest = 0.0
        var native = 0
        var fallback = 0
        for k in 0..<20_000 {
            // Mostly around the area's edges, some far outside, some exactly on them.
            var x = Self.uniform(-12...5, &random)
            var y = Self.uniform(47...63, &random)
            if k % 10 == 0 { x = [-8.82, 1.92, -8.82 + 1e-6, 1.92 - 2e-6][k / 10 % 4] }
            if k % 10 == 5 { y = [49.79, 60.94, 49.79 + 2e-6, 60.94 - 1e-6][k / 10 % 4] }
            let before = mixed.nativePoints
            let a = try mixed.transform(x: x, y: y)
            let b = try proj.transform(x: x, y: y)
            let tookNative = mixed.nativePoints > before
            let strictlyInside =
                x > Self.helmertArea.minX + 1e-6 && x < Self.helmertArea.maxX - 1e-6 && y > Self.helmertArea.minY + 1e-6
                && y < Self.helmertArea.maxY - 1e-6
            #expect(tookNative == (on && strictlyInside), "point \(x), \(y)")
            if tookNative {
                native += 1
                #expect(try Self.projTakesHelmert(proj, x, y), "PROJ does not take the Helmert at \(x), \(y)")
            } else {
                fallback += 1
            }
            largest = max(largest, hypot(a.x - b.x, a.y - b.y))
        }
        print("forward: \(native) points native, \(fallback) by PROJ; largest difference \(largest) m")
        #expect(largest <= 1e-6)
        #expect(on ? native > 5000 && fallback > 5000 : native == 0)
    }

    /// The same the other way, on grid coordinates around the area's projected box.
    @Test func randomPointsInverseMatchPROJAndFallBackOutsideTheBox() throws {
        let mixed = try CoordinateTransform(from: .britishNationalGrid, to: .wgs84)
        let proj = try CoordinateTransform(from: .britishNationalGrid, to: .wgs84, native: false)
        // Off (the OSTN15 grid installed, say): every point must go to PROJ.
        let area = mixed.nativeArea
        var random = SplitMix(seed: 4326)
        var largest = 0.0
        var native = 0
        for _ in 0..<20_000 {
            let x = Self.uniform(-300_000...1_000_000, &random)
            let y = Self.uniform(-200_000...1_400_000, &random)
            let before = mixed.nativePoints
            let a = try mixed.transform(x: x, y: y)
            let b = try proj.transform(x: x, y: y)
            let tookNative = mixed.nativePoints > before
            #expect(tookNative == (area.map { x > $0.minX && x < $0.maxX && y > $0.minY && y < $0.maxY } ?? false))
            if tookNative {
                native += 1
                #expect(try Self.projTakesHelmert(proj, x, y), "PROJ does not take the Helmert at \(x), \(y)")
            }
            // Degrees to metres: a degree is under 112 km.
            largest = max(largest, hypot(a.x - b.x, a.y - b.y) * 112_000)
        }
        print("inverse: \(native) points native; largest difference \(largest) m")
        #expect(largest <= 1e-6)
        #expect(area == nil ? native == 0 : native > 5000 && native < 19_000)
    }

    /// One point outside the area sends the whole call to PROJ; a bad point still fails as before.
    @Test func aCallWithOnePointOutsideGoesWhollyToPROJ() throws {
        let t = try CoordinateTransform(from: .wgs84, to: .britishNationalGrid)
        guard t.nativeArea != nil else {
            var xy = [-1.5, 52.5, 0.1, 51.5]
            try t.transform(&xy)
            #expect(t.nativePoints == 0 && t.projPoints == 2)
            return
        }
        var inside = [-1.5, 52.5, 0.1, 51.5]
        try t.transform(&inside)
        #expect(t.nativePoints == 2 && t.projPoints == 0)
        #expect(try #require(t.lastUsedOperation()).name.contains("OSGB36 to WGS 84 (6)"))
        var mixed = [-1.5, 52.5, 0.1, 51.5, -10, 52]
        try t.transform(&mixed)
        #expect(t.nativePoints == 2 && t.projPoints == 3)
        #expect(try #require(t.lastUsedOperation()).name.contains("Ballpark"))
        var bad = [-1.5, 52.5, .nan, 51.5]
        #expect(throws: GeometryError.self) { try t.transform(&bad) }
        #expect(t.nativePoints == 2)
    }

    /// Known points of the grid: the native transform gives PROJ's figures to the nanometre.
    @Test func nativeMatchesPROJToTheNanometreOnLandmarks() throws {
        let model = OSGBHelmert()
        let proj = try CoordinateTransform(from: .wgs84, to: .britishNationalGrid, native: false)
        // Greenwich, Land's End, John o' Groats, Lowestoft, St Michael's Mount.
        for (lon, lat) in [(0.0, 51.4769), (-5.7148, 50.0657), (-3.0707, 58.6373), (1.7628, 52.4811), (-5.4778, 50.1179)] {
            let n = model.forward(longitude: lon, latitude: lat)
            let p = try proj.transform(x: lon, y: lat)
            #expect(abs(n.easting - p.x) < 1e-9 && abs(n.northing - p.y) < 1e-9, "\(lon), \(lat): \(n) vs \(p)")
            let back = model.inverse(easting: p.x, northing: p.y)
            let q = try CoordinateTransform(from: .britishNationalGrid, to: .wgs84, native: false).transform(x: p.x, y: p.y)
            #expect(abs(back.longitude - q.x) < 1e-14 && abs(back.latitude - q.y) < 1e-14)
        }
    }
}
