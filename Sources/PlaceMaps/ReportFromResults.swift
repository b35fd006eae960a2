import Foundation
import PlaceAnalysis
import PlaceIO
import PlaceOutput

extension CoterminosityView {
    /// The view of a coterminosity result just computed.
    public init(_ result: Coterminosity, id: String) { self.init(CoterminosityRecord(result), id: id) }
}

extension ContiguityView {
    /// The view of a contiguity report with groups; `background` are outlines drawn under the exclaves
    /// (for groups that are systems, the systems themselves), `groupNames` names the groups.
    public init(_ report: ContiguityReport, id: String, groupNames: [String: String], background: [MapSystem]) {
        self.init(ContiguityRecord(report, groupNames: groupNames), id: id, background: background)
    }
}

extension CatchmentView {
    /// The view of a catchments run just computed.
    public init(_ report: CatchmentReport) { self.init(CatchmentRecord(report)) }
}

extension DiffView {
    /// The view of a footprint comparison just computed (with coterminosity before and after, when
    /// the diff had places); the changed blocks are dissolved for the maps.
    public init(_ diff: FootprintDiff, coterminosity: FootprintCoterminosity?, id: String) throws(PlacemapError) {
        self.init(try DiffRecord(diff, coterminosity: coterminosity), id: id)
    }
}

extension ReportContent {
    /// The report of what an output folder holds (read back by `OutputFolder`): each analysis's view
    /// named after its folder; contiguity groups drawn over, and named after, the first
    /// coterminosity's systems.
    public init(_ folder: OutputFolder.Content, title: String) {
        self.init(title: title)
        coterminosity = folder.coterminosity.map { CoterminosityView($0.record, id: Self.id(folder: $0.path)) }
        let background = coterminosity.first?.systems ?? []
        let names = Dictionary(background.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        contiguity = folder.contiguity.map { item in
            var record = item.record
            for k in record.groups.indices { record.groups[k].name = names[record.groups[k].code] ?? record.groups[k].code }
            return ContiguityView(record, id: Self.id(folder: item.path), background: background)
        }
        catchments = folder.catchments.map { CatchmentView($0.record) }
        diffs = folder.diffs.map { DiffView($0.record, id: Self.id(folder: $0.path)) }
    }

    /// The page `placemap report` makes of the folder `diff` is written to, drawn from the diff itself.
    public init(_ diff: FootprintDiff, coterminosity: FootprintCoterminosity?, folder: String) throws(PlacemapError) {
        self.init(title: Self.title(folder: folder))
        diffs = [try DiffView(diff, coterminosity: coterminosity, id: Self.id(folder: folder))]
    }

    /// The page `placemap report` makes of the folder a catchments run is written to, drawn from the run itself.
    public init(_ catchments: CatchmentReport, folder: String) {
        self.init(title: Self.title(folder: folder))
        self.catchments = CatchmentView(catchments)
    }

    /// The id of the section of the analysis written to `folder`: its name made safe for anchors and files.
    static func id(folder path: String) -> String { Drawing.slug(URL(fileURLWithPath: path).lastPathComponent) }

    /// The default title of the report of the output folder `path`.
    public static func title(folder path: String) -> String {
        "Placemap report: " + URL(fileURLWithPath: path).lastPathComponent
    }
}
