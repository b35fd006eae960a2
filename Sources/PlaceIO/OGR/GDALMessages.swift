import CGDAL

/// GDAL's errors and warnings raised on this thread while a read runs, kept instead of being dropped
/// by the quiet handler, so that a reader can check them after every feature.
///
/// The corresponding GDAL functions are `CPLPushErrorHandlerEx` and `CPLPopErrorHandler`: the
/// handler stack is per thread, so one read's messages never mix with another thread's.
final class GDALMessages {
    /// Errors (`CE_Failure`, `CE_Fatal`) not yet taken by ``takeError()``.
    private var errors: [String] = []
    /// The first warnings (`CE_Warning`), at most ``keptWarnings``, and how many there were.
    private(set) var warnings: [String] = []
    private(set) var warningCount = 0
    static let keptWarnings = 10
    private var installed = false

    /// Starts collecting this thread's GDAL messages; undone by ``remove()``.
    func install() {
        guard !installed else { return }
        CPLPushErrorHandlerEx(collect, Unmanaged.passUnretained(self).toOpaque())
        installed = true
    }

    /// Stops collecting: the previous handler (the quiet one) is back.
    func remove() {
        guard installed else { return }
        CPLPopErrorHandler()
        installed = false
    }

    deinit { remove() }

    /// The first error raised since the last call, or nil; the rest are dropped with it.
    func takeError() -> String? {
        defer { errors.removeAll() }
        return errors.first
    }

    fileprivate func record(_ type: CPLErr, _ text: String) {
        switch type {
        case CE_Failure, CE_Fatal: errors.append(text)
        case CE_Warning:
            warningCount += 1
            if warnings.count < Self.keptWarnings { warnings.append(text) }
        default: break
        }
    }

    /// The warnings as one line for a layer's warnings, nil when there were none.
    var summary: String? {
        guard warningCount > 0 else { return nil }
        let more = warningCount > warnings.count ? "; …" : ""
        return "GDAL warned \(warningCount) time\(warningCount == 1 ? "" : "s") while reading: " + warnings.joined(separator: "; ") + more
    }
}

/// The C handler: finds the collector from the handler's user data (`CPLGetErrorHandlerUserData`).
private func collect(_ type: CPLErr, _ number: CPLErrorNum, _ text: UnsafePointer<CChar>?) {
    guard let data = CPLGetErrorHandlerUserData() else { return }
    let messages = Unmanaged<GDALMessages>.fromOpaque(data).takeUnretainedValue()
    messages.record(type, text.map { String(cString: $0) } ?? "error \(number)")
}
