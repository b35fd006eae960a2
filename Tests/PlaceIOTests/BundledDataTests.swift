import PlaceGeometry
import PlaceIO
import PlaceTestSupport
import Testing

/// Facts about the real England data in geodata/.
@Suite struct BundledDataTests {
    @Test func lsoa2021LayerHasEveryEnglishLSOA() throws {
        let layer = try GeoJSONReader.read(path: Paths.geodata("lsoa21_england.geojson"))
        #expect(layer.features.count == 33_755)
        let fields = try LayerFields.detect(in: layer)
        #expect(fields == LayerFields(code: "lsoa21_code", name: "lsoa21_name"))
        let codes = try fields.uniqueValues(in: layer).map(\.code)
        #expect(codes.allSatisfy { $0.hasPrefix("E01") })
    }

    @Test func census2021PopulationTotal() throws {
        let table = try CSVReader.read(path: Paths.geodata("census21_population_lsoa21.csv"))
        let column = try table.column("usual_residents")
        #expect(table.rows.count == 33_755)
        #expect(table.rows.reduce(0) { $0 + Int($1[column])! } == 56_489_608)
    }

    @Test func lad2024LayerIsEngland() throws {
        let layer = try GeoJSONReader.read(path: Paths.geodata("lad24_england.geojson"))
        #expect(layer.features.count == 296)
        let area = try layer.reprojected(to: .britishNationalGrid).bounds
        #expect(area.map { $0.minX > 0 && $0.maxX < 700_000 } == true)
    }
}
