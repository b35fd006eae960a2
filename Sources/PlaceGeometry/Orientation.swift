/// Floating-point orientation tests that say when they cannot be sure, so that a caller can hand the
/// case to GEOS (whose predicates are robust) instead of guessing.
enum Orientation {
    /// Shewchuk's first error bound for the 2×2 orientation determinant, (3 + 16ε)ε with ε = 2⁻⁵³.
    static let bound = (3.0 + 16.0 * 0x1p-53) * 0x1p-53

    /// The side of c relative to the line a → b: +1 left (counter-clockwise), -1 right, nil when
    /// the rounded determinant is too close to zero to tell (collinear included).
    @inline(__always)
    static func side(_ ax: Double, _ ay: Double, _ bx: Double, _ by: Double, _ cx: Double, _ cy: Double) -> Int? {
        let left = (ax - cx) * (by - cy)
        let right = (ay - cy) * (bx - cx)
        let det = left - right
        let limit = bound * (abs(left) + abs(right))
        if det > limit { return 1 }
        if -det > limit { return -1 }
        return nil
    }

    /// Whether the directions c → a and c → b certainly point away from each other (a negative dot
    /// product well clear of rounding).
    @inline(__always)
    static func opposite(_ cx: Double, _ cy: Double, _ ax: Double, _ ay: Double, _ bx: Double, _ by: Double) -> Bool {
        let px = (ax - cx) * (bx - cx)
        let py = (ay - cy) * (by - cy)
        return px + py < -1e-12 * (abs(px) + abs(py))
    }
}
