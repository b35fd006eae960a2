import ArgumentParser

/// `--R-block-code COLUMN`: the column of block codes when a role's input is a block lookup.
struct BlockColumn<R: InputRole>: ParsableArguments {
    @Option(
        name: .customLong(R.prefix + "-block-code"),
        help: ArgumentHelp(
            "Column of block codes, when \(R.noun) is given as a block lookup (.csv) (default: named like the blocks' code field).",
            valueName: "column"))
    var column: String?
}
