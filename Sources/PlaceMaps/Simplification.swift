/// Line simplification on interleaved x, y buffers.
public enum Simplification {
    /// Douglas–Peucker: keeps the first and last points and every point farther than `tolerance` from
    /// the chord of its stretch. A closed line (first point = last) is split at the point farthest from
    /// its start, so that at least that point is kept with the ends.
    public static func douglasPeucker(_ line: [Double], tolerance: Double) -> [Double] {
        let n = line.count / 2
        guard n > 2, tolerance > 0 else { return line }
        var keep = [Bool](repeating: false, count: n)
        keep[0] = true
        keep[n - 1] = true
        var stack: [(Int, Int)] = []
        if line[0] == line[2 * n - 2], line[1] == line[2 * n - 1] {
            var far = 1
            var best = -1.0
            for i in 1..<(n - 1) {
                let dx = line[2 * i] - line[0]
                let dy = line[2 * i + 1] - line[1]
                let d = dx * dx + dy * dy
                if d > best { (best, far) = (d, i) }
            }
            keep[far] = true
            stack = [(0, far), (far, n - 1)]
        } else {
            stack = [(0, n - 1)]
        }
        let t2 = tolerance * tolerance
        while let (a, b) = stack.popLast() {
            guard b > a + 1 else { continue }
            var far = -1
            var best = t2
            for i in (a + 1)..<b {
                let d = segmentDistanceSquared(line, i, a, b)
                if d > best { (best, far) = (d, i) }
            }
            if far >= 0 {
                keep[far] = true
                stack.append((a, far))
                stack.append((far, b))
            }
        }
        var out: [Double] = []
        for i in 0..<n where keep[i] { out += [line[2 * i], line[2 * i + 1]] }
        return out
    }

    /// Squared distance from point `p` to the segment from point `a` to point `b`.
    static func segmentDistanceSquared(_ l: [Double], _ p: Int, _ a: Int, _ b: Int) -> Double {
        let ax = l[2 * a]
        let ay = l[2 * a + 1]
        let dx = l[2 * b] - ax
        let dy = l[2 * b + 1] - ay
        let px = l[2 * p] - ax
        let py = l[2 * p + 1] - ay
        let len2 = dx * dx + dy * dy
        var t = len2 > 0 ? (px * dx + py * dy) / len2 : 0
        t = min(max(t, 0), 1)
        let ex = px - t * dx
        let ey = py - t * dy
        return ex * ex + ey * ey
    }
}
