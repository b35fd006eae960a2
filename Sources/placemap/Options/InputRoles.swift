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
}

enum OnlyLayer: InputRole {
    static let prefix = ""
    static let noun = "the layer"
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
enum Blocks: InputRole {
    static let prefix = "blocks"
    static let noun = "the blocks"
}
enum UpperTier: InputRole {
    static let prefix = "upper"
    static let noun = "the upper tier"
}
