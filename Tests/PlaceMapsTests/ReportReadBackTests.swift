import Foundation
import PlaceAnalysis
import PlaceGeometry
import PlaceIO
import PlaceOutput
import PlaceTestSupport
import Testing

@testable import PlaceMaps

/// The report drawn from results just computed and the report drawn from the folders they were
/// written to (read back by `OutputFolder`) are the same page, byte for byte, on real data: the LSOAs,
/// districts and ICBs around Surrey (Frimley, Surrey Heartlands, Sussex, Hampshire and the Isle of
/// Wight), which hold five split districts, an ICB in two pieces (the Isle of Wight) and the 2024
/// recode of Surrey Heartlands and Sussex (four Chichester LSOAs moved).
@Suite struct ReportReadBackTests {
    static let icbs: Set<String> = ["E54000034", "E54000042", "E54000063", "E54000064"]

    /// `table` with only the rows whose `column` is one of `codes`.
    static func rows(_ table: CSVTable, _ column: String, in codes: Set<String>) throws -> CSVTable {
        let c = try table.column(column)
        return CSVTable(source: table.source, header: table.header, rows: table.rows.filter { codes.contains($0[c]) }.map { Array($0) })
    }

    /// The features of a bundled layer whose code is one of `codes`, ready for analysis.
    static func layer(_ file: String, codes: Set<String>) throws -> AnalysisLayer {
        var l = try GeoJSONReader.read(path: Paths.geodata(file))
        let fields = try LayerFields.detect(in: l)
        l.features = l.features.filter { codes.contains($0.properties[fields.code]?.text ?? "") }
        return try AnalysisLayer(l, fields: fields)
    }

    struct Pages {
        var fromValues: HTMLReport
        var fromFolder: HTMLReport
    }

    /// Coterminosity (LAD24 × ICB24, by population with the age bands), contiguity of the ICBs' LSOAs
    /// and the ICB22 → ICB24 diff with the districts, each written to its folder as the CLI writes
    /// it; the page from the results, and the page `placemap report` makes of the folders.
    static let pages: Result<Pages, any Error> = Result {
        let icbLookup = try CSVReader.read(path: Paths.geodata("lookup_lsoa21_sicbl24_icb24.csv"))
        let lsoas = Set(try rows(icbLookup, "icb24_code", in: icbs).rows.map { $0[0] })
        let ladLookup = try rows(CSVReader.read(path: Paths.geodata("lookup_lsoa21_lad24.csv")), "lsoa21_code", in: lsoas)
        let lads = Set(ladLookup.rows.map { $0[1] })
        let blocks = try layer("lsoa21_england.geojson", codes: lsoas)
        var population = try PopulationBlocks(
            blocks: blocks, table: rows(CSVReader.read(path: Paths.geodata("census21_population_lsoa21.csv")), "lsoa21_code", in: lsoas))
        try population.attach(
            rows(CSVReader.read(path: Paths.geodata("census21_age_lsoa21.csv")), "lsoa21_code", in: lsoas), kind: .counts)
        let folder = Paths.temporaryFolder().path
        let outputs = OutputSet(policy: OutputPolicy(overwrite: true))
        // The three folders are one run's set, as the main job's are.
        try outputs.reserve(set: folder)

        var options = CoterminosityOptions()
        options.population = population
        let coterminosity = try Coterminosity(
            places: layer("built/lad24.geojson", codes: lads), systems: layer("built/icb24.geojson", codes: icbs), options: options)
        let cotFolder = folder + "/lad24-icb24"
        try outputs.reserve(folder: cotFolder, files: FolderOutputs.coterminosity)
        try outputs.add(coterminosity, folder: cotFolder, placesStyle: QGISStyle.places)

        let icbRows = try rows(icbLookup, "lsoa21_code", in: lsoas)
        let grouping = try Grouping.lookup(icbRows, codeColumn: nil, groupColumn: "icb24_code", for: blocks)
        let contiguity = ContiguityReport(try ContiguityGraph(blocks), grouping: grouping)
        let contiguityFolder = folder + "/icb24-contiguity"
        try outputs.reserve(folder: contiguityFolder, files: FolderOutputs.contiguity(grouped: true))
        try outputs.add(contiguity, folder: contiguityFolder)

        let old = try Footprint(
            lookup: rows(CSVReader.read(path: Paths.geodata("lookup_lsoa21_icb22_lad22.csv")), "lsoa21_code", in: lsoas),
            blocks: blocks, codeColumn: "icb22_code")
        let new = try Footprint(lookup: icbRows, blocks: blocks, codeColumn: "icb24_code")
        let diff = try FootprintDiff(old: old, new: new, population: population)
        let places = try FootprintCoterminosity(places: Footprint(lookup: ladLookup, blocks: blocks, codeColumn: "ltla24_code"), diff: diff)
        let diffFolder = folder + "/icb22-icb24"
        try outputs.reserve(folder: diffFolder, files: FolderOutputs.diff(places: true))
        try outputs.add(diff, coterminosity: places, folder: diffFolder)
        try outputs.publish(manifestIn: folder)

        var values = ReportContent(title: ReportContent.title(folder: folder))
        values.coterminosity = [CoterminosityView(coterminosity, id: "lad24-icb24")]
        let names = Dictionary(grouping.groups.compactMap { $0 }.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        values.contiguity = [
            ContiguityView(contiguity, id: "icb24-contiguity", groupNames: names, background: values.coterminosity[0].systems)
        ]
        values.diffs = [try DiffView(diff, coterminosity: places, id: "icb22-icb24")]
        let read = ReportContent(try OutputFolder.read(folder), title: ReportContent.title(folder: folder))
        return Pages(fromValues: HTMLReport(values), fromFolder: HTMLReport(read))
    }

    @Test func folderGivesThePageOfTheResults() throws {
        let pages = try Self.pages.get()
        let (a, b) = (pages.fromValues.html, pages.fromFolder.html)
        // Where they differ, if they do, to read in the failure.
        let same = zip(a.utf8, b.utf8).prefix { $0 == $1 }.count
        #expect(a == b, "the pages differ from byte \(same): \(a.utf8.dropFirst(max(same - 120, 0)).prefix(240))")
        #expect(pages.fromValues.figures.map(\.id) == pages.fromFolder.figures.map(\.id))
    }

    @Test func thePageHoldsEachAnalysis() throws {
        let page = try Self.pages.get().fromValues
        let html = page.html
        // Five districts split between these ICBs (by the README's main job list), each outlined and tabled.
        for code in ["E07000089", "E07000209", "E07000212", "E07000214", "E07000216"] {
            #expect(html.contains("class=\"place split\" data-code=\"\(code)\""), "\(code) is not drawn as split")
        }
        // A close-up per ICB, the Isle of Wight ringed as exclaves, before/after maps of the move.
        for id in ["map-diff-icb22-icb24-before", "map-diff-icb22-icb24-after"] { #expect(page.figures.contains { $0.id == id }) }
        #expect(page.figures.filter { $0.id.hasPrefix("map-lad24-icb24-e54") }.count == 4)
        #expect(html.contains("class=\"exclave\""))
        #expect(html.contains("<strong>6,705 people</strong> in 4 blocks moved to another area"))
    }
}
