import Foundation
import PlaceGeometry

/// Reads GeoJSON FeatureCollections (RFC 7946, plus the legacy `crs` member) into a `Layer`.
///
/// Accepts Polygon, MultiPolygon, Point and MultiPoint geometries and keeps every property and
/// the feature `id`. Coordinates go straight from the bytes into each feature's flat buffer.
public enum GeoJSONReader {
    /// Feature arrays longer than this many bytes are parsed on every core; lowered by the fuzz
    /// target and tests to reach the parallel path with small inputs.
    nonisolated(unsafe) static var parallelThreshold = 1 << 20

    /// Reads the file at `path`. `crs` overrides whatever the file says (or does not say).
    public static func read(path: String, crs override: CRS? = nil) throws(PlacemapError) -> Layer {
        try MemoryBudget.check(reading: path)
        return try PhaseClock.time("read \(path)") { () throws(PlacemapError) in
            try parse(FileData.read(path), source: path, crs: override)
        }
    }

    /// Parses GeoJSON bytes; `source` names them in messages.
    public static func parse(_ data: [UInt8], source: String, crs override: CRS? = nil) throws(PlacemapError) -> Layer {
        if let override, !override.isKnown {
            throw PlacemapError(
                .usage, file: source, message: "--crs \(override.epsg): PROJ knows no CRS \(override)",
                hint: "give an EPSG code PROJ knows, e.g. --crs 27700 or --crs 4326")
        }
        guard !data.isEmpty, data.contains(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }) else {
            throw PlacemapError(.badData, file: source, message: "the file is empty", hint: "expected a GeoJSON FeatureCollection")
        }
        var bytes = data
        var skip = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { skip = 3 }
        bytes.append(0)
        let result: Result<Layer, PlacemapError> = bytes.withUnsafeBufferPointer { buffer in
            var parser = Parser(scanner: JSONScanner(buffer), source: source)
            parser.scanner.pos = skip
            do throws(JSONScanner.Failure) {
                let layer = try parser.collection()
                return parser.pending.map { .failure($0) } ?? .success(layer)
            } catch {
                let (line, column) = parser.scanner.lineAndColumn(of: error.offset)
                return .failure(
                    PlacemapError(
                        .badData, file: source, line: line, column: column,
                        featureIndex: parser.featureIndex, message: error.message,
                        hint: "the file is not valid JSON here; fix it or re-export it (e.g. ogr2ogr -f GeoJSON)"))
            }
        }
        var layer = try result.get()
        let located = layer.features.filter { !($0.shape.kind == .polygon && $0.shape.coordinates.isEmpty) }
        if located.count < layer.features.count {
            let n = layer.features.count - located.count
            layer.warnings.append("\(n) feature\(n == 1 ? "" : "s") with a null geometry left out")
            layer.features = located
        }
        if let override { layer.crs = override }
        try CRSCheck.plausible(layer)
        return layer
    }
}

private struct Parser {
    var scanner: JSONScanner
    let source: String
    var featureIndex: Int?
    /// The first semantic (non-syntax) problem; reported once the feature's properties are known.
    var pending: PlacemapError?

    init(scanner: JSONScanner, source: String) {
        self.scanner = scanner
        self.source = source
    }

