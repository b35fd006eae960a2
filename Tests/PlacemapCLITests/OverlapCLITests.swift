import Foundation
import PlaceIO
import PlaceTestSupport
import Testing

/// `placemap overlap`, `lookup` and `dissolve` end to end on the bundled data.
@Suite struct OverlapCLITests {
    let lsoa = Paths.geodata("lsoa21_england.geojson")
    let census = Paths.geodata("census21_population_lsoa21.csv")

    @Test func populationWeightedOverlapWritesCSVSidecarAndPieces() throws {
        let folder = Paths.temporaryFolder()
        let csv = folder.appendingPathComponent("lad_icb.csv").path
        let geojson = folder.appendingPathComponent("pieces.geojson").path
        let result = try placemap(
            "overlap", Paths.geodata("built/lad24.geojson"), Paths.geodata("built/icb24.geojson"),
            "-o", csv, "--pieces", geojson, "--blocks", lsoa, "--population", census)
        #expect(result.status == 0, "\(result.stderr)")
        let table = try CSVReader.read(path: csv)
        #expect(table.header.suffix(3) == ["population", "population_share_of_a", "population_share_of_b"])
        let population = try table.column("population")
        #expect(table.rows.reduce(0) { $0 + Double($1[population])! } == 56_489_608)
        let sidecar = try String(contentsOfFile: folder.appendingPathComponent("lad_icb.json").path, encoding: .utf8)
        #expect(sidecar.contains("\"method\": \"centroid\""))
        #expect(sidecar.contains("\"outside_every_piece\": 0"))
        let pieces = try GeoJSONReader.read(path: geojson)
        #expect(pieces.features.count == table.rows.count)
        #expect(pieces.crs == .wgs84)
    }

    @Test func lookupHasVintageCodedColumns() throws {
        let folder = Paths.temporaryFolder()
        let csv = folder.appendingPathComponent("lookup.csv").path
        let result = try placemap(
            "lookup", Paths.geodata("built/lad24.geojson"), Paths.geodata("built/icb24.geojson"),
            "-o", csv, "--blocks", lsoa, "--population", census)
        #expect(result.status == 0, "\(result.stderr)")
        let table = try CSVReader.read(path: csv)
        #expect(table.header == ["LAD24CD", "LAD24NM", "ICB24CD", "ICB24NM", "population_share"])
        #expect(table.rows.count == 296)
        let wakefield = try #require(table.rows.first { $0[0] == "E08000036" })
        #expect(wakefield[2] == "E54000054" && wakefield[4] == "1")
    }

    @Test func dissolveReportsUnjoinedCodes() throws {
        let folder = Paths.temporaryFolder()
        let lookup = Paths.write(
            "lsoa21_code,grp_code,grp_name\nE01011949,G1,Hartlepool bit\nE99999999,G1,Nowhere\n", as: "l.csv", in: folder)
        let out = folder.appendingPathComponent("g.geojson").path
        let result = try placemap("dissolve", lsoa, "--lookup", lookup, "--by", "grp_code", "-o", out)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("blocks missing from the lookup: 33754"))
        #expect(result.stderr.contains("lookup rows with no block: 1 (e.g. E99999999)"))
        let layer = try GeoJSONReader.read(path: out)
        #expect(layer.crs == .britishNationalGrid)
        #expect(layer.features.first?.properties["grp_name"] == .string("Hartlepool bit"))
    }

    @Test func badPopulationIsExit65NamingTheRow() throws {
        let folder = Paths.temporaryFolder()
        let blocks = Paths.write(
            Shapes.collection([Shapes.feature("{\"b_code\":\"B1\"}", Shapes.polygonJSON([Shapes.square(-1, 52, 0.01)]))]), as: "b.geojson",
            in: folder)
        let population = Paths.write("b_code,population\nB1,lots\n", as: "p.csv", in: folder)
        let csv = folder.appendingPathComponent("o.csv").path
        let result = try placemap("overlap", blocks, blocks, "--blocks", blocks, "--population", population, "-o", csv)
        #expect(result.status == 65)
        #expect(result.stderr.contains("p.csv:2"))
        #expect(result.stderr.contains("\"lots\" is not a population"))
        #expect(!FileManager.default.fileExists(atPath: csv))
    }
}
