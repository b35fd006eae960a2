import ArgumentParser
import PlaceAnalysis

/// `--allow-gaps`: blocks with people that a lookup or table leaves out are bad data (exit 65) unless
/// the user allows them; then each gap is said on stderr and recorded in the outputs.
struct GapPolicy: ParsableArguments {
    @Flag(
        name: .customLong("allow-gaps"),
        help: "Go on when a lookup or table leaves blocks with people uncovered (else exit 65); each gap is reported.")
    var allowGaps = false

    /// `gap` refused (exit 65) without --allow-gaps; with it, said on stderr and returned for the outputs.
    func check(_ gap: CoverageGap?) throws -> CoverageGap? {
        guard let gap else { return nil }
        guard allowGaps else { throw gap.error }
        Console.warning("gap allowed: " + gap.description)
        return gap
    }
}
