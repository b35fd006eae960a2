import PlaceGeometry

/// Parses CRS names such as "EPSG:27700", "urn:ogc:def:crs:EPSG::27700" and OGC CRS84.
public enum CRSName {
    public static func parse(_ text: String) -> CRS? {
        let upper = text.uppercased()
        if upper.hasSuffix("CRS84") { return .wgs84 }
        guard upper.contains("EPSG") else { return nil }
        // The code is the last ':'-separated part, ASCII digits only ("EPSG:-4326" is no code).
        let last = upper.split(separator: ":", omittingEmptySubsequences: false).last ?? ""
        guard !last.isEmpty, last.count <= 9, last.allSatisfy({ $0.isASCII && $0.isNumber }), let code = Int(last), code > 0
        else { return nil }
        return CRS(epsg: code)
    }
}
