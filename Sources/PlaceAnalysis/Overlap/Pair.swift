/// A key for an (A feature, B feature) pair.
public struct Pair: Hashable, Sendable {
    public var a: Int
    public var b: Int
    public init(_ a: Int, _ b: Int) {
        self.a = a
        self.b = b
    }
}
