/// A key for an (A feature, B feature) pair.
public struct Pair: Hashable, Sendable, Comparable {
    public var a: Int
    public var b: Int
    public init(_ a: Int, _ b: Int) {
        self.a = a
        self.b = b
    }

    public static func < (x: Pair, y: Pair) -> Bool { (x.a, x.b) < (y.a, y.b) }
}
