extension Shape {
    /// Planar area of a polygonal shape (0 for points), in the units of the coordinates squared: each
    /// polygon's shell less its holes, each ring by the shoelace sum about its first vertex, summed in
    /// the order GEOS sums them, so that the value is GEOS's (`GEOSArea_r`) to the last bit without
    /// building a GEOS geometry.
    public var planarArea: Double {
        guard isPolygonal else { return 0 }
        var total = 0.0
        var ring = 0
        for end in polygonEnds {
            var area = 0.0
            for r in ring..<end {
                let a = abs(signedRingArea(r))
                area += r == ring ? a : -a
            }
            total += area
            ring = end
        }
        return total
    }

    /// Half the shoelace sum of ring `r` about its first vertex: Σ (xᵢ − x₀)(yᵢ₋₁ − yᵢ₊₁) / 2.
    func signedRingArea(_ r: Int) -> Double {
        let range = ringRange(r)
        guard range.count >= 3 else { return 0 }
        let c = coordinates
        let x0 = c[2 * range.lowerBound]
        var sum = 0.0
        for i in (range.lowerBound + 1)..<(range.upperBound - 1) {
            sum += (c[2 * i] - x0) * (c[2 * i - 1] - c[2 * i + 3])
        }
        return sum / 2
    }
}
