import ArgumentParser

/// `--tolerance METRES`: the misregistration depth, the one meaning of "tolerance" in placemap. Blocks
/// of another area must reach deeper than this into an area to count there (a split in coterminosity,
/// a contradiction in `lookup --audit`); shallower ones are border uncertainty.
struct ToleranceOption: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Misregistration depth in metres (0 to 100000): blocks (with population) or pieces (by area) must reach deeper "
                + "than this into another area to count "
                + "(default: measured from the layers).",
            valueName: "metres"),
        transform: ToleranceOption.parse)
    var tolerance: Double?

    static func parse(_ text: String) throws -> Double {
        guard let v = Double(text), v.isFinite, (0...100_000).contains(v) else {
            throw ValidationError("--tolerance must be a distance in metres from 0 to 100000 (100 km), not \(text)")
        }
        return v
    }
}
