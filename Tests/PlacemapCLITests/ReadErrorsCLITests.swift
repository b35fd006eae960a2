import Foundation
import PlaceTestSupport
import Testing

/// A source GDAL cannot read to the end is an error (exit 65, the file, the feature and GDAL's own
/// words), never a layer of the features read so far (issue 21, item 4; issue 25). Each damaged
/// file is made here from a small layer written by ogr2ogr.
@Suite(.enabled(if: GDALTools.available)) struct ReadErrorsCLITests {
    /// Twelve squares with a code and a name, as GeoJSON in EPSG:27700.
    static func squares(in folder: URL) -> String {
        let features = (0..<12).map { i in
            Shapes.feature(
                "{\"code\":\"E0600000\(String(format: "%02d", i))\",\"name\":\"Square number \(i) with a longer name\"}",
                Shapes.polygonJSON([Shapes.square(400_000 + Double(i) * 1000, 300_000, 900)]))
        }
        return Paths.write(
            Shapes.collection(features, extra: "\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::27700\"}},"),
            as: "squares.geojson", in: folder)
    }

    /// Converts the squares with ogr2ogr to `name` (format by `driver`) and returns its path.
    static func converted(_ name: String, driver: String, extra: [String] = []) throws -> (folder: URL, path: String) {
        let folder = Paths.temporaryFolder()
        let source = squares(in: folder)
        let path = folder.appendingPathComponent(name).path
        try GDALTools.convert(["-f", driver] + extra + [path, source])
        return (folder, path)
    }

    /// Runs `placemap info` and checks exit 65 with the file named and `words` in the message.
    func expectReadError(_ path: String, _ words: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let result = try placemap("info", path)
        #expect(result.status == 65, "\(result.status): \(result.stdout) \(result.stderr)", sourceLocation: sourceLocation)
        let name = URL(fileURLWithPath: path).lastPathComponent.split(separator: ":").first.map(String.init) ?? path
        #expect(result.stderr.contains(name), "\(result.stderr)", sourceLocation: sourceLocation)
        for word in words { #expect(result.stderr.contains(word), "\(word): \(result.stderr)", sourceLocation: sourceLocation) }
        #expect(!result.stdout.contains("features:"), "a partial layer was described", sourceLocation: sourceLocation)
    }

    /// The .dbf record count in its header (bytes 4–7, little endian) and the record layout.
    static func dbfLayout(_ data: Data) -> (records: Int, headerSize: Int, recordSize: Int) {
        func le(_ at: Int, _ n: Int) -> Int { (0..<n).reduce(0) { $0 | Int(data[data.startIndex + at + $1]) << (8 * $1) } }
        return (le(4, 4), le(8, 2), le(10, 2))
    }

    /// A /vsi… name with nothing behind it is an I/O error (74), as a missing file is, not bad data.
    @Test func aMissingVirtualFileIsAnIOError() throws {
        let zip = Paths.temporaryFolder().appendingPathComponent("none.zip").path
        let r = try placemap("info", "/vsizip/" + zip + "/places.geojson")
        #expect(r.status == 74, "\(r.stderr)")
        #expect(r.stderr.contains("no such file"), "\(r.stderr)")
    }

    @Test func aDbfWithFewerRecordsThanTheShpIsAnError() throws {
        let (_, shp) = try Self.converted("squares.shp", driver: "ESRI Shapefile")
        let dbf = URL(fileURLWithPath: String(shp.dropLast(4)) + ".dbf")
        var data = try Data(contentsOf: dbf)
        let layout = Self.dbfLayout(data)
        #expect(layout.records == 12)
        // A consistent .dbf of 9 records beside a .shp and .shx of 12.
        data = data.prefix(layout.headerSize + 9 * layout.recordSize) + Data([0x1A])
        data[data.startIndex + 4] = 9
        try data.write(to: dbf)
        try expectReadError(shp, ["declares 12 features but 9 could be read"])
    }

    @Test func aTruncatedDbfIsAnError() throws {
        let (_, shp) = try Self.converted("squares.shp", driver: "ESRI Shapefile")
        let dbf = URL(fileURLWithPath: String(shp.dropLast(4)) + ".dbf")
        let data = try Data(contentsOf: dbf)
        let layout = Self.dbfLayout(data)
        // Cut in the middle of the seventh record; the header still says 12.
        try data.prefix(layout.headerSize + 6 * layout.recordSize + layout.recordSize / 2).write(to: dbf)
        try expectReadError(shp, ["GDAL"])
    }

    @Test func aTruncatedFlatGeobufIsAnError() throws {
        let (_, fgb) = try Self.converted("squares.fgb", driver: "FlatGeobuf", extra: ["-lco", "SPATIAL_INDEX=NO"])
        let data = try Data(contentsOf: URL(fileURLWithPath: fgb))
        try data.prefix(data.count * 2 / 3).write(to: URL(fileURLWithPath: fgb))
        try expectReadError(fgb, ["GDAL"])
    }

    @Test func aBrokenGeoJSONSeqLineIsAnError() throws {
        let (_, seq) = try Self.converted("squares.geojsonl", driver: "GeoJSONSeq")
        var lines = try String(contentsOfFile: seq, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.count == 12)
        lines[5] = String(lines[5].prefix(lines[5].count / 2))
        try (lines.joined(separator: "\n") + "\n").write(toFile: seq, atomically: true, encoding: .utf8)
        try expectReadError(seq, ["GDAL"])
    }

    @Test func aGeoPackageViewWhoseSQLFailsIsAnError() throws {
        let (_, gpkg) = try Self.converted("squares.gpkg", driver: "GPKG", extra: ["-nln", "squares"])
        // abs() of the smallest 64-bit integer is an SQLite error at run time, on the row with fid 7.
        for sql in [
            "CREATE VIEW broken AS SELECT fid, geom, code, name FROM squares WHERE abs(fid - 9223372036854775807 - 8) >= 0",
            "INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) VALUES ('broken', 'features', 'broken', 27700)",
            "INSERT INTO gpkg_geometry_columns VALUES ('broken', 'geom', 'POLYGON', 27700, 0, 0)",
        ] {
            try GDALTools.execute(gpkg, sql)
        }
        let whole = try placemap("info", gpkg + ":squares")
        #expect(whole.status == 0, "\(whole.stderr)")
        try expectReadError(gpkg + ":broken", ["GDAL", "integer overflow"])
    }

    @Test func aDeclaredCountThatDisagreesIsAnErrorAndReservesNothing() throws {
        let (_, gpkg) = try Self.converted("squares.gpkg", driver: "GPKG", extra: ["-nln", "squares"])
        // The header claims two billion features; the process must neither abort nor believe it.
        try GDALTools.execute(gpkg, "UPDATE gpkg_ogr_contents SET feature_count = 2000000000 WHERE table_name = 'squares'")
        let result = try placemap("info", gpkg)
        #expect(result.status == 65, "\(result.status): \(result.stderr)")
        #expect(result.stderr.contains("declares 2000000000 features but 12 could be read"), "\(result.stderr)")
    }

    /// Writes `count` into a FlatGeobuf header's `features_count` (field 8 of the Header table): the
    /// magic bytes, a 32-bit header size, then the header as a FlatBuffer (root offset, vtable).
    static func claimFeatures(_ count: UInt64, inFlatGeobuf path: String) throws {
        var data = try Data(contentsOf: URL(fileURLWithPath: path))
        func u32(_ at: Int) -> Int { (0..<4).reduce(0) { $0 | Int(data[at + $1]) << (8 * $1) } }
        func u16(_ at: Int) -> Int { Int(data[at]) | Int(data[at + 1]) << 8 }
        let table = 12 + u32(12)
        let vtable = table - Int(Int32(truncatingIfNeeded: u32(table)))
        let slot = 4 + 2 * 8
        guard u16(vtable) > slot, u16(vtable + slot) != 0 else { throw CocoaError(.fileReadCorruptFile) }
        let at = table + u16(vtable + slot)
        #expect((0..<8).reduce(UInt64(0)) { $0 | UInt64(data[at + $1]) << (8 * UInt64($1)) } == 12, "features_count found")
        for k in 0..<8 { data[at + k] = UInt8(truncatingIfNeeded: count >> (8 * UInt64(k))) }
        try data.write(to: URL(fileURLWithPath: path))
    }

    @Test(arguments: ["YES", "NO"]) func aFlatGeobufClaimingTwoBillionFeaturesDoesNotAbort(_ index: String) throws {
        let (_, fgb) = try Self.converted("squares.fgb", driver: "FlatGeobuf", extra: ["-lco", "SPATIAL_INDEX=\(index)"])
        try Self.claimFeatures(2_000_000_000, inFlatGeobuf: fgb)
        let result = try placemap("info", fgb)
        // Exit 65 or 74 with a message naming the file; never a signal, never a layer described.
        #expect([65, 74].contains(result.status), "\(result.status): \(result.stderr)")
        #expect(result.stderr.contains("squares.fgb"), "\(result.stderr)")
        #expect(!result.stdout.contains("features:"), "\(result.stdout)")
    }
}
