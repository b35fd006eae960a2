import Foundation
import PlaceTestSupport
import Testing

/// `placemap info` and `placemap overlap` give the same answers on every format the LAD 2024
/// layer is converted to as on the GeoJSON itself, to the last digit they print.
@Suite(.enabled(if: GDALTools.available, "needs ogr2ogr (apt-get install gdal-bin)"))
struct FormatsCLITests {
    static let icb = Paths.geodata("built/icb24.geojson")

    /// The lines of `info` that do not depend on how the file stores things (path, layer name,
    /// Polygon vs MultiPolygon, field names).
    static func infoFacts(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map(String.init).filter { line in
            ["features:", "CRS:", "bounds:", "to EPSG:27700", "duplicates:", "invalid:", "total area:"].contains { line.contains($0) }
        }
    }

    @Test(arguments: ConvertedLAD.allCases)
    func infoAndTheOverlapTableAreTheSame(_ format: ConvertedLAD) throws {
        let path = try format.convert()
        let crs = format.needsCRS ? ["--crs", "4326"] : []
        let reference = try placemap("info", ConvertedLAD.original)
        let info = try run(Paths.placemap, ["info", path] + crs)
        #expect(info.status == 0, "\(info.stderr)")
        #expect(Self.infoFacts(info.stdout).count == 7)
        #expect(Self.infoFacts(info.stdout) == Self.infoFacts(reference.stdout))
        #expect(
            info.stdout.contains(
                format.renamesFields ? "code field:  LAD24CD   name field: LAD24NM" : "code field:  ltla24_code   name field: ltla24_name"))

        let expected = try placemap("overlap", ConvertedLAD.original, Self.icb)
        #expect(expected.status == 0, "\(expected.stderr)")
        let overlap = try run(Paths.placemap, ["overlap", path, Self.icb] + (format.needsCRS ? ["--a-crs", "4326"] : []))
        #expect(overlap.status == 0, "\(overlap.stderr)")
        let rows = overlap.stdout.split(whereSeparator: \.isNewline)
        let expectedRows = expected.stdout.split(whereSeparator: \.isNewline)
        #expect(expectedRows.count == 683)
        if format == .fileGeodatabase {
            // Its integer coordinate grid (1e-9°) moves boundaries by ~1e-14°: areas within 0.01 m²,
            // shares to the last digit, and pairs that only touch may show up with area 0.
            func parts(_ row: Substring) -> [String] { row.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            let ours = Dictionary(uniqueKeysWithValues: rows.map { (parts($0).dropLast(3).joined(separator: ","), parts($0)) })
            #expect(rows.first == expectedRows.first)
            for want in expectedRows.dropFirst().map(parts) {
                let got = try #require(ours[want.dropLast(3).joined(separator: ",")], "\(want) missing")
                #expect(got.suffix(2) == want.suffix(2), "\(got) vs \(want)")
                #expect(abs((Double(got[got.count - 3]) ?? .nan) - (Double(want[want.count - 3]) ?? .nan)) < 0.01, "\(got) vs \(want)")
            }
            let extra = rows.dropFirst().map(parts).filter { ours in !expectedRows.contains { parts($0).dropLast(3) == ours.dropLast(3) } }
            #expect(extra.allSatisfy { $0.suffix(3) == ["0", "0", "0"] }, "\(extra)")
        } else {
            // FlatGeobuf keeps features in its index's order, so rows may come in another order.
            #expect(rows.sorted() == expectedRows.sorted())
            if format != .flatGeobuf { #expect(rows == expectedRows) }
        }
    }
}
