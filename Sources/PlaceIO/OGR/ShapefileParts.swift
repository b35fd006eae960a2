import CGDAL
import Foundation

/// The files a Shapefile is made of, checked before GDAL opens it: GDAL refuses a `.shp` without its
/// `.shx` with a message about a configuration option, reads one without its `.dbf` as features with
/// no properties at all (so the read then fails on a missing code field), and one without its `.prj`
/// as a layer with no CRS. Each is named here as the missing file it is, with what to do.
enum ShapefileParts {
    /// Throws when `path` (a GDAL name: a file or a `/vsizip/…` member) is a `.shp` whose `.shx` or
    /// `.dbf` is missing (I/O, exit 74), or whose `.prj` is missing while no CRS is given (usage, 64).
    static func check(_ path: String, source: String, crsGiven: Bool) throws(PlacemapError) {
        let name = (path as NSString).lastPathComponent
        guard name.lowercased().hasSuffix(".shp"), exists(path) else { return }
        let stem = String(path.dropLast(4))
        let shown = String(name.dropLast(4))
        let together = "keep all the files of a Shapefile together in one folder (\(shown).shp, .shx, .dbf, .prj, and .cpg if any)"
        if !exists(stem, "shx") {
            throw PlacemapError(
                .io, file: source, message: "the Shapefile's index \(shown).shx is missing beside it",
                hint:
                    "\(together); if the .shx is lost, rebuild it with: ogr2ogr --config SHAPE_RESTORE_SHX YES -f \"ESRI Shapefile\" fixed.shp \(shown).shp"
            )
        }
        if !exists(stem, "dbf") {
            throw PlacemapError(
                .io, file: source,
                message: "the Shapefile's table \(shown).dbf (its codes, names and other fields) is missing beside it",
                hint: "\(together): copy \(shown).dbf from where \(shown).shp came from")
        }
        if !crsGiven && !exists(stem, "prj") {
            throw PlacemapError(
                .usage, file: source, message: "the Shapefile's \(shown).prj (its CRS) is missing beside it",
                hint:
                    "copy \(shown).prj from where \(shown).shp came from, or give the CRS with the layer's CRS option (--crs, or by role --places-crs, --systems-crs, …), e.g. 27700 for British National Grid"
            )
        }
    }

    /// Whether the companion with extension `ext` exists, in lower or upper case as GDAL looks for it.
    private static func exists(_ stem: String, _ ext: String) -> Bool {
        exists(stem + "." + ext) || exists(stem + "." + ext.uppercased())
    }

    private static func exists(_ path: String) -> Bool { VirtualFile.exists(path) }
}
