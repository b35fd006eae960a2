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

extension Orientation {
    /// The exact side of c relative to the line a → b: +1 left, -1 right, 0 exactly on the line; nil
    /// only when a coordinate is not finite or the arithmetic overflows. The filtered test answers
    /// almost always; otherwise the determinant is summed exactly as an expansion of doubles
    /// (Shewchuk's Two-Diff, Two-Product and Grow-Expansion).
    @inline(__always)
    static func exactSide(_ ax: Double, _ ay: Double, _ bx: Double, _ by: Double, _ cx: Double, _ cy: Double) -> Int? {
        if let s = side(ax, ay, bx, by, cx, cy) { return s }
        // c at a or at b (a touch of two boundaries): exactly on the line, no expansion needed.
        if (cx == ax && cy == ay) || (cx == bx && cy == by) { return 0 }
        return exactDeterminantSign(ax, ay, bx, by, cx, cy)
    }

    /// The sign of (ax − cx)(by − cy) − (ay − cy)(bx − cx), computed without rounding.
    static func exactDeterminantSign(_ ax: Double, _ ay: Double, _ bx: Double, _ by: Double, _ cx: Double, _ cy: Double) -> Int? {
        guard ax.isFinite, ay.isFinite, bx.isFinite, by.isFinite, cx.isFinite, cy.isFinite else { return nil }
        let acx = twoDiff(ax, cx)
        let bcy = twoDiff(by, cy)
        let acy = twoDiff(ay, cy)
        let bcx = twoDiff(bx, cx)
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: 17) { expansion -> Int? in
            // Grow a nonoverlapping expansion term by term (in place); its largest component carries the sign.
            var count = 0
            func add(_ t: Double) {
                guard t != 0 else { return }
                var q = t
                var kept = 0
                for i in 0..<count {
                    let s = twoSum(q, expansion[i])
                    if s.lo != 0 {
                        expansion[kept] = s.lo
                        kept += 1
                    }
                    q = s.hi
                }
                if q != 0 {
                    expansion[kept] = q
                    kept += 1
                }
                count = kept
            }
            for (p, q) in [(acx.hi, bcy.hi), (acx.hi, bcy.lo), (acx.lo, bcy.hi), (acx.lo, bcy.lo)] {
                let t = twoProduct(p, q)
                add(t.hi)
                add(t.lo)
            }
            for (p, q) in [(acy.hi, bcx.hi), (acy.hi, bcx.lo), (acy.lo, bcx.hi), (acy.lo, bcx.lo)] {
                let t = twoProduct(p, q)
                add(-t.hi)
                add(-t.lo)
            }
            guard count > 0 else { return 0 }
            let top = expansion[count - 1]
            guard top.isFinite else { return nil }
            return top > 0 ? 1 : -1
        }
    }

    @inline(__always)
    private static func twoSum(_ a: Double, _ b: Double) -> (hi: Double, lo: Double) {
        let x = a + b
        let bv = x - a
        let av = x - bv
        return (x, (a - av) + (b - bv))
    }

    @inline(__always)
    private static func twoDiff(_ a: Double, _ b: Double) -> (hi: Double, lo: Double) { twoSum(a, -b) }

    @inline(__always)
    private static func twoProduct(_ a: Double, _ b: Double) -> (hi: Double, lo: Double) {
        let x = a * b
        return (x, (-x).addingProduct(a, b))
    }
}
