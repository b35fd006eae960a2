import CGDAL

/// One feature (`OGRFeatureH`), owned by this object and destroyed with `OGR_F_Destroy`.
final class OGRFeature {
    let handle: OGRFeatureH

    init(owning handle: OGRFeatureH) { self.handle = handle }

    deinit { OGR_F_Destroy(handle) }

    /// The feature id, nil when unset (`OGR_F_GetFID`).
    var fid: Int64? {
        let fid = OGR_F_GetFID(handle)
        return fid == Int64(OGRNullFID) ? nil : fid
    }

    /// The geometry, owned by the feature and valid while it lives; nil when NULL (`OGR_F_GetGeometryRef`).
    var geometry: OGRGeometryH? { OGR_F_GetGeometryRef(handle) }

    /// Gives the feature a geometry, which it then owns (`OGR_F_SetGeometryDirectly`).
    func setGeometry(taking geometry: OGRGeometryH) throws(PlacemapError) {
        guard OGR_F_SetGeometryDirectly(handle, geometry) == OGRERR_NONE else {
            throw GDALLibrary.error("OGR_F_SetGeometryDirectly", file: nil, message: "the layer does not take this geometry")
        }
    }

    /// The index of the field of that name, -1 when there is none (`OGR_F_GetFieldIndex`).
    func fieldIndex(_ name: String) -> Int32 { OGR_F_GetFieldIndex(handle, name) }

    /// Field `i` as a property value, by the field's type: integers and reals as numbers, boolean
    /// subtypes as booleans, null or unset as null, anything else as its text
    /// (`OGR_F_IsFieldSetAndNotNull`, `OGR_F_GetFieldAsInteger64`, `OGR_F_GetFieldAsDouble`, `OGR_F_GetFieldAsString`).
    func value(_ i: Int32, type: OGRFieldType, subType: OGRFieldSubType) -> JSONValue {
        guard OGR_F_IsFieldSetAndNotNull(handle, i) != 0 else { return .null }
        switch type {
        case OFTInteger where subType == OFSTBoolean: return .bool(OGR_F_GetFieldAsInteger(handle, i) != 0)
        case OFTInteger, OFTInteger64: return .number(Double(OGR_F_GetFieldAsInteger64(handle, i)))
        case OFTReal: return .number(OGR_F_GetFieldAsDouble(handle, i))
        default: return .string(OGR_F_GetFieldAsString(handle, i).map { String(cString: $0) } ?? "")
        }
    }

    /// Sets field `i` from a property value (`OGR_F_SetFieldNull`, `OGR_F_SetFieldInteger64`,
    /// `OGR_F_SetFieldDouble`, `OGR_F_SetFieldString`).
    func set(_ i: Int32, _ value: JSONValue, type: OGRFieldType) {
        switch (value, type) {
        case (.null, _): OGR_F_SetFieldNull(handle, i)
        case (.bool(let b), OFTInteger): OGR_F_SetFieldInteger(handle, i, b ? 1 : 0)
        case (.number(let n), OFTInteger64): OGR_F_SetFieldInteger64(handle, i, Int64(n))
        case (.number(let n), OFTReal): OGR_F_SetFieldDouble(handle, i, n)
        case (.string(let s), _): OGR_F_SetFieldString(handle, i, s)
        default: OGR_F_SetFieldString(handle, i, value.text ?? JSONText.text(value))
        }
    }
}
