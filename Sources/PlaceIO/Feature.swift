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

    /// The same features in `target`, reprojected with PROJ; self when already there.
    public func reprojected(to target: CRS) throws(InputError) -> Layer {
        guard target != crs else { return self }
        var out = self
        do {
            let transform = try CoordinateTransform(from: crs, to: target)
            for i in out.features.indices {
                do {
                    try transform.transform(&out.features[i].shape.coordinates)
                } catch {
                    throw InputError(.badData, file: source, featureIndex: i, message: "cannot reproject \(crs) → \(target): \(error)",
                                     hint: "check that the file's CRS is really \(crs)")
                }
            }
        } catch let error as InputError {
            throw error
        } catch {
            throw InputError(.usage, file: source, message: "cannot reproject \(crs) → \(target): \(error)")
        }
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