    mutating func collection() throws(JSONScanner.Failure) -> Layer {
        scanner.skipSpace()
        guard scanner.current == 0x7B else {
            throw scanner.fail("expected a GeoJSON object ('{') but found \(scanner.describeCurrent())")
        }
        var type: String?
        var name: String?
        var crs = CRS.wgs84
        var features: [Feature]?
        if !(try scanner.open(0x7B, closer: 0x7D, "'{'")) {
            var seen = Set<String>()
            repeat {
                let key = try memberKey(&seen)
                switch key {
                case "type": type = try scanner.string()
                case "name": name = (try scanner.value()).text
                case "crs": crs = try crsMember()
                case "features": features = try featureArray()
                default: try scanner.skipValue()
                }
                if pending != nil { return Layer(name: "", source: source, crs: crs, features: []) }
            } while try scanner.next(closer: 0x7D)
        }
        scanner.skipSpace()
        guard scanner.atEnd else { throw scanner.fail("unexpected \(scanner.describeCurrent()) after the end of the GeoJSON object") }
        let fileName = URL(fileURLWithPath: source).deletingPathExtension().lastPathComponent
        switch type {
        case "FeatureCollection":
            guard let features else {
                pending = PlacemapError(
                    .badData, file: source, message: "the FeatureCollection has no \"features\" member",
                    hint: "a FeatureCollection must have a \"features\" array")
                return Layer(name: "", source: source, crs: crs, features: [])
            }
            return Layer(name: name ?? fileName, source: source, crs: crs, features: features)
        case nil:
            pending = PlacemapError(
                .badData, file: source, message: "the top-level object has no \"type\"",
                hint: "expected {\"type\": \"FeatureCollection\", \"features\": [...]}")
        default:
            pending = PlacemapError(
                .badData, file: source, message: "the top-level type is \"\(type!)\", not \"FeatureCollection\"",
                hint: "wrap the geometries in a FeatureCollection (e.g. ogr2ogr -f GeoJSON out.geojson in)")
        }
        return Layer(name: "", source: source, crs: crs, features: [])
    }

    /// Reads a member name and its colon, refusing a name already seen in this object.
    mutating func memberKey(_ seen: inout Set<String>) throws(JSONScanner.Failure) -> String {
        let start = scanner.pos
        let key = try scanner.string()
        guard seen.insert(key).inserted else { throw scanner.fail("member \"\(key)\" appears twice in one object", at: start) }
        try scanner.expect(0x3A, "':'")
        return key
    }

    mutating func crsMember() throws(JSONScanner.Failure) -> CRS {
        let start = scanner.pos
        let value = try scanner.value()
        var text: String?
        if case .object(let o) = value, case .object(let p)? = o["properties"] { text = p["name"]?.text }
        guard let text, let crs = CRS(name: text) else {
            throw scanner.fail("the \"crs\" member is not a named EPSG CRS (e.g. \"urn:ogc:def:crs:EPSG::27700\")", at: start)
        }
        guard crs.isKnown else {
            throw scanner.fail("the \"crs\" member names \(crs), which PROJ does not know (is the code right?)", at: start)
        }
        return crs
    }

    mutating func featureArray() throws(JSONScanner.Failure) -> [Feature] {
        scanner.skipSpace()
        if scanner.current == 0x5B, scanner.bytes.count - scanner.pos > GeoJSONReader.parallelThreshold, let features = parallelFeatures() {
            return features
        }
        var features: [Feature] = []
        features.reserveCapacity(1024)
        if try scanner.open(0x5B, closer: 0x5D, "'[' to start the features array") { return features }
        repeat {
            featureIndex = features.count
            let f = try feature()
            if pending != nil { return features }
            features.append(f)
        } while try scanner.next(closer: 0x5D)
        featureIndex = nil
        return features
    }

    /// Parses a large features array on every core: a structural scan finds where each feature
    /// starts, and chunks of features are parsed independently. Nil on any problem, so that the
    /// serial parse reports it exactly as it would have.
    mutating func parallelFeatures() -> [Feature]? {
        guard let (starts, end) = scanner.arrayElements(openingAt: scanner.pos), !starts.isEmpty else { return nil }
        nonisolated(unsafe) let bytes = scanner.bytes
        let source = self.source
        let chunk = 256
        let chunks = stride(from: 0, to: starts.count, by: chunk).map { $0..<min($0 + chunk, starts.count) }
        let parsed: [[Feature]?] = Parallel.map(chunks.count, state: { () }) { _, c in
            var parser = Parser(scanner: JSONScanner(bytes), source: source)
            var out: [Feature] = []
            out.reserveCapacity(chunks[c].count)
            for k in chunks[c] {
                parser.scanner.pos = starts[k]
                parser.featureIndex = k
                guard let f = try? parser.feature(), parser.pending == nil else { return nil }
                // The feature must end where the next element (or the array) begins.
                parser.scanner.skipSpace()
                let c = parser.scanner.current
                guard c == 0x2C || (c == 0x5D && parser.scanner.pos == end - 1) else { return nil }
                out.append(f)
            }
            return out
        }
        var features: [Feature] = []
        features.reserveCapacity(starts.count)
        for part in parsed {
            guard let part else { return nil }
            features += part
        }
        scanner.pos = end
        return features
    }

