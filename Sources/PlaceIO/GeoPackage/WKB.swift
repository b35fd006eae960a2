import PlaceGeometry

/// Well-known binary (little-endian, 2D) written straight from a `Shape`.
enum WKB {
    /// Polygonal shapes as MultiPolygon, a single point as Point, several as MultiPoint.
    static func bytes(_ shape: Shape) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(16 + shape.coordinates.count * 8 + shape.ringEnds.count * 4)
        let c = shape.coordinates
        switch shape.kind {
        case .point:
            header(1, into: &out)
            double(c[0], into: &out)
            double(c[1], into: &out)
        case .multiPoint:
            header(4, into: &out)
            uint32(shape.pointCount, into: &out)
            for p in 0..<shape.pointCount {
                header(1, into: &out)
                double(c[2 * p], into: &out)
                double(c[2 * p + 1], into: &out)
            }
        case .polygon, .multiPolygon:
            header(6, into: &out)
            uint32(shape.polygonEnds.count, into: &out)
            for j in 0..<shape.polygonEnds.count {
                header(3, into: &out)
                uint32(shape.polygonRange(j).count, into: &out)
                for r in shape.polygonRange(j) {
                    uint32(shape.ringRange(r).count, into: &out)
                    for p in shape.ringRange(r) {
                        double(c[2 * p], into: &out)
                        double(c[2 * p + 1], into: &out)
                    }
                }
            }
        }
        return out
    }

    /// The OGC type name the shape is written as.
    static func typeName(_ shape: Shape) -> String {
        switch shape.kind {
        case .point: return "POINT"
        case .multiPoint: return "MULTIPOINT"
        case .polygon, .multiPolygon: return "MULTIPOLYGON"
        }
    }

    private static func header(_ type: UInt32, into out: inout [UInt8]) {
        out.append(1)  // little-endian
        uint32(Int(type), into: &out)
    }

    static func uint32(_ v: Int, into out: inout [UInt8]) {
        withUnsafeBytes(of: UInt32(v).littleEndian) { out.append(contentsOf: $0) }
    }

    static func double(_ v: Double, into out: inout [UInt8]) {
        withUnsafeBytes(of: v.bitPattern.littleEndian) { out.append(contentsOf: $0) }
    }
}
