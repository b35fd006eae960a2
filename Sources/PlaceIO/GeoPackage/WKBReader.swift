import PlaceGeometry

/// Reads well-known binary (either byte order; Z and M values dropped) into a `Shape`.
struct WKBReader {
    struct Failure: Error {
        var message: String
    }

    private let bytes: [UInt8]
    private var pos: Int

    init(_ bytes: [UInt8], at offset: Int) {
        self.bytes = bytes
        self.pos = offset
    }

    /// Point, MultiPoint, Polygon or MultiPolygon; other types are refused.
    mutating func shape() throws(Failure) -> Shape {
        let (type, dims, little) = try header()
        var shape = Shape(kind: .polygon, coordinates: [])
        switch type {
        case 1:
            shape.kind = .point
            try point(dims, little, into: &shape)
        case 3:
            try polygon(dims, little, into: &shape)
        case 4:
            shape.kind = .multiPoint
            for _ in 0..<(try count(little)) {
                let (t, d, l) = try header()
                guard t == 1 else { throw Failure(message: "a MultiPoint holds a geometry of type \(t)") }
                try point(d, l, into: &shape)
            }
        case 6:
            shape.kind = .multiPolygon
            for _ in 0..<(try count(little)) {
                let (t, d, l) = try header()
                guard t == 3 else { throw Failure(message: "a MultiPolygon holds a geometry of type \(t)") }
                try polygon(d, l, into: &shape)
            }
        default:
            throw Failure(message: "WKB geometry type \(type) is not supported (Polygon, MultiPolygon, Point and MultiPoint are)")
        }
        return shape
    }

    /// Byte order, base type and number of values per position (2 to 4).
    private mutating func header() throws(Failure) -> (type: UInt32, dims: Int, little: Bool) {
        guard pos < bytes.count else { throw Failure(message: "the geometry ends early") }
        let little = bytes[pos] == 1
        pos += 1
        var code = try uint32(little)
        var dims = 2
        if code & 0x8000_0000 != 0 { dims += 1 }  // EWKB Z flag
        if code & 0x4000_0000 != 0 { dims += 1 }  // EWKB M flag
        code &= 0x0FFF_FFFF
        switch code / 1000 {
        case 1, 2: dims += 1  // ISO Z or M
        case 3: dims += 2  // ISO ZM
        default: break
        }
        return (code % 1000, dims, little)
    }

    private mutating func polygon(_ dims: Int, _ little: Bool, into shape: inout Shape) throws(Failure) {
        for _ in 0..<(try count(little)) {
            for _ in 0..<(try count(little)) {
                try coordinate(dims, little, into: &shape)
            }
            shape.ringEnds.append(shape.coordinates.count / 2)
        }
        shape.polygonEnds.append(shape.ringEnds.count)
    }

    private mutating func point(_ dims: Int, _ little: Bool, into shape: inout Shape) throws(Failure) {
        try coordinate(dims, little, into: &shape)
    }

    private mutating func coordinate(_ dims: Int, _ little: Bool, into shape: inout Shape) throws(Failure) {
        guard pos + 8 * dims <= bytes.count else { throw Failure(message: "the geometry ends early") }
        shape.coordinates.append(double(little))
        shape.coordinates.append(double(little))
        pos += 8 * (dims - 2)
    }

    private mutating func count(_ little: Bool) throws(Failure) -> Int {
        let n = Int(try uint32(little))
        guard n <= (bytes.count - pos) else { throw Failure(message: "a count of \(n) is more than the geometry holds") }
        return n
    }

    private mutating func uint32(_ little: Bool) throws(Failure) -> UInt32 {
        guard pos + 4 <= bytes.count else { throw Failure(message: "the geometry ends early") }
        var v: UInt32 = 0
        for k in 0..<4 { v |= UInt32(bytes[pos + k]) << (8 * (little ? k : 3 - k)) }
        pos += 4
        return v
    }

    private mutating func double(_ little: Bool) -> Double {
        var bits: UInt64 = 0
        for k in 0..<8 { bits |= UInt64(bytes[pos + k]) << (8 * (little ? k : 7 - k)) }
        pos += 8
        return Double(bitPattern: bits)
    }
}
