import PlaceAnalysis
import PlaceIO

/// A footprint input: a block lookup (.csv) or any polygon layer placemap reads.
struct FootprintInput<R: InputRole> {
    var choice: LayerChoice<R>
    var blockColumn: BlockColumn<R>

    func read(_ path: String, blocks: AnalysisLayer) throws -> Footprint {
        if path.lowercased().hasSuffix(".csv") {
            return try Footprint(
                lookup: CSVReader.read(path: path), blocks: blocks, blockColumn: blockColumn.column, codeColumn: choice.code,
                nameColumn: choice.name)
        }
        return try Footprint(layer: choice.analysisLayer(path), blocks: blocks, progress: Console.progress("blocks in \(path)"))
    }
}
