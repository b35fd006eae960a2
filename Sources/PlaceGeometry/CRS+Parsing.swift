import CPROJ
import Foundation

extension CRS {
    /// Reads a CRS as users write it: `27700`, `EPSG:27700`, `urn:ogc:def:crs:EPSG::27700`, or anything
    /// else PROJ understands (WKT, PROJJSON, a PROJ string, `ESRI:…`) that PROJ identifies with an EPSG
    /// code. The corresponding PROJ functions are `proj_create`, `proj_get_id_code` and `proj_identify`.
    public init(parsing text: String) throws(GeometryError) {
        let t = text.trimmingCharacters(in: .whitespaces)
        if t.uppercased().hasSuffix("CRS84") {
            self = .wgs84
            return
        }
        if let code = Int(t) ?? Self.epsgCode(named: t) {
            guard code > 0 else { throw .proj(function: "CRS", message: "\"\(text)\" is not an EPSG code (codes are positive)") }
            try Self.check(code, text)
            self.init(epsg: code)
            return
        }
        guard let context = proj_context_create() else { throw .proj(function: "proj_context_create", message: "out of memory") }
        defer { proj_context_destroy(context) }
        guard let crs = proj_create(context, t) else {
            throw .proj(function: "proj_create", message: "PROJ does not understand \"\(text)\": \(Self.lastError(context))")
        }
        defer { proj_destroy(crs) }
        if let auth = proj_get_id_auth_name(crs, 0), String(cString: auth) == "EPSG",
            let code = proj_get_id_code(crs, 0).flatMap({ Int(String(cString: $0)) })
        {
            self.init(epsg: code)
            return
        }
        // Match it against the EPSG database; take a match PROJ is fully confident in.
        var confidence: UnsafeMutablePointer<Int32>?
        guard let matches = proj_identify(context, crs, "EPSG", nil, &confidence) else {
            throw .proj(function: "proj_identify", message: "\"\(text)\" matches no EPSG CRS; give its EPSG code instead")
        }
        defer {
            proj_list_destroy(matches)
            proj_int_list_destroy(confidence)
        }
        let n = proj_list_get_count(matches)
        for i in 0..<n where (confidence?[Int(i)] ?? 0) >= 90 {
            guard let match = proj_list_get(context, matches, i) else { continue }
            defer { proj_destroy(match) }
            if let code = proj_get_id_code(match, 0).flatMap({ Int(String(cString: $0)) }) {
                self.init(epsg: code)
                return
            }
        }
        throw .proj(function: "proj_identify", message: "\"\(text)\" matches no EPSG CRS closely enough; give its EPSG code instead")
    }

    /// The CRS a file names, read without PROJ: `EPSG:27700`, `urn:ogc:def:crs:EPSG::27700`, OGC CRS84;
    /// nil for any other text. The one parser of CRS names (``init(parsing:)`` uses it first).
    public init?(name text: String) {
        let t = text.trimmingCharacters(in: .whitespaces)
        if t.uppercased().hasSuffix("CRS84") {
            self = .wgs84
        } else if let code = Self.epsgCode(named: t) {
            self.init(epsg: code)
        } else {
            return nil
        }
    }

    /// 27700 from any name with EPSG in it whose last `:`-separated part is a positive code of ASCII
    /// digits (`EPSG:27700`, `epsg::27700`, `urn:ogc:def:crs:EPSG::27700`); `EPSG:-4326` is no code.
    static func epsgCode(named text: String) -> Int? {
        let upper = text.uppercased()
        guard upper.contains("EPSG") else { return nil }
        let last = upper.split(separator: ":", omittingEmptySubsequences: false).last ?? ""
        guard !last.isEmpty, last.count <= 9, last.allSatisfy({ $0.isASCII && $0.isNumber }), let code = Int(last), code > 0
        else { return nil }
        return code
    }

    /// Refuses an EPSG code PROJ does not know.
    static func check(_ code: Int, _ text: String) throws(GeometryError) {
        guard let context = proj_context_create() else { throw .proj(function: "proj_context_create", message: "out of memory") }
        defer { proj_context_destroy(context) }
        guard let crs = proj_create(context, "EPSG:\(code)") else {
            throw .proj(function: "proj_create", message: "EPSG:\(code) (from \"\(text)\") is not a CRS PROJ knows")
        }
        proj_destroy(crs)
    }

    static func lastError(_ context: OpaquePointer) -> String {
        proj_context_errno_string(context, proj_context_errno(context)).map { String(cString: $0) } ?? "unknown error"
    }
}
