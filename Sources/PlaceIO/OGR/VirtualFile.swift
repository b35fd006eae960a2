import CGDAL

/// Files as GDAL's virtual file system sees them (plain paths, `/vsizip/…` members, other `/vsi…` names).
enum VirtualFile {
    /// Whether a file or a folder is at `path`. The corresponding GDAL functions are `VSIFOpenL` (NULL
    /// when it cannot open the name) with `VSIFCloseL`, and `VSIReadDir` (NULL when it is no folder)
    /// with `CSLDestroy`.
    static func exists(_ path: String) -> Bool {
        if let file = VSIFOpenL(path, "rb") {
            VSIFCloseL(file)
            return true
        }
        guard let entries = VSIReadDir(path) else { return false }
        CSLDestroy(entries)
        return true
    }
}
