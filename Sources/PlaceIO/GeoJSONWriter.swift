import PlaceGeometry

/// Writes a `Layer` as a GeoJSON FeatureCollection.
///
/// By default the output follows RFC 7946: WGS 84 longitude/latitude (the layer is reprojected
/// when it is not), no `crs` member, exterior rings counter-clockwise and holes clockwise, and a
/// fixed number of decimals (6 ≈ 0.1 m). With `keepCRS` a projected layer is written in its own CRS
/// with a legacy `crs` member (as GDAL does) and every coordinate in shortest round-trip form, so
/// that reading it back gives the same doubles.
public struct GeoJSONWriter {
    public var decimals: Int
    public var keepCRS: Bool

    public init(decimals: Int = 6, keepCRS: Bool = false) {
        self.decimals = decimals
        self.keepCRS = keepCRS
    }

    /// The FeatureCollection as text; `members` are extra top-level members (e.g. provenance). Files are
    /// written by the output side (PlaceOutput), which owns naming and safety.
    public func text(_ layer: Layer, members: JSONObject = JSONObject()) throws(InputError) -> String {
        let projected = keepCRS && layer.crs != .wgs84
        let out = projected ? layer : try layer.reprojected(to: .wgs84)
        var s = "{\n\"type\": \"FeatureCollection\",\n\"name\": "
        JSONText.append(string: layer.name, to: &s)
        if projected {
            s += ",\n\"crs\": { \"type\": \"name\", \"properties\": { \"name\": \"urn:ogc:def:crs:EPSG::\(layer.crs.epsg)\" } }"
        }
        for (k, v) in members.members {
            s += ",\n"
            JSONText.append(string: k, to: &s)
            s += ": "
            JSONText.append(v, to: &s)
        }
        s += ",\n\"features\": [\n"
        for (i, f) in out.features.enumerated() {
            s += "{ \"type\": \"Feature\""
            if let id = f.id {
                s += ", \"id\": "
                JSONText.append(id, to: &s)
            }
            s += ", \"properties\": "
            JSONText.append(.object(f.properties), to: &s)
            s += ", \"geometry\": "
            appendGeometry(projected ? f.shape : Self.orientedForRFC7946(f.shape), projected: projected, to: &s)
            s += i + 1 < out.features.count ? " },\n" : " }\n"
        }
        s += "]\n}\n"
        return s
    }

    /// Exterior rings counter-clockwise, holes clockwise (RFC 7946 §3.1.6).
    public static func orientedForRFC7946(_ shape: Shape) -> Shape {
        guard shape.isPolygonal else { return shape }
        var oriented = shape
        for j in 0..<shape.polygonEnds.count {
            for r in shape.polygonRange(j) {
                let isExterior = r == shape.polygonRange(j).lowerBound
                let area = shape.signedDoubleArea(ring: r)
                if (isExterior && area < 0) || (!isExterior && area > 0) { oriented.reverseRing(r) }
            }
        }
        return oriented
    }

    private func appendGeometry(_ shape: Shape, projected: Bool, to s: inout String) {
        s += "{ \"type\": \"\(shape.kind.rawValue)\", \"coordinates\": "
        let c = shape.coordinates
        func position(_ p: Int) {
            s += "["
            appendNumber(c[2 * p], projected: projected, to: &s)
            s += ","
            appendNumber(c[2 * p + 1], projected: projected, to: &s)
            s += "]"
        }
        func ring(_ r: Int) {
            s += "["
            for p in shape.ringRange(r) {
                if p > shape.ringRange(r).lowerBound { s += "," }
                position(p)
            }
            s += "]"
        }
        func polygon(_ j: Int) {
            s += "["
            for r in shape.polygonRange(j) {
                if r > shape.polygonRange(j).lowerBound { s += "," }
                ring(r)
            }
            s += "]"
        }
        switch shape.kind {
        case .point: position(0)
        case .multiPoint:
            s += "["
            for p in 0..<shape.pointCount {
                if p > 0 { s += "," }
                position(p)
            }
            s += "]"
        case .polygon: polygon(0)
        case .multiPolygon:
            s += "["
            for j in 0..<shape.polygonEnds.count {
                if j > 0 { s += "," }
                polygon(j)
            }
            s += "]"
        }
        s += " }"
    }

    private func appendNumber(_ v: Double, projected: Bool, to s: inout String) {
        if projected { s += JSONText.shortest(v) } else { JSONText.append(fixed: v, decimals: decimals, to: &s) }
    }
}

/// JSON text output helpers.
public enum JSONText {
    /// Shortest text that reads back to the same double.
    public static func shortest(_ v: Double) -> String {
        if v.rounded() == v, abs(v) < 1e15 { return String(Int64(v)) }
        return String(v)
    }

    /// `v` rounded to `decimals` places, trailing zeros trimmed.
    public static func append(fixed v: Double, decimals: Int, to s: inout String) {
        let scale = pow10(decimals)
        let scaled = (abs(v) * scale).rounded()
        guard scaled < 9e15 else {
            s += shortest(v)
            return
        }
        var units = Int64(scaled)
        if units == 0 {
            s += "0"
            return
        }
        if v < 0 { s += "-" }
        let divisor = Int64(scale)
        s += String(units / divisor)
        units %= divisor
        guard units > 0 else { return }
        var digits = String(units)
        digits = String(repeating: "0", count: decimals - digits.count) + digits
        while digits.last == "0" { digits.removeLast() }
        s += "." + digits
    }

    private static func pow10(_ n: Int) -> Double {
        var r = 1.0
        for _ in 0..<n { r *= 10 }
        return r
    }

    public static func append(string: String, to s: inout String) {
        s += "\""
        for u in string.unicodeScalars {
            switch u {
            case "\"": s += "\\\""
            case "\\": s += "\\\\"
            case "\n": s += "\\n"
            case "\r": s += "\\r"
            case "\t": s += "\\t"
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    s += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    s.unicodeScalars.append(u)
                }
            }
        }
        s += "\""
    }

    public static func append(_ value: JSONValue, to s: inout String) {
        switch value {
        case .null: s += "null"
        case .bool(let b): s += b ? "true" : "false"
        case .number(let n): s += n.isFinite ? shortest(n) : "null"
        case .string(let t): append(string: t, to: &s)
        case .array(let items):
            s += "["
            for (i, item) in items.enumerated() {
                if i > 0 { s += ", " }
                append(item, to: &s)
            }
            s += "]"
        case .object(let o):
            s += "{ "
            for (i, (k, v)) in o.members.enumerated() {
                if i > 0 { s += ", " }
                append(string: k, to: &s)
                s += ": "
                append(v, to: &s)
            }
            s += o.count == 0 ? "}" : " }"
        }
    }

    /// A whole value as text.
    public static func text(_ value: JSONValue) -> String {
        var s = ""
        append(value, to: &s)
        return s
    }
}
