/// Planar coordinates of a point, multipoint, polygon or multipolygon, held in flat buffers.
///
/// `Shape` is a plain value (`Sendable`), so features move freely between tasks; build a
/// `Geometry` from it inside a `GEOSContext` to compute. Coordinates are interleaved x, y;
/// `ringEnds[i]` is the point index one past ring `i`, and `polygonEnds[j]` the ring index one past
/// polygon `j` (the first ring of each polygon is its exterior). Points use no rings.
public struct Shape: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case point = "Point"
        case multiPoint = "MultiPoint"
        case polygon = "Polygon"
        case multiPolygon = "MultiPolygon"
    }

    public var kind: Kind
    public var coordinates: [Double]
    public var ringEnds: [Int]
    public var polygonEnds: [Int]

    public init(kind: Kind, coordinates: [Double], ringEnds: [Int] = [], polygonEnds: [Int] = []) {
        self.kind = kind
        self.coordinates = coordinates
        self.ringEnds = ringEnds
        self.polygonEnds = polygonEnds
    }

    /// A polygon from rings of (x, y) pairs: the exterior first, then holes.
    public static func polygon(_ rings: [[(Double, Double)]]) -> Shape {
        multiPolygon([rings], kind: .polygon)
    }

    /// A multipolygon from polygons, each a list of rings of (x, y) pairs.
    public static func multiPolygon(_ polygons: [[[(Double, Double)]]], kind: Kind = .multiPolygon) -> Shape {
        var shape = Shape(kind: kind, coordinates: [])
        for rings in polygons {
            for ring in rings {
                for (x, y) in ring { shape.coordinates += [x, y] }
                shape.ringEnds.append(shape.coordinates.count / 2)
            }
            shape.polygonEnds.append(shape.ringEnds.count)
        }
        return shape
    }

    /// A single point.
    public static func point(_ x: Double, _ y: Double) -> Shape { Shape(kind: .point, coordinates: [x, y]) }

    public var pointCount: Int { coordinates.count / 2 }
    public var isPolygonal: Bool { kind == .polygon || kind == .multiPolygon }
    public var isEmpty: Bool { coordinates.isEmpty }

    /// The point range of ring `i`.
    public func ringRange(_ i: Int) -> Range<Int> { (i == 0 ? 0 : ringEnds[i - 1])..<ringEnds[i] }

    /// The ring range of polygon `j`.
    public func polygonRange(_ j: Int) -> Range<Int> { (j == 0 ? 0 : polygonEnds[j - 1])..<polygonEnds[j] }

    /// The bounding box, or nil when empty.
    public var bounds: Bounds? {
        guard !coordinates.isEmpty else { return nil }
        var b = Bounds(minX: .infinity, minY: .infinity, maxX: -.infinity, maxY: -.infinity)
        var i = 0
        while i < coordinates.count {
            b.include(x: coordinates[i], y: coordinates[i + 1])
            i += 2
        }
        return b
    }

    /// Twice the signed area of ring `i` (shoelace): positive when counter-clockwise.
    public func signedDoubleArea(ring i: Int) -> Double {
        let r = ringRange(i)
        guard r.count >= 3 else { return 0 }
        var sum = 0.0
        let x0 = coordinates[2 * r.lowerBound]
        let y0 = coordinates[2 * r.lowerBound + 1]
        for p in r.lowerBound..<(r.upperBound - 1) {
            let ax = coordinates[2 * p] - x0
            let ay = coordinates[2 * p + 1] - y0
            let bx = coordinates[2 * p + 2] - x0
            let by = coordinates[2 * p + 3] - y0
            sum += ax * by - bx * ay
        }
        return sum
    }

    /// Reverses the point order of ring `i` in place.
    public mutating func reverseRing(_ i: Int) {
        let r = ringRange(i)
        var lo = r.lowerBound
        var hi = r.upperBound - 1
        while lo < hi {
            coordinates.swapAt(2 * lo, 2 * hi)
            coordinates.swapAt(2 * lo + 1, 2 * hi + 1)
            lo += 1
            hi -= 1
        }
    }
}

/// An axis-aligned bounding box.
public struct Bounds: Sendable, Equatable {
    public var minX: Double, minY: Double, maxX: Double, maxY: Double

    public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = minX
        self.minY = minY
        self.maxX = maxX
        self.maxY = maxY
    }

    public mutating func include(x: Double, y: Double) {
        if x < minX { minX = x }
        if x > maxX { maxX = x }
        if y < minY { minY = y }
        if y > maxY { maxY = y }
    }

    public mutating func include(_ other: Bounds) {
        include(x: other.minX, y: other.minY)
        include(x: other.maxX, y: other.maxY)
    }

    public func intersects(_ other: Bounds) -> Bool {
        minX <= other.maxX && other.minX <= maxX && minY <= other.maxY && other.minY <= maxY
    }
}
