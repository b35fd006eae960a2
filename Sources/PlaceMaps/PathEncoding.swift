/// SVG path data from rings in metres: projected to the page, quantised, written with relative moves.
public enum PathEncoding {
    /// The coordinates of `rings` on the page, rounded to `decimals` (0 or 1) decimal places, with
    /// points that round onto the previous one dropped. Rounding is a function of the coordinate alone,
    /// so two rings that share points in metres share them on the page too.
    public static func quantised(_ ring: [Double], _ projection: PageProjection, decimals: Int) -> [Int] {
        let factor = decimals >= 1 ? 10.0 : 1.0
        var out: [Int] = []
        out.reserveCapacity(ring.count)
        var i = 0
        while i + 1 < ring.count {
            let x = Int((projection.x(ring[i]) * factor).rounded())
            let y = Int((projection.y(ring[i + 1]) * factor).rounded())
            if out.count < 2 || out[out.count - 2] != x || out[out.count - 1] != y { out += [x, y] }
            i += 2
        }
        return out
    }

    /// `d` for a path of polygons (rings drawn with the even-odd rule): `M x y l dx dy … z` per ring;
    /// rings left with fewer than three distinct points are dropped. Empty when nothing is left.
    public static func path(_ polygons: [[[Double]]], _ projection: PageProjection, decimals: Int = 0) -> String {
        var d = ""
        for polygon in polygons {
            for ring in polygon {
                var q = quantised(ring, projection, decimals: decimals)
                if q.count >= 4, q[0] == q[q.count - 2], q[1] == q[q.count - 1] { q.removeLast(2) }
                guard q.count >= 6, doubleArea(q) != 0 else { continue }
                d += "M" + number(q[0], decimals) + " " + number(q[1], decimals) + "l"
                var k = 2
                var first = true
                while k + 1 < q.count {
                    let dx = q[k] - q[k - 2]
                    let dy = q[k + 1] - q[k - 1]
                    // A minus sign separates numbers by itself.
                    if !first && dx >= 0 { d += " " }
                    d += number(dx, decimals)
                    if dy >= 0 { d += " " }
                    d += number(dy, decimals)
                    first = false
                    k += 2
                }
                d += "z"
            }
        }
        return d
    }

    /// `d` for an open line (an arc): `M x y l dx dy …` in whole page units, points that round onto
    /// the previous one dropped; empty when fewer than two points are left.
    public static func line(_ points: [Double], _ projection: PageProjection) -> String {
        let q = quantised(points, projection, decimals: 0)
        guard q.count >= 4 else { return "" }
        var d = "M\(q[0]) \(q[1])l"
        var k = 2
        while k + 1 < q.count {
            let (dx, dy) = (q[k] - q[k - 2], q[k + 1] - q[k - 1])
            if k > 2 && dx >= 0 { d += " " }
            d += String(dx) + (dy >= 0 ? " " : "") + String(dy)
            k += 2
        }
        return d
    }

    /// Twice the signed area of a quantised ring (open: the closing edge is implied).
    static func doubleArea(_ q: [Int]) -> Int {
        var sum = 0
        let n = q.count / 2
        for i in 0..<n {
            let j = (i + 1) % n
            sum += q[2 * i] * q[2 * j + 1] - q[2 * j] * q[2 * i + 1]
        }
        return sum
    }

    /// An integer in units of 10^-decimals, written with that many decimals (trailing ".0" dropped).
    static func number(_ v: Int, _ decimals: Int) -> String {
        guard decimals >= 1 else { return String(v) }
        let sign = v < 0 ? "-" : ""
        let a = abs(v)
        return a % 10 == 0 ? sign + String(a / 10) : sign + String(a / 10) + "." + String(a % 10)
    }

    /// A page coordinate rounded to one decimal, for labels and decorations.
    public static func coordinate(_ v: Double) -> String { number(Int((v * 10).rounded()), 1) }
}
