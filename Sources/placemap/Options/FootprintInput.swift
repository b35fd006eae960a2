import PlaceAnalysis
import PlaceIO

/// A footprint input: a block lookup (.csv, its columns named by `--R-lookup-code`, `--R-by` and
/// `--R-by-name`) or any polygon layer placemap reads.
struct FootprintInput<R: InputRole> {
    var choice: LayerChoice<R>
    var columns: LookupColumns<R>

    func read(_ path: String, blocks: AnalysisLayer) throws -> Footprint {
        if path.lowercased().hasSuffix(".csv") {
            // `--R-code` and `--R-name` once named a lookup's area columns too: still read, with a warning.
            if columns.by == nil, choice.code != nil { Deprecation.warn("--" + R.long("code") + " for a lookup", use: "--" + R.long("by")) }
            if columns.byName == nil, choice.name != nil {
                Deprecation.warn("--" + R.long("name") + " for a lookup", use: "--" + R.long("by-name"))
            }
            return try Footprint(
                lookup: CSVReader.read(path: path), blocks: blocks, blockColumn: columns.blockCode, codeColumn: columns.by ?? choice.code,
                nameColumn: columns.byName ?? choice.name)
        }
        return try Footprint(layer: choice.analysisLayer(path), blocks: blocks, progress: Console.progress("blocks in \(path)"))
    }
}