    mutating func feature() throws(JSONScanner.Failure) -> Feature {
        var type: String?
        var id: JSONValue?
        var properties = JSONObject()
        var geometry = GeometryParse()
        var sawGeometry = false
        var nullGeometry = false
        if !(try scanner.open(0x7B, closer: 0x7D, "'{' to start a feature")) {
            var seen = Set<String>()
            repeat {
                let key = try memberKey(&seen)
                switch key {
                case "type": type = try scanner.string()
                case "id": id = try scanner.value()
                case "properties":
                    scanner.skipSpace()
                    if scanner.current == 0x6E { try scanner.literal("null") } else { properties = try scanner.object() }
                case "geometry":
                    sawGeometry = true
                    scanner.skipSpace()
                    if scanner.current == 0x6E {
                        try scanner.literal("null")
                        nullGeometry = true
                    } else {
                        geometry = try self.geometry()
                    }
                default: try scanner.skipValue()
                }
            } while try scanner.next(closer: 0x7D)
        }
        let code = Self.guessCode(properties, id: id)
        func problem(_ message: String, _ hint: String) -> PlacemapError {
            PlacemapError(.badData, file: source, featureIndex: featureIndex, featureCode: code, message: message, hint: hint)
        }
        if type != "Feature" {
            pending = problem(
                type.map { "type is \"\($0)\", not \"Feature\"" } ?? "the feature has no \"type\"",
                "each element of \"features\" must be {\"type\": \"Feature\", ...}")
        } else if nullGeometry {
            // "geometry": null (RFC 7946 §3.2, an unlocated feature): left out of the layer with a warning.
            return Feature(id: id, properties: properties, shape: Shape(kind: .polygon, coordinates: []))
        } else if !sawGeometry || geometry.type == nil {
            pending = problem("the feature has no geometry", "remove the feature or give it a Polygon, MultiPolygon, Point or MultiPoint")
        } else if let message = geometry.problem {
            pending = problem(message, geometry.hint)
        }
        return Feature(id: id, properties: properties, shape: geometry.shape)
    }

    /// The feature's identity for messages: an ONS-style code property, or the id.
    static func guessCode(_ properties: JSONObject, id: JSONValue?) -> String? {
        for (key, value) in properties.members {
            let k = key.lowercased()
            if k.hasSuffix("cd") || k.hasSuffix("_code") || k == "code", case .string(let s) = value { return s }
        }
        return id?.text
    }

    mutating func geometry() throws(JSONScanner.Failure) -> GeometryParse {
        var result = GeometryParse()
        var depth: Int?
        if try scanner.open(0x7B, closer: 0x7D, "'{' to start a geometry") {
            result.problem = "the geometry object is empty"
            return result
        }
        var seen = Set<String>()
        repeat {
            let key = try memberKey(&seen)
            switch key {
            case "type": result.type = try scanner.string()
            case "coordinates": depth = try coordinates(into: &result.shape)
            default: try scanner.skipValue()
            }
        } while try scanner.next(closer: 0x7D)
        result.check(depth: depth)
        return result
    }

    /// The deepest coordinate nesting of a supported geometry (MultiPolygon).
    static let maxCoordinateDepth = 4

    /// Reads a nested coordinate array into `shape`, returning its nesting depth (1 = a position).
    mutating func coordinates(into shape: inout Shape) throws(JSONScanner.Failure) -> Int {
        scanner.skipSpace()
        var depth = 0
        var p = scanner.pos
        while true {
            let c = scanner.bytes[p]
            if c == 0x5B { depth += 1 } else if !(c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09) { break }
            p += 1
        }
        guard depth > 0 else { throw scanner.fail("\"coordinates\" must be an array") }
        // Positions nest at most 4 deep (MultiPolygon); refusing deeper arrays here also bounds the
        // recursion of `level`, which would otherwise overflow the stack on hostile input.
        guard depth <= Self.maxCoordinateDepth else {
            throw scanner.fail(
                "\"coordinates\" arrays are nested \(depth) deep; GeoJSON nests them at most \(Self.maxCoordinateDepth) deep (MultiPolygon)"
            )
        }
        if depth == 1, scanner.bytes[p] == 0x5D {
            scanner.pos = p + 1
            return 0
        }
        if depth == 1 {
            try position(into: &shape)
        } else {
            try level(depth, into: &shape)
        }
        return depth
    }

