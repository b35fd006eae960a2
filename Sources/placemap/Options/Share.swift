import ArgumentParser

/// A share: a fraction of something (an area, the people, the patients) from 0 to 1. Every
/// `--…-share` option is a `Double` checked here in `validate()`, so that each has the one range (and
/// its default shows in the help and in `--experimental-dump-help`, which the QGIS provider reads).
enum Share {
    /// A usage error unless `value` (when given) is a number from 0 to 1.
    static func check(_ value: Double?, _ option: String) throws {
        guard let v = value, !(v.isFinite && (0...1).contains(v)) else { return }
        throw ValidationError("\(option): a share is a number from 0 to 1 (0.05 is 5%), not \(v)")
    }
}

/// `--sliver-share`: overlaps below this share of a place's area are slivers (coterminosity, report).
struct SliverShare: ParsableArguments {
    @Option(
        name: .customLong("sliver-share"),
        help: ArgumentHelp(
            "Without population: overlaps below this share (0 to 1) of a place's area are slivers. With population: those where nobody lives.",
            valueName: "share"))
    var sliverShare: Double = 0.005

    func validate() throws { try Share.check(sliverShare, "--sliver-share") }
}
