import ArgumentParser

/// A share: a fraction of something (an area, the people, the patients) from 0 to 1. Every
/// `--…-share` option parses through here, so that each has the one range.
enum Share {
    static func parse(_ text: String) throws -> Double {
        guard let v = Double(text), v.isFinite, (0...1).contains(v) else {
            throw ValidationError("a share is a number from 0 to 1 (0.05 is 5%), not \(text)")
        }
        return v
    }
}

/// `--sliver-share`: overlaps below this share of a place's area are slivers (coterminosity, report).
struct SliverShare: ParsableArguments {
    @Option(
        name: .customLong("sliver-share"),
        help: ArgumentHelp(
            "Without population: overlaps below this share (0 to 1) of a place's area are slivers. With population: those where nobody lives (default: 0.005).",
            valueName: "share"),
        transform: Share.parse)
    var sliverShare: Double = 0.005
}
