import PlaceGeometry

/// Rejects coordinates that cannot be in the CRS a layer claims.
enum CRSCheck {
    static func plausible(_ layer: Layer) throws(PlacemapError) {
        let crs = layer.crs
        guard crs.isKnown else {
            throw PlacemapError(
                .badData, file: layer.source, message: "the layer's CRS \(crs) is not one PROJ knows",
                hint: "give the CRS with --crs (an EPSG code such as 27700 or 4326)")
        }
        if crs.isGeographic {
            for (i, f) in layer.features.enumerated() {
                guard let b = f.shape.bounds, b.minX < -180 || b.maxX > 180 || b.minY < -90 || b.maxY > 90 else { continue }
                throw PlacemapError(
                    .badData, file: layer.source, featureIndex: i, featureCode: code(f),
                    message: "coordinates such as (\(b.minX), \(b.minY)) are not longitude/latitude, which \(crs) requires",
                    hint: "the file looks projected (British National Grid?): add a \"crs\" member or pass --crs 27700")
            }
        } else if crs == .britishNationalGrid, let all = layer.bounds {
            if all.minX >= -180, all.maxX <= 180, all.minY >= -90, all.maxY <= 90 {
                throw PlacemapError(
                    .badData, file: layer.source,
                    message: "every coordinate is within ±180/±90: these look like longitude/latitude, not EPSG:27700 metres",
                    hint: "drop the \"crs\" member or pass --crs 4326")
            }
            for (i, f) in layer.features.enumerated() {
                guard let b = f.shape.bounds, b.minX < -200_000 || b.maxX > 900_000 || b.minY < -200_000 || b.maxY > 1_500_000 else {
                    continue
                }
                throw PlacemapError(
                    .badData, file: layer.source, featureIndex: i, featureCode: code(f),
                    message: "coordinates such as (\(b.minX), \(b.minY)) lie outside the British National Grid",
                    hint: "check the file's CRS")
            }
        }
    }

    private static func code(_ f: Feature) -> String? {
        f.properties.members.first { $0.0.lowercased().hasSuffix("cd") || $0.0.lowercased().hasSuffix("_code") }?.1.text
    }
}
