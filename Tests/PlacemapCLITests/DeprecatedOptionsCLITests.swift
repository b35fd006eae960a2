import Foundation
import PlaceTestSupport
import Testing

/// The old option spellings (before one vocabulary: `--R-lookup`, `--R-lookup-code`, `--R-by`,
/// `--R-by-name`, `--snap`, shares from 0 to 1) still work for one release, give the same files as
/// the new spellings, and warn on stderr naming the new spelling.
@Suite struct DeprecatedOptionsCLITests {
    func read(_ folder: URL, _ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    @Test func diffsOldLookupSpellingsGiveTheSameFilesAndWarn() throws {
        let folder = DiffCLITests.fixture()
        _ = Paths.write("blk_code,population_aged_65_and_over\nB1,4\nB2,5\nB3,10\nB4,10\n", as: "ages.csv", in: folder)
        let common = ["--blocks", "blocks.geojson", "--population", "people.csv", "--attributes", "ages.csv"]
        let new = try run(
            Paths.placemap,
            [
                "diff", "old.csv", "new.csv", "--old-lookup-code", "blk_code", "--old-by", "sys_code", "--old-by-name", "sys_name",
                "--new-lookup-code", "blk_code", "--places-lookup", "places.csv", "--places-lookup-code", "blk_code", "--places-by",
                "place_code", "--population-lookup-code", "blk_code", "--attributes-lookup-code", "blk_code", "--out", "new",
            ] + common, in: folder)
        #expect(new.status == 0, "\(new.stderr)")
        #expect(!new.stderr.contains("deprecated"), "\(new.stderr)")
        let old = try run(
            Paths.placemap,
            [
                "diff", "old.csv", "new.csv", "--old-block-code", "blk_code", "--old-code", "sys_code", "--old-name", "sys_name",
                "--new-block-code", "blk_code", "--places", "places.csv", "--places-block-code", "blk_code", "--places-code",
                "place_code", "--population-code", "blk_code", "--attributes-code", "blk_code", "--out", "old",
            ] + common, in: folder)
        #expect(old.status == 0, "\(old.stderr)")
        for name in ["moves.csv", "areas.csv", "places.csv", "systems.csv"] {
            #expect(try read(folder, "old/" + name) == read(folder, "new/" + name), "\(name)")
        }
        for (spelling, replacement) in [
            ("--old-block-code", "--old-lookup-code"), ("--new-block-code", "--new-lookup-code"),
            ("--places-block-code", "--places-lookup-code"), ("--old-code for a lookup", "--old-by"),
            ("--old-name for a lookup", "--old-by-name"), ("--places with a lookup (.csv)", "--places-lookup"),
            ("--places-code for a lookup", "--places-by"), ("--population-code", "--population-lookup-code"),
            ("--attributes-code", "--attributes-lookup-code"),
        ] {
            #expect(
                old.stderr.contains("placemap: warning: \(spelling) is deprecated and will be removed; use \(replacement)\n"),
                "\(spelling): \(old.stderr)")
        }
    }

    @Test func contiguitysToleranceIsNowSnap() throws {
        let folder = DiffCLITests.fixture()
        let new = try run(Paths.placemap, ["contiguity", "blocks.geojson", "--snap", "1", "--out", "new"], in: folder)
        let old = try run(Paths.placemap, ["contiguity", "blocks.geojson", "--tolerance", "1", "--out", "old"], in: folder)
        #expect(new.status == 0 && old.status == 0, "\(new.stderr)\(old.stderr)")
        #expect(try read(folder, "old/edges.csv") == read(folder, "new/edges.csv"))
        #expect(!new.stderr.contains("deprecated"))
        #expect(old.stderr.contains("--tolerance is deprecated and will be removed; use --snap"), "\(old.stderr)")
        let negative = try run(Paths.placemap, ["contiguity", "blocks.geojson", "--tolerance=-1", "--out", "neg"], in: folder)
        #expect(negative.status == 64 && negative.stderr.contains("--snap must be a distance in metres"), "\(negative.stderr)")
    }

    /// `lookup --audit` with `--audit-code`/`--audit-area` and with `--audit-lookup-code`/`--audit-by`.
    @Test func lookupAuditColumnsOldAndNew() throws {
        let folder = DiffCLITests.fixture()
        let crs = "\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::27700\"}},"
        let systems = [
            Shapes.feature("{\"sys_code\":\"S1\"}", Shapes.polygonJSON([Shapes.rectangle(400_100, 300_000, 400_300, 300_100)])),
            Shapes.feature("{\"sys_code\":\"S2\"}", Shapes.polygonJSON([Shapes.rectangle(400_300, 300_000, 400_500, 300_100)])),
        ]
        _ = Paths.write(Shapes.collection(systems, extra: crs), as: "systems.geojson", in: folder)
        // The lookup puts B2 in S2, which the geometry contradicts.
        _ = Paths.write("block,area\nB1,S1\nB2,S2\nB3,S2\nB4,S2\n", as: "lookup.csv", in: folder)
        let new = try run(
            Paths.placemap,
            [
                "lookup", "blocks.geojson", "systems.geojson", "--audit", "lookup.csv", "--audit-lookup-code", "block", "--audit-by",
                "area",
                "-o", "audit-new.csv",
            ], in: folder)
        let old = try run(
            Paths.placemap,
            [
                "lookup", "blocks.geojson", "systems.geojson", "--audit", "lookup.csv", "--audit-code", "block", "--audit-area", "area",
                "-o", "audit-old.csv",
            ], in: folder)
        #expect(new.status == 0 && old.status == 0, "\(new.stderr)\(old.stderr)")
        #expect(try read(folder, "audit-new.csv").contains("B2"))
        #expect(try read(folder, "audit-old.csv") == read(folder, "audit-new.csv"))
        #expect(!new.stderr.contains("deprecated"))
        #expect(old.stderr.contains("--audit-code is deprecated and will be removed; use --audit-lookup-code"), "\(old.stderr)")
        #expect(old.stderr.contains("--audit-area is deprecated and will be removed; use --audit-by"), "\(old.stderr)")
    }

    /// Every share option has the one range, 0 to 1, and says so.
    @Test(arguments: [
        ["overlap", "a.geojson", "b.geojson", "--min-share"], ["lookup", "a.geojson", "b.geojson", "--min-share"],
        ["catchments", "--min-share"], ["catchments", "--span-share"],
        ["coterminosity", "--places", "a.geojson", "--systems", "b.geojson", "--sliver-share"],
    ])
    func aShareOutsideZeroToOneIsAUsageError(arguments: [String]) throws {
        let result = try placemap(arguments + ["1.5"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("a share is a number from 0 to 1"), "\(result.stderr)")
    }
}
