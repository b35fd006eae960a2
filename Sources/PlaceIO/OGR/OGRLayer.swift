import CGDAL

/// A layer of an open dataset (`OGRLayerH`). GDAL owns the handle; this object holds its dataset
/// so that the layer stays valid as long as it is used.
final class OGRLayer {
    let handle: OGRLayerH
    let dataset: OGRDataset

    init(handle: OGRLayerH, dataset: OGRDataset) {
        self.handle = handle
        self.dataset = dataset
    }

    /// The layer name (`OGR_L_GetName`).
    var name: String { OGR_L_GetName(handle).map { String(cString: $0) } ?? "" }

    /// A copy of the layer's spatial reference (`OGR_L_GetSpatialRef`), nil when it has none.
    var spatialReference: OGRSpatialReference? { OGRSpatialReference(cloning: OGR_L_GetSpatialRef(handle)) }

    /// The number of features the source declares (its header, `.shx`, `gpkg_ogr_contents`), nil
    /// when the driver would have to count them (`OGR_L_GetFeatureCount` without forcing).
    var declaredFeatureCount: Int? {
        let count = OGR_L_GetFeatureCount(handle, 0)
        return count < 0 ? nil : Int(count)
    }

    /// The attribute fields: name, type and subtype (`OGR_L_GetLayerDefn`, `OGR_FD_GetFieldDefn`).
    var fields: [(name: String, type: OGRFieldType, subType: OGRFieldSubType)] {
        guard let definition = OGR_L_GetLayerDefn(handle) else { return [] }
        return (0..<OGR_FD_GetFieldCount(definition)).compactMap { i in
            guard let field = OGR_FD_GetFieldDefn(definition, i) else { return nil }
            return (OGR_Fld_GetNameRef(field).map { String(cString: $0) } ?? "", OGR_Fld_GetType(field), OGR_Fld_GetSubType(field))
        }
    }

    /// The name of the geometry column, "" when the driver has none (`OGR_L_GetGeometryColumn`).
    var geometryColumn: String { OGR_L_GetGeometryColumn(handle).map { String(cString: $0) } ?? "" }

    /// False for a table without geometry, such as QGIS's `layer_styles` in a GeoPackage (`OGR_L_GetGeomType`).
    var hasGeometry: Bool { OGR_L_GetGeomType(handle) != wkbNone }

    /// Starts reading from the first feature (`OGR_L_ResetReading`).
    func resetReading() { OGR_L_ResetReading(handle) }

    /// The next feature, or nil at the end (`OGR_L_GetNextFeature`).
    func nextFeature() -> OGRFeature? { OGR_L_GetNextFeature(handle).map(OGRFeature.init(owning:)) }

    /// Adds an attribute field (`OGR_Fld_Create`, `OGR_L_CreateField`).
    func createField(_ name: String, type: OGRFieldType, subType: OGRFieldSubType = OFSTNone, width: Int = 0) throws(PlacemapError) {
        guard let field = OGR_Fld_Create(name, type) else {
            throw GDALLibrary.error("OGR_Fld_Create", file: dataset.source, message: "cannot describe the field \"\(name)\"")
        }
        defer { OGR_Fld_Destroy(field) }
        OGR_Fld_SetSubType(field, subType)
        if width > 0 { OGR_Fld_SetWidth(field, Int32(width)) }
        GDALLibrary.resetError()
        guard OGR_L_CreateField(handle, field, 1) == OGRERR_NONE else {
            throw GDALLibrary.error("OGR_L_CreateField", file: dataset.source, message: "cannot add the field \"\(name)\"")
        }
    }

    /// A new, empty feature of this layer's definition (`OGR_F_Create`).
    func makeFeature() throws(PlacemapError) -> OGRFeature {
        guard let definition = OGR_L_GetLayerDefn(handle), let h = OGR_F_Create(definition) else {
            throw GDALLibrary.error("OGR_F_Create", file: dataset.source, message: "cannot make a feature")
        }
        return OGRFeature(owning: h)
    }

    /// Writes a new feature (`OGR_L_CreateFeature`).
    func create(_ feature: OGRFeature, index: Int) throws(PlacemapError) {
        GDALLibrary.resetError()
        guard OGR_L_CreateFeature(handle, feature.handle) == OGRERR_NONE else {
            throw GDALLibrary.error("OGR_L_CreateFeature", file: dataset.source, message: "cannot write the feature", featureIndex: index)
        }
    }
}
