import Foundation
import PlaceIO
import PlaceTestSupport
import Testing

/// Places and systems given as block lookups instead of polygons (issue 11, exact mode).
@Suite struct ExactModeCLITests {
    let weighting = [
        "--blocks", Paths.geodata("lsoa21_england.geojson"), "--population", Paths.geodata("census21_population_lsoa21.csv"),
    ]
    let lookups = [
        "--places-lookup", Paths.geodata("lookup_lsoa21_lad24.csv"), "--places-by", "ltla24_code",
        "--systems-lookup", Paths.geodata("lookup_lsoa21_sicbl24_icb24.csv"), "--systems-by", "icb24_code",
    ]

    /// The ONS lookups alone give the main job's figures exactly: the same places, pairs and systems
    /// tables, byte for byte, as the layers built from the same lookups (geodata/built/).
    @Test func lookupsReproduceTheMainJobExactly() throws {
        let folder = Paths.temporaryFolder()
        let exact = try placemap(
            ["coterminosity"] + lookups + weighting + ["--out", folder.appendingPathComponent("exact").path, "--quiet"])
        #expect(exact.status == 0, "\(exact.stderr)")
        let layers = try placemap(
            ["coterminosity", "--places", Paths.geodata("built/lad24.geojson"), "--systems", Paths.geodata("built/icb24.geojson")]
                + weighting + ["--out", folder.appendingPathComponent("layers").path, "--quiet"])
        #expect(layers.status == 0, "\(layers.stderr)")
        for name in ["places.csv", "pairs.csv", "systems.csv"] {
            let a = try Data(contentsOf: folder.appendingPathComponent("exact/\(name)"))
            let b = try Data(contentsOf: folder.appendingPathComponent("layers/\(name)"))
            #expect(a == b, "\(name) differs between lookups and layers")
        }
        let places = try CSVReader.read(path: folder.appendingPathComponent("exact/places.csv").path)
        #expect(places.rows.filter { $0[2] == "split" }.count == 13)
    }

    /// With both a layer and a lookup, the lookup is used and the report lists where the layer
    /// disagrees: against ONS's 500 m districts, only the Cherwell row is contradicted.
    @Test func aLayerAndALookupTogetherSayWhereTheyDisagree() throws {
        let folder = Paths.temporaryFolder().appendingPathComponent("both").path
        let result = try placemap(
            [
                "coterminosity", "--places", Paths.geodata("lad24_england.geojson"), "--places-lookup",
                Paths.geodata("lookup_lsoa21_lad24.csv"),
                "--places-by", "ltla24_code", "--systems", Paths.geodata("built/icb24.geojson"),
            ] + weighting + ["--out", folder])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("contradicted by the geometry beyond the tolerance: 1"))
        let audit = try CSVReader.read(path: folder + "/places_lookup_audit.csv")
        let contradicted = audit.rows.filter { $0.last == "contradicted" }
        #expect(contradicted.map { $0[0] } == ["E01027305"])
    }

    @Test func aLookupWithoutBlocksOrItsCodeColumnIsAUsageError() throws {
        let noBlocks = try placemap(
            "coterminosity", "--places-lookup", Paths.geodata("lookup_lsoa21_lad24.csv"), "--places-by", "ltla24_code",
            "--systems", Paths.geodata("built/icb24.geojson"))
        #expect(noBlocks.status == 64 && noBlocks.stderr.contains("--blocks"))
        let noBy = try placemap(
            [
                "coterminosity", "--places-lookup", Paths.geodata("lookup_lsoa21_lad24.csv"), "--systems",
                Paths.geodata("built/icb24.geojson"),
            ]
                + weighting)
        #expect(noBy.status == 64 && noBy.stderr.contains("--places-by"))
        let wrongColumn = try placemap(
            [
                "coterminosity", "--places-lookup", Paths.geodata("lookup_lsoa21_lad24.csv"), "--places-by", "nope",
                "--systems", Paths.geodata("built/icb24.geojson"),
            ] + weighting + ["--out", Paths.temporaryFolder().path + "/x"])
        #expect(wrongColumn.status == 64 && wrongColumn.stderr.contains("nope"))
    }
}
