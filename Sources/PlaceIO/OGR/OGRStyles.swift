import CGDAL
import Foundation

/// QGIS's `layer_styles` table in a GeoPackage: one default style per layer, which QGIS applies
/// when it opens the layer. The table is an attribute table registered in `gpkg_contents`.
enum OGRStyles {
    /// QGIS's columns, in its order, with their OGR types.
    static let columns: [(name: String, type: OGRFieldType, subType: OGRFieldSubType)] = [
        ("f_table_catalog", OFTString, OFSTNone), ("f_table_schema", OFTString, OFSTNone), ("f_table_name", OFTString, OFSTNone),
        ("f_geometry_column", OFTString, OFSTNone), ("styleName", OFTString, OFSTNone), ("styleQML", OFTString, OFSTNone),
        ("styleSLD", OFTString, OFSTNone), ("useAsDefault", OFTInteger, OFSTBoolean), ("description", OFTString, OFSTNone),
        ("owner", OFTString, OFSTNone), ("ui", OFTString, OFSTNone), ("update_time", OFTDateTime, OFSTNone),
    ]

    /// Stores `style` as the default style of `table`, replacing the styles stored for it before.
    static func store(_ style: LayerStyle, for table: String, in dataset: OGRDataset) throws(PlacemapError) {
        let styles: OGRLayer
        if let existing = dataset.layer(named: "layer_styles") {
            styles = existing
            try dataset.execute("DELETE FROM layer_styles WHERE f_table_name = '\(table.replacingOccurrences(of: "'", with: "''"))'")
        } else {
            styles = try dataset.createLayer("layer_styles", crs: nil, type: wkbNone, options: ["FID=id"])
            for c in columns { try styles.createField(c.name, type: c.type, subType: c.subType) }
        }
        let feature = try styles.makeFeature()
        let time = ISO8601DateFormatter().string(from: Date())
        let values: [String: JSONValue] = [
            "f_table_catalog": .string(""), "f_table_schema": .string(""), "f_table_name": .string(table),
            "f_geometry_column": .string("geom"), "styleName": .string(style.name), "styleQML": .string(style.qml),
            "styleSLD": .string(style.sld), "useAsDefault": .bool(true), "description": .string(style.description),
            "owner": .string(""), "ui": .null, "update_time": .string(time),
        ]
        for c in columns {
            let i = feature.fieldIndex(c.name)
            guard i >= 0 else {
                throw PlacemapError(
                    .badData, file: dataset.source, message: "its layer_styles table has no column \(c.name)",
                    hint: "remove the layer_styles table or write to another GeoPackage")
            }
            feature.set(i, values[c.name] ?? .null, type: c.type)
        }
        try styles.create(feature, index: 0)
    }
}
