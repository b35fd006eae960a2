import CGDAL

/// An open GDAL vector dataset (`GDALDatasetH`), owned by this object and closed with `GDALClose`
/// when released or by `close()`. Layers borrowed from it keep it alive.
final class OGRDataset {
    private(set) var handle: GDALDatasetH?
    /// The source as the user named it, for messages.
    let source: String

    private init(handle: GDALDatasetH, source: String) {
        self.handle = handle
        self.source = source
    }

    deinit { if let handle { GDALClose(handle) } }

    /// Opens a vector source (`GDALOpenEx` with `GDAL_OF_VECTOR`), nil when no driver recognises it.
    static func open(_ path: String, source: String, update: Bool = false, options: [String] = []) -> OGRDataset? {
        GDALLibrary.ensureRegistered()
        GDALLibrary.resetError()
        let flags = UInt32(GDAL_OF_VECTOR) | (update ? UInt32(GDAL_OF_UPDATE) : 0)
        let openOptions = CStringList(options)
        guard let h = GDALOpenEx(path, flags, nil, openOptions.constPointer, nil) else { return nil }
        return OGRDataset(handle: h, source: source)
    }

    /// The short name of the driver that would open `path` (`GDALIdentifyDriverEx`), or nil.
    static func identify(_ path: String) -> String? {
        GDALLibrary.ensureRegistered()
        guard let driver = GDALIdentifyDriverEx(path, UInt32(GDAL_OF_VECTOR), nil, nil) else { return nil }
        return GDALGetDriverShortName(driver).map { String(cString: $0) }
    }

    /// Creates a new dataset with a driver (`GDALGetDriverByName`, then `GDALCreate` with no raster bands).
    static func create(_ path: String, driver name: String, source: String, options: [String] = []) throws(PlacemapError) -> OGRDataset {
        GDALLibrary.ensureRegistered()
        GDALLibrary.resetError()
        guard let driver = GDALGetDriverByName(name) else {
            throw GDALLibrary.error("GDALGetDriverByName", file: source, message: "this GDAL has no \(name) driver")
        }
        let creationOptions = CStringList(options)
        guard let h = GDALCreate(driver, path, 0, 0, 0, GDT_Unknown, creationOptions.pointer) else {
            throw GDALLibrary.error(
                "GDALCreate", file: source, message: "cannot create a \(name) file", hint: "check the folder is writable")
        }
        return OGRDataset(handle: h, source: source)
    }

    /// The driver's short name, e.g. "GPKG" (`GDALGetDatasetDriver`, `GDALGetDriverShortName`).
    var driverName: String {
        guard let handle, let driver = GDALGetDatasetDriver(handle) else { return "" }
        return GDALGetDriverShortName(driver).map { String(cString: $0) } ?? ""
    }

    /// The layers in order (`GDALDatasetGetLayerCount`, `GDALDatasetGetLayer`).
    var layers: [OGRLayer] {
        guard let handle else { return [] }
        return (0..<GDALDatasetGetLayerCount(handle)).compactMap { i in
            GDALDatasetGetLayer(handle, i).map { OGRLayer(handle: $0, dataset: self) }
        }
    }

    /// The layer of that name (`GDALDatasetGetLayerByName`), or nil.
    func layer(named name: String) -> OGRLayer? {
        guard let handle, let h = GDALDatasetGetLayerByName(handle, name) else { return nil }
        return OGRLayer(handle: h, dataset: self)
    }

    /// Deletes the layer of that name (`GDALDatasetDeleteLayer`); nothing when there is none.
    func deleteLayer(named name: String) throws(PlacemapError) {
        guard let handle else { return }
        for i in 0..<GDALDatasetGetLayerCount(handle) {
            guard let h = GDALDatasetGetLayer(handle, i), let n = OGR_L_GetName(h), String(cString: n) == name else { continue }
            GDALLibrary.resetError()
            guard GDALDatasetDeleteLayer(handle, i) == OGRERR_NONE else {
                throw GDALLibrary.error("GDALDatasetDeleteLayer", file: source, message: "cannot replace the layer \"\(name)\"")
            }
            return
        }
    }

    /// Creates a layer (`GDALDatasetCreateLayer`).
    func createLayer(
        _ name: String, crs: OGRSpatialReference?, type: OGRwkbGeometryType, options: [String] = []
    ) throws(PlacemapError) -> OGRLayer {
        let creationOptions = CStringList(options)
        GDALLibrary.resetError()
        guard let handle, let h = GDALDatasetCreateLayer(handle, name, crs?.handle, type, creationOptions.pointer) else {
            throw GDALLibrary.error("GDALDatasetCreateLayer", file: source, message: "cannot create the layer \"\(name)\"")
        }
        return OGRLayer(handle: h, dataset: self)
    }

    /// Whether the dataset has transactions (`GDALDatasetTestCapability` with `ODsCTransactions`).
    var hasTransactions: Bool { handle.map { GDALDatasetTestCapability($0, ODsCTransactions) != 0 } ?? false }

    /// Starts a transaction (`GDALDatasetStartTransaction`).
    func startTransaction() throws(PlacemapError) {
        GDALLibrary.resetError()
        guard let handle, GDALDatasetStartTransaction(handle, 0) == OGRERR_NONE else {
            throw GDALLibrary.error("GDALDatasetStartTransaction", file: source, message: "cannot start a transaction")
        }
    }

    /// Commits the transaction (`GDALDatasetCommitTransaction`).
    func commit() throws(PlacemapError) {
        GDALLibrary.resetError()
        guard let handle, GDALDatasetCommitTransaction(handle) == OGRERR_NONE else {
            throw GDALLibrary.error("GDALDatasetCommitTransaction", file: source, message: "cannot commit the layer")
        }
    }

    /// Rolls the transaction back (`GDALDatasetRollbackTransaction`), after a failure.
    func rollback() {
        if let handle { _ = GDALDatasetRollbackTransaction(handle) }
    }

    /// Runs a statement that returns no rows (`GDALDatasetExecuteSQL`, result released with
    /// `GDALDatasetReleaseResultSet`), failing when GDAL reports an error.
    func execute(_ sql: String) throws(PlacemapError) {
        guard let handle else { return }
        GDALLibrary.resetError()
        let result = GDALDatasetExecuteSQL(handle, sql, nil, nil)
        if let result { GDALDatasetReleaseResultSet(handle, result) }
        if CPLGetLastErrorType() == CE_Failure {
            throw GDALLibrary.error("GDALDatasetExecuteSQL", file: source, message: "cannot run \(sql.prefix(60))…")
        }
    }

    /// Flushes and closes the dataset now (`GDALClose`), reporting a failure GDAL raises while doing so.
    func close() throws(PlacemapError) {
        guard let h = handle else { return }
        handle = nil
        GDALLibrary.resetError()
        GDALClose(h)
        if CPLGetLastErrorType() == CE_Failure {
            throw GDALLibrary.error("GDALClose", file: source, message: "cannot finish writing")
        }
    }
}
