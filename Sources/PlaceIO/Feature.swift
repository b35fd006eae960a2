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
