import CGDAL
import PlaceGeometry

/// An OGR spatial reference (`OGRSpatialReferenceH`) owned by this object and released with
/// `OSRRelease`. Axis order is always x = east (longitude), as `Shape` holds coordinates.
final class OGRSpatialReference {
    let handle: OGRSpatialReferenceH

    /// The CRS of an EPSG code (`OSRImportFromEPSG`).
    init(_ crs: CRS) throws(PlacemapError) {
        guard let h = OSRNewSpatialReference(nil) else {
            throw GDALLibrary.error("OSRNewSpatialReference", file: nil, message: "cannot make a spatial reference")
        }
        guard OSRImportFromEPSG(h, Int32(crs.epsg)) == OGRERR_NONE else {
            OSRRelease(h)
            throw GDALLibrary.error("OSRImportFromEPSG", .usage, file: nil, message: "GDAL does not know \(crs)")
        }
        OSRSetAxisMappingStrategy(h, OAMS_TRADITIONAL_GIS_ORDER)
        handle = h
    }

    /// A copy of a spatial reference that someone else owns, such as a layer's (`OSRClone`).
    init?(cloning borrowed: OGRSpatialReferenceH?) {
        guard let borrowed, let h = OSRClone(borrowed) else { return nil }
        handle = h
    }

    deinit { OSRRelease(handle) }

    /// The EPSG code: the SRS's own authority (`OSRGetAuthorityCode`), else GDAL's identification
    /// (`OSRAutoIdentifyEPSG`), else the best match in PROJ's database at 90 % confidence or more
    /// (`OSRFindMatches`), as for an ESRI .prj that names British_National_Grid. Nil when none fits.
    var epsg: Int? {
        if let code = authorityCode(handle) { return code }
        if OSRAutoIdentifyEPSG(handle) == OGRERR_NONE, let code = authorityCode(handle) { return code }
        var count: Int32 = 0
        var confidences: UnsafeMutablePointer<Int32>?
        guard let matches = OSRFindMatches(handle, nil, &count, &confidences) else { return nil }
        defer {
            OSRFreeSRSArray(matches)
            VSIFree(confidences)
        }
        for i in 0..<Int(count) {
            guard let confidences, confidences[i] >= 90, let match = matches[i] else { continue }
            if let code = authorityCode(match) { return code }
        }
        return nil
    }

    /// A short name for messages (`OSRGetName`).
    var name: String { OSRGetName(handle).map { String(cString: $0) } ?? "an unnamed CRS" }

    private func authorityCode(_ h: OGRSpatialReferenceH) -> Int? {
        // A nil target key asks for the root node's authority.
        guard let authority = OSRGetAuthorityName(h, nil).map({ String(cString: $0) }), authority.uppercased() == "EPSG",
            let code = OSRGetAuthorityCode(h, nil).map({ String(cString: $0) })
        else { return nil }
        return Int(code)
    }
}
