import PlaceGeometry

/// One feature: a geometry with its `id` and properties, as a plain value.
public struct Feature: Sendable {
    public var id: JSONValue?
    public var properties: JSONObject
    public var shape: Shape

    public init(id: JSONValue? = nil, properties: JSONObject = JSONObject(), shape: Shape) {
        self.id = id
        self.properties = properties
        self.shape = shape
    }
}

/// A set of features in one CRS, read from (or bound for) one file.
public struct Layer: Sendable {
    /// The layer name (GeoJSON `name` member, or the file name).
    public var name: String
    /// The file it came from, for messages.
    public var source: String
    public var crs: CRS
    public var features: [Feature]

    public init(name: String, source: String, crs: CRS, features: [Feature]) {
        self.name = name
        self.source = source
        self.crs = crs
        self.features = features
    }

    /// The same features in `target`, reprojected with PROJ on every core; self when already there.
    public func reprojected(to target: CRS) throws(InputError) -> Layer {
        guard target != crs else { return self }
        let source = crs, features = features, file = self.source
        do {
            _ = try CoordinateTransform(from: source, to: target)
        } catch {
            throw InputError(.usage, file: file, message: "cannot reproject \(source) → \(target): \(error)")
        }
        // One transform per worker (PROJ objects are not thread-safe); `try?` above proved it can be made.
        let shapes = try Parallel.map(features.count, state: { try? CoordinateTransform(from: source, to: target) }) {
            (transform, i) throws(InputError) -> [Double] in
            var xy = features[i].shape.coordinates
            do {
                guard let transform else { throw GeometryError.proj(function: "proj_create_crs_to_crs", message: "no transform") }
                try transform.transform(&xy)
            } catch {
                throw InputError(.badData, file: file, featureIndex: i, message: "cannot reproject \(source) → \(target): \(error)",
                                 hint: "check that the file's CRS is really \(source)")
            }
            return xy
        }
        var out = self
        for i in out.features.indices { out.features[i].shape.coordinates = shapes[i] }
        out.crs = target
        return out
    }

    /// The bounds of all features.
    public var bounds: Bounds? {
        var all: Bounds?
        for f in features {
            guard let b = f.shape.bounds else { continue }
            if all == nil { all = b } else { all!.include(b) }
        }
        return all
    }
}
