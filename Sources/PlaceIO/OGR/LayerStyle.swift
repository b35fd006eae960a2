/// A QGIS style stored with a GeoPackage layer in QGIS's `layer_styles` table, so that QGIS
/// opens the layer already styled.
public struct LayerStyle: Sendable {
    public var name: String
    /// The style as QGIS QML.
    public var qml: String
    /// The style as SLD, when the caller has one.
    public var sld: String
    public var description: String

    public init(name: String, qml: String, sld: String = "", description: String = "") {
        self.name = name
        self.qml = qml
        self.sld = sld
        self.description = description
    }
}
