import PlaceIO

/// QGIS layer styles (QML), for a GeoPackage's `layer_styles` table, in the report's colours.
public enum QGISStyle {
    /// The style of coterminosity's places layer (`places.gpkg`): coloured by status.
    public static var places: LayerStyle {
        LayerStyle(
            name: "placemap status", qml: placesByStatus(),
            description: "Places by coterminosity status, in the colours of placemap's report (UK Government Analysis Function palette)")
    }

    /// A categorised fill renderer on the `status` field: coterminous, split (with a heavy outline, as
    /// in the report) and outside, in the report's palette.
    public static func placesByStatus(field: String = "status") -> String {
        var categories = ""
        var symbols = ""
        for (k, status) in Palette.statuses.enumerated() {
            categories += "      <category value=\"\(status)\" symbol=\"\(k)\" label=\"\(status)\" render=\"true\"/>\n"
            let split = status == "split"
            symbols += """
                      <symbol type="fill" name="\(k)" alpha="1" clip_to_extent="1" force_rhr="0">
                        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
                          <Option type="Map">
                            <Option type="QString" name="color" value="\(rgba(Palette.status(status)))"/>
                            <Option type="QString" name="outline_color" value="\(split ? "11,12,12,255" : "255,255,255,255")"/>
                            <Option type="QString" name="outline_style" value="solid"/>
                            <Option type="QString" name="outline_width" value="\(split ? "0.6" : "0.1")"/>
                            <Option type="QString" name="outline_width_unit" value="MM"/>
                            <Option type="QString" name="style" value="solid"/>
                          </Option>
                        </layer>
                      </symbol>

                """
        }
        return """
            <!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
            <qgis version="3.28" styleCategories="Symbology">
              <renderer-v2 type="categorizedSymbol" attr="\(XML.escape(field))" forceraster="0" symbollevels="0" enableorderby="0">
                <categories>
            \(categories)    </categories>
                <symbols>
            \(symbols)    </symbols>
              </renderer-v2>
            </qgis>

            """
    }

    /// "r,g,b,255" from "#RRGGBB".
    static func rgba(_ hex: String) -> String {
        let d = Array(hex.dropFirst())
        guard d.count == 6 else { return "0,0,0,255" }
        let v = stride(from: 0, to: 6, by: 2).map { Int(String(d[$0..<($0 + 2)]), radix: 16) ?? 0 }
        return v.map(String.init).joined(separator: ",") + ",255"
    }
}
