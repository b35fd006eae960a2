import PlaceGeometry

/// Writes a `Layer` as a GeoJSON FeatureCollection.
///
/// By default the output follows RFC 7946: WGS 84 longitude/latitude (the layer is reprojected
/// when it is not), no `crs` member, exterior rings counter-clockwise and holes clockwise, and a
/// fixed number of decimals (6 ≈ 0.1 m). With `keepCRS` a projected layer is written in its own CRS
/// with a legacy `crs` member (as GDAL does) and every coordinate in shortest round-trip form, so
/// that reading it back gives the same doubles.
public struct GeoJSONWriter: Sendable {
    public var decimals: Int
    public var keepCRS: Bool

    public init(decimals: Int = 6, keepCRS: Bool = false) {
        self.decimals = decimals
        self.keepCRS = keepCRS
    }

    /// The FeatureCollection as text; `members` are extra top-level members (e.g. provenance). Files are
    /// written by the output side (PlaceOutput), which owns naming and safety.
    public func text(_ layer: Layer, members: JSONObject = JSONObject()) throws(PlacemapError) -> String {
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
        // Features are written in runs on every core and joined in order.
        let features = out.features
        let runs = stride(from: 0, to: features.count, by: 8).map { $0..<min($0 + 8, features.count) }
        let writer = self
        let texts = Parallel.map(runs.count, state: {}) { _, k in
            var t = ""
            for i in runs[k] {
                writer.appendFeature(features[i], projected: projected, to: &t)
                t += i + 1 < features.count ? " },\n" : " }\n"
            }
            return t
        }
        for t in texts { s += t }
        s += "]\n}\n"
        return s
    }

    /// One feature, without its closing brace.
    private func appendFeature(_ f: Feature, projected: Bool, to s: inout String) {
        s += "{ \"type\": \"Feature\""
        if let id = f.id {
            s += ", \"id\": "
            JSONText.append(id, to: &s)
        }
        s += ", \"properties\": "
        JSONText.append(.object(f.properties), to: &s)
        s += ", \"geometry\": "
        appendGeometry(projected ? f.shape : Self.orientedForRFC7946(f.shape), projected: projected, to: &s)
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
