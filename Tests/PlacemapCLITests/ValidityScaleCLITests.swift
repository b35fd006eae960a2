import Foundation
import PlaceTestSupport
import Testing

/// Validity at scale through the binary (issue 25, item 5): large jagged polygons are checked by the
/// sweep; a large feature the sweep must leave to GEOS is reported as not checked, with the way on,
/// and `validate` (asked for by name) still decides it.
@Suite struct ValidityScaleCLITests {
    /// A strip 100 km wide whose lower edge is a sawtooth of `teeth` teeth (2 × teeth + 2 points), in
    /// EPSG:27700, with whole-metre and half-metre coordinates (exact in text); with `touchingHole`, a
    /// triangular hole touching the strip's top-left corner at one point (valid: GEOS decides).
    static func strip(teeth: Int, touchingHole: Bool, crossing: Bool = false) -> String {
        let (x0, y0) = (400_000.0, 300_000.0)
        var shell: [(Double, Double)] = []
        for i in 0...(2 * teeth) { shell.append((x0 + Double(i) * 100_000 / Double(2 * teeth), y0 + (i % 2 == 0 ? 0 : 1))) }
        if crossing { shell[7].1 = y0 + 2_000 }  // a tooth through the top edge: a self-intersection
        shell += [(x0 + 100_000, y0 + 1_000), (x0, y0 + 1_000), shell[0]]
        var rings = [shell]
        if touchingHole { rings.append([(x0, y0 + 1_000), (x0 + 10, y0 + 900), (x0 + 20, y0 + 950), (x0, y0 + 1_000)]) }
        return Shapes.collection(
            [Shapes.feature("{\"LAD24CD\":\"J1\",\"LAD24NM\":\"jagged\"}", Shapes.polygonJSON(rings))],
            extra: "\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::27700\"}},")
    }

    @Test func largeJaggedPolygonsAreCheckedBySweep() throws {
        let folder = Paths.temporaryFolder()
        let valid = Paths.write(Self.strip(teeth: 150_000, touchingHole: false), as: "valid.geojson", in: folder)
        let info = try placemap("info", valid)
        #expect(info.status == 0, "\(info.stderr)")
        #expect(info.stdout.contains("invalid:     none"), "\(info.stdout)")
        #expect(!info.stdout.contains("not checked"), "\(info.stdout)")
        let bad = Paths.write(Self.strip(teeth: 150_000, touchingHole: false, crossing: true), as: "bad.geojson", in: folder)
        let badInfo = try placemap("info", bad)
        #expect(badInfo.stdout.contains("invalid:     1 features"), "\(badInfo.stdout)")
        #expect(badInfo.stdout.contains("Self-intersection"), "\(badInfo.stdout)")
    }

    @Test func largeFeatureLeftToGEOSIsReportedNotChecked() throws {
        let folder = Paths.temporaryFolder()
        let path = Paths.write(Self.strip(teeth: 150_000, touchingHole: true), as: "touching.geojson", in: folder)
        let info = try placemap("info", path)
        #expect(info.status == 0, "\(info.stderr)")
        #expect(info.stdout.contains("not checked: 1 features"), "\(info.stdout)")
        #expect(info.stdout.contains("feature 0 (J1): validity not checked"), "\(info.stdout)")
        #expect(info.stdout.contains("placemap validate"), "\(info.stdout)")
        // validate asks GEOS whatever the size: one touch between hole and shell is valid.
        let validate = try placemap("validate", path)
        #expect(validate.status == 0, "\(validate.stdout) \(validate.stderr)")
        #expect(validate.stdout.contains("0 invalid"), "\(validate.stdout)")
    }
}
