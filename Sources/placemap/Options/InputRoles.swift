import ArgumentParser
import PlaceAnalysis
import PlaceGeometry
import PlaceIO

/// An input role: the word in its options (`places` → `--places-code`, `--places-crs`, …).
protocol InputRole {
    /// The option prefix; empty for a command's only layer (`--code`, `--crs`, …).
    static var prefix: String { get }
    /// How help text names the layer.
    static var noun: String { get }
    /// True when the role's lookup groups the role's own features (dissolve, contiguity: `--by` may
    /// then name a property of the layer instead of a lookup column); false when the lookup stands for
    /// the role's areas, built from `--blocks`.
    static var lookupGroupsItself: Bool { get }
}

extension InputRole {
    static var lookupGroupsItself: Bool { false }
    /// `--R-word`, or `--word` for a role without a prefix.
    static func long(_ word: String) -> String { prefix.isEmpty ? word : prefix + "-" + word }
}

enum OnlyLayer: InputRole {
    static let prefix = ""
    static let noun = "the layer"
    static let lookupGroupsItself = true
}
enum LayerA: InputRole {
    static let prefix = "a"
    static let noun = "A"
}
enum LayerB: InputRole {
    static let prefix = "b"
    static let noun = "B"
}
enum Places: InputRole {
    static let prefix = "places"
    static let noun = "the places"
}
enum Systems: InputRole {
    static let prefix = "systems"
    static let noun = "the systems"
}
enum OldFootprint: InputRole {
    static let prefix = "old"
    static let noun = "OLD"
}
enum NewFootprint: InputRole {
    static let prefix = "new"
    static let noun = "NEW"
}
/// The published lookup `lookup --audit` checks (its block code and area code columns).
enum Audit: InputRole {
    static let prefix = "audit"
    static let noun = "the audited lookup"
}
enum Blocks: InputRole {
    static let prefix = "blocks"
    static let noun = "the blocks"
}
enum UpperTier: InputRole {
    static let prefix = "upper"
    static let noun = "the upper tier"
}
