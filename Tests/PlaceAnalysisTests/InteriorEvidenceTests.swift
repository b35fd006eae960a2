import PlaceAnalysis
import PlaceIO
import PlaceOutput
import PlaceTestSupport
import Testing

/// Border uncertainty carries the block attributes: each group's columns are its blocks' values summed
/// (counts), or averaged over their people (rates, classes).
extension InteriorEvidenceTests {
    @Test func borderGroupsCarryTheirBlocksAttributes() throws {
        let ages = CSVTable(
            source: "ages.csv", header: ["code", "population_aged_65_and_over", "ruc"],
            rows: [
                ["W", "40", "Urban"], ["REAL", "10", "Rural"], ["W2", "50", "Urban"], ["BORDER", "6", "Rural"], ["E", "90", "Urban"],
            ])
        let c = try run(tolerance: 10, attributes: ages)
        let table = c.borderTable
        #expect(Array(table.header.suffix(3)) == ["population_aged_65_and_over", "share_rural", "share_urban"])
        // LEFT's EAST group is BORDER alone (6 aged 65 and over, rural); its MID group REAL (10, rural).
        #expect(
            table.rows.map { [$0[2], $0[4]] + $0.suffix(3) } == [["EAST", "border", "6", "1", "0"], ["MID", "interior", "10", "1", "0"]])
        // Without attributes the table keeps its twelve columns.
        #expect(try run(tolerance: 10).borderTable.header.count == 12)
    }

    /// ONS's 500 m districts against the ICBs built from LSOAs: in every group of border.csv each age
    /// band is the census band summed over the group's LSOAs, and the bands add up to its population.
    @Test func englandBorderGroupsSumTheCensusBandsOfTheirBlocks() throws {
        func layer(_ name: String) throws -> AnalysisLayer {
            let l = try GeoJSONReader.read(path: Paths.geodata(name))
            return try AnalysisLayer(l, fields: LayerFields.detect(in: l))
        }
        let blocks = try layer("lsoa21_england.geojson")
        let ages = try CSVReader.read(path: Paths.geodata("census21_age_lsoa21.csv"))
        var options = CoterminosityOptions()
        options.population = try PopulationBlocks(
            blocks: blocks, table: CSVReader.read(path: Paths.geodata("census21_population_lsoa21.csv")))
        try options.population?.attach(ages)
        let c = try Coterminosity(places: layer("lad24_england.geojson"), systems: layer("built/icb24.geojson"), options: options)
        let bands = Array(ages.header.dropFirst())
        let code = try ages.column("lsoa21_code")
        let census = Dictionary(uniqueKeysWithValues: ages.rows.map { ($0[code], $0.dropFirst().map { Double($0) ?? .nan }) })
        let table = c.borderTable
        #expect(Array(table.header.suffix(6)) == bands)
        let (blocksColumn, population, evidence) = (
            try table.column("blocks"), try table.column("population"), try table.column("evidence")
        )
        let columns = try bands.map { try table.column($0) }
        #expect(table.rows.filter { $0[evidence] == "border" }.count >= 20)
        for row in table.rows {
            var expected = [Double](repeating: 0, count: bands.count)
            for lsoa in row[blocksColumn].split(separator: ";") {
                expected = zip(expected, census[String(lsoa)] ?? []).map(+)
            }
            let found = columns.map { Double(row[$0]) ?? .nan }
            #expect(found == expected, "\(row[0]) \(row[2])")
            #expect(found.reduce(0, +) == Double(row[population]), "\(row[0]) \(row[2]): the bands add up to the population")
        }
    }
}
