import ArgumentParser
import PlaceAnalysis
import PlaceIO
import PlaceOutput

/// `--R-lookup-code`, `--R-by` and `--R-by-name`: the columns of a block lookup (block code → area
/// code and name) given for role R. The one spelling of these columns in every command; the old
/// `--R-block-code` is kept hidden, with a warning.
struct LookupColumns<R: InputRole>: ParsableArguments {
    @Option(
        name: .customLong(R.long("lookup-code")),
        help: ArgumentHelp(
            R.lookupGroupsItself
                ? "Column of the lookup holding \(R.noun)'s codes (default: named like its code field)."
                : "Block code column of the lookup (default: named like the blocks' code field).",
            valueName: "column"))
    var lookupCode: String?

    @Option(
        name: .customLong(R.long("by")),
        help: ArgumentHelp(
            R.lookupGroupsItself
                ? "Group code column of the lookup (or, without it, a property of \(R.noun)), e.g. icb24_code."
                : "Area code column of the lookup, e.g. ltla24_code.",
            valueName: "column"))
    var by: String?

    @Option(
        name: .customLong(R.long("by-name")),
        help: ArgumentHelp(
            "Area name column of the lookup (default: the partner of the code column: ltla24_name for ltla24_code).", valueName: "column"))
    var byName: String?

    @Option(name: .customLong(R.long("block-code")), help: .hidden) var blockCodeAlias: String?

    /// The block code column, given in either spelling.
    var blockCode: String? { lookupCode ?? blockCodeAlias }

    func validate() throws {
        if blockCodeAlias != nil { Deprecation.warn("--" + R.long("block-code"), use: "--" + R.long("lookup-code")) }
        if lookupCode != nil, blockCodeAlias != nil {
            throw ValidationError("give --\(R.long("lookup-code")) once (--\(R.long("block-code")) is its old spelling)")
        }
    }

    /// `table` as a grouping of `layer`'s features, by the `--R-by` column (which must be given).
    func grouping(_ table: CSVTable, of layer: AnalysisLayer) throws -> Grouping {
        guard let by else { throw ValidationError("--\(R.long("lookup")) needs --\(R.long("by")) (its area code column)") }
        return try Grouping.lookup(table, codeColumn: blockCode, groupColumn: by, nameColumn: byName, for: layer)
    }
}

/// `--R-lookup CSV` with `--R-lookup-code`, `--R-by` and `--R-by-name`: an input of role R given as a
/// block lookup (block code → area code and name) instead of polygons. Its areas are the blocks
/// dissolved by the lookup, so the answer is exact: no boundary of another resolution is involved.
/// For a role whose lookup groups its own features (`--lookup`, `--by`), `--by` alone names a
/// property of the layer.
struct LookupChoice<R: InputRole>: ParsableArguments {
    @Option(
        name: .customLong(R.long("lookup")),
        help: ArgumentHelp(
            R.lookupGroupsItself
                ? "CSV lookup giving each feature of \(R.noun) its group (joined by code)."
                : "\(R.noun.capitalizedFirst) as a block lookup (CSV: block code → area code and name); needs --blocks.",
            valueName: "csv"))
    var lookup: String?

    @OptionGroup var columns: LookupColumns<R>

    var blockCode: String? { columns.blockCode }
    var by: String? { columns.by }
    var byName: String? { columns.byName }

    func validate() throws {
        if lookup != nil, columns.by == nil {
            throw ValidationError("--\(R.long("lookup")) needs --\(R.long("by")) (its area code column)")
        }
        if R.lookupGroupsItself, lookup == nil, columns.blockCode != nil {
            throw ValidationError("--\(R.long("lookup-code")) needs --\(R.long("lookup"))")
        }
    }

    /// A usage error when the lookup's columns are given without the lookup (for a command in which
    /// they mean nothing else).
    func requireLookupForColumns() throws {
        if lookup == nil, columns.by != nil || columns.byName != nil || columns.blockCode != nil {
            throw ValidationError("--\(R.long("by")), --\(R.long("by-name")) and --\(R.long("lookup-code")) need --\(R.long("lookup"))")
        }
    }

    /// The lookup as a grouping of `layer`; for a role grouping itself, `--by` alone groups by a
    /// property of the layer. Nil when neither is given.
    func grouping(of layer: AnalysisLayer) throws -> Grouping? {
        if let lookup { return try columns.grouping(CSVReader.read(path: lookup), of: layer) }
        guard R.lookupGroupsItself, let by = columns.by else { return nil }
        return try Grouping.property(by, of: layer, nameField: columns.byName)
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
