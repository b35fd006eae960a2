import ArgumentParser
import PlaceAnalysis
import PlaceIO
import PlaceOutput

/// `--R-lookup CSV` with `--R-lookup-code`, `--R-by` and `--R-by-name`: an input of role R given as a
/// block lookup (block code → area code and name) instead of polygons. Its areas are the blocks
/// dissolved by the lookup, so the answer is exact: no boundary of another resolution is involved.
struct LookupChoice<R: InputRole>: ParsableArguments {
    static func option(_ word: String) -> NameSpecification { .customLong(R.prefix + "-" + word) }

    @Option(
        name: option("lookup"),
        help: ArgumentHelp(
            "\(R.noun.capitalizedFirst) as a block lookup (CSV: block code → area code and name); needs --blocks.", valueName: "csv"))
    var lookup: String?

    @Option(
        name: option("lookup-code"),
        help: ArgumentHelp("Block code column of that lookup (default: named like the blocks' code field).", valueName: "column"))
    var blockCode: String?

    @Option(name: option("by"), help: ArgumentHelp("Area code column of that lookup, e.g. ltla24_code.", valueName: "column"))
    var by: String?

    @Option(
        name: option("by-name"),
        help: ArgumentHelp("Area name column of that lookup (default: the partner of the code column).", valueName: "column"))
    var byName: String?

    func validate() throws {
        if lookup != nil, by == nil { throw ValidationError("--\(R.prefix)-lookup needs --\(R.prefix)-by (its area code column)") }
        if lookup == nil, by != nil || byName != nil || blockCode != nil {
            throw ValidationError("--\(R.prefix)-by, --\(R.prefix)-by-name and --\(R.prefix)-lookup-code need --\(R.prefix)-lookup")
        }
    }

    /// The lookup as a grouping of `blocks`.
    func grouping(of blocks: AnalysisLayer) throws -> Grouping? {
        guard let lookup, let by else { return nil }
        return try Grouping.lookup(CSVReader.read(path: lookup), codeColumn: blockCode, groupColumn: by, nameColumn: byName, for: blocks)
    }

    /// The areas of the lookup, dissolved from `blocks` (GEOS coverage union), ready for analysis.
    func areas(_ grouping: Grouping, blocks: AnalysisLayer) throws -> AnalysisLayer {
        let dissolved = try DissolveResult(blocks: blocks, grouping: grouping, progress: Console.progress("\(R.prefix) from lookup"))
        var layer = dissolved.layer()
        layer.source = grouping.source
        return try AnalysisLayer(layer, fields: LayerFields.detect(in: layer, code: grouping.field, name: grouping.nameField))
    }
}

extension String {
    /// "the places" → "The places".
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