    /// Parses an array of `depth` levels: 2 = positions (a ring), 3 = rings (a polygon), 4 = polygons.
    mutating func level(_ depth: Int, into shape: inout Shape) throws(JSONScanner.Failure) {
        if try scanner.open(0x5B, closer: 0x5D, "'['") {
            if depth == 2 { shape.ringEnds.append(shape.coordinates.count / 2) }
            if depth == 3 { shape.polygonEnds.append(shape.ringEnds.count) }
            return
        }
        repeat {
            if depth == 2 { try position(into: &shape) } else { try level(depth - 1, into: &shape) }
        } while try scanner.next(closer: 0x5D)
        if depth == 2 { shape.ringEnds.append(shape.coordinates.count / 2) }
        if depth == 3 { shape.polygonEnds.append(shape.ringEnds.count) }
    }

    @inline(__always) mutating func position(into shape: inout Shape) throws(JSONScanner.Failure) {
        try scanner.expect(0x5B, "'[' to start a position")
        let x = try scanner.number()
        try scanner.expect(0x2C, "',' between x and y (a position needs at least 2 numbers)")
        let y = try scanner.number()
        while try scanner.next(closer: 0x5D) { _ = try scanner.number() }
        shape.coordinates.append(x)
        shape.coordinates.append(y)
    }
}

/// A geometry as parsed, with the first structural problem found in it.
private struct GeometryParse {
    var type: String?
    var shape = Shape(kind: .polygon, coordinates: [])
    var problem: String?
    var hint = "repair the geometry (e.g. placemap validate FILE --fix OUT) or re-export it"

    mutating func check(depth: Int?) {
        guard let type else {
            problem = "the geometry has no \"type\""
            return
        }
        let expected: [String: (Shape.Kind, Int)] = [
            "Point": (.point, 1), "MultiPoint": (.multiPoint, 2), "Polygon": (.polygon, 3), "MultiPolygon": (.multiPolygon, 4),
        ]
        guard let (kind, wantDepth) = expected[type] else {
            problem = "geometry type \"\(type)\" is not supported (Polygon, MultiPolygon, Point and MultiPoint are)"
            hint = "keep only polygon or point layers; convert lines or collections first"
            return
        }
        shape.kind = kind
        guard let depth else {
            problem = "the \(type) has no \"coordinates\""
            return
        }
        if shape.coordinates.isEmpty {
            problem = "the \(type) is empty (no coordinates)"
            hint = "remove the feature or give it a geometry"
            return
        }
        guard depth == wantDepth else {
            problem = "\(type) coordinates must be nested \(wantDepth) deep, found \(depth)"
            return
        }
        if kind == .polygon, shape.polygonEnds.count != 1 {
            problem = "a Polygon must have exactly one set of rings"
            return
        }
        if let bad = shape.coordinates.firstIndex(where: { !$0.isFinite }) {
            problem = "coordinate \(bad / 2) is not a finite number"
            return
        }
        guard shape.isPolygonal else { return }
        for j in 0..<shape.polygonEnds.count where shape.polygonRange(j).isEmpty {
            problem = "polygon \(j) has no rings"
            return
        }
        for r in 0..<shape.ringEnds.count {
            let range = shape.ringRange(r)
            let c = shape.coordinates
            guard range.count >= 4 else {
                problem = "ring \(r) has \(range.count) positions; a closed ring needs at least 4"
                return
            }
            let first = 2 * range.lowerBound
            let last = 2 * (range.upperBound - 1)
            guard c[first] == c[last], c[first + 1] == c[last + 1] else {
                problem = "ring \(r) is not closed: it starts at (\(c[first]), \(c[first + 1])) and ends at (\(c[last]), \(c[last + 1]))"
                hint = "RFC 7946 rings end with their first position; close the ring or re-export the file"
                return
            }
        }
    }
}
