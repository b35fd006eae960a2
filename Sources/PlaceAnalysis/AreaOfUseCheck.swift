import PlaceGeometry
import PlaceIO

extension LayerCheck {
    /// Refuses a layer (now in EPSG:27700) with features outside the area of use of EPSG:27700, as
    /// PROJ gives it (`proj_get_area_of_use`: Great Britain and its waters, about 9° W to 2.01° E and
    /// 49.75° N to 61.01° N). `original` is the layer as read, before reprojection, so that the
    /// message can name the likely cause: latitude and longitude swapped, or degrees in a file that
    /// claims a projected CRS.
    public static func checkWithinGreatBritain(_ projected: Layer, original: Layer) throws(PlacemapError) {
        let box = try britishNationalGridExtent(for: original)
        for (i, f) in projected.features.enumerated() {
            guard let b = f.shape.bounds else { continue }
            if b.minX >= box.minX, b.maxX <= box.maxX, b.minY >= box.minY, b.maxY <= box.maxY { continue }
            let code = f.properties.members.first { $0.0.lowercased().hasSuffix("cd") || $0.0.lowercased().hasSuffix("_code") }?.1.text
            let area = CRS.britishNationalGrid.areaOfUse
            var message = "lies outside the area of use of EPSG:27700"
            if let area {
                message += " (\(area.minX)° to \(area.maxX)° E, \(area.minY)° to \(area.maxY)° N)"
            }
            message += ": it cannot be measured in British National Grid"
            var hint = "check the file's CRS (it says \(original.crs)); Placemap measures data in Great Britain only"
            if let raw = original.features[i].shape.bounds, let area {
                let swapped = Bounds(minX: raw.minY, minY: raw.minX, maxX: raw.maxY, maxY: raw.maxX)
                let degrees = raw.minX >= -180 && raw.maxX <= 180 && raw.minY >= -90 && raw.maxY <= 90
                if original.crs.isGeographic, within(swapped, area) {
                    hint = "latitude and longitude look swapped: GeoJSON positions are [longitude, latitude]; swap them"
                } else if !original.crs.isGeographic, degrees, within(raw, area) {
                    hint = "the coordinates look like degrees, not the metres of \(original.crs): pass --crs 4326 or fix the \"crs\" member"
                } else if !original.crs.isGeographic, degrees, within(swapped, area) {
                    hint = "the coordinates look like latitude/longitude degrees (swapped), not the metres of \(original.crs)"
                }
            }
            throw PlacemapError(.badData, file: original.source, featureIndex: i, featureCode: code, message: message, hint: hint)
        }
    }

    private static func within(_ b: Bounds, _ area: Bounds) -> Bool {
        b.minX >= area.minX && b.maxX <= area.maxX && b.minY >= area.minY && b.maxY <= area.maxY
    }

    /// The EPSG:27700 box around its area of use: the area's boundary, densified, projected.
    static func britishNationalGridExtent(for layer: Layer) throws(PlacemapError) -> Bounds {
        guard let area = CRS.britishNationalGrid.areaOfUse else {
            throw PlacemapError(
                .io, file: layer.source, message: "PROJ gives no area of use for EPSG:27700", hint: "check the PROJ installation (proj.db)")
        }
        do throws(GeometryError) {
            let transform = try CoordinateTransform.cached(from: .wgs84, to: .britishNationalGrid)
            var xy: [Double] = []
            let steps = 32
            for k in 0...steps {
                let t = Double(k) / Double(steps)
                let x = area.minX + t * (area.maxX - area.minX)
                let y = area.minY + t * (area.maxY - area.minY)
                xy += [x, area.minY, x, area.maxY, area.minX, y, area.maxX, y]
            }
            try transform.transform(&xy)
            var box = Bounds(minX: .infinity, minY: .infinity, maxX: -.infinity, maxY: -.infinity)
            for p in stride(from: 0, to: xy.count, by: 2) { box.include(x: xy[p], y: xy[p + 1]) }
            return box
        } catch {
            throw PlacemapError(.io, file: layer.source, message: "cannot project the area of use of EPSG:27700: \(error)")
        }
    }
}
