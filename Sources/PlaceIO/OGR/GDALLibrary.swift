import CGDAL

/// GDAL's process-wide state: drivers registered once, GDAL's own messages kept off stderr and
/// read back into typed errors instead.
enum GDALLibrary {
    /// Registers every driver (`GDALAllRegister`) and installs `CPLQuietErrorHandler`, once.
    private static let registered: Bool = {
        GDALAllRegister()
        CPLSetErrorHandler(CPLQuietErrorHandler)
        return true
    }()

    /// Makes sure the drivers are registered; cheap after the first call.
    static func ensureRegistered() { _ = registered }

    /// GDAL's last error message on this thread (`CPLGetLastErrorMsg`), or nil when there is none.
    static func lastMessage() -> String? {
        guard let text = CPLGetLastErrorMsg() else { return nil }
        let message = String(cString: text)
        return message.isEmpty ? nil : message
    }

    /// Clears the last error before a call (`CPLErrorReset`), so a message read afterwards is the call's own.
    static func resetError() { CPLErrorReset() }

    /// An `PlacemapError` for a failed GDAL call: the message, then the C function and GDAL's own words.
    static func error(
        _ function: String, _ kind: PlacemapError.Kind = .io, file: String?, message: String, featureIndex: Int? = nil,
        hint: String? = nil
    ) -> PlacemapError {
        let detail = lastMessage().map { "\(function): \($0)" } ?? "\(function) failed"
        return PlacemapError(kind, file: file, featureIndex: featureIndex, message: "\(message) (GDAL \(detail))", hint: hint)
    }

    /// The GDAL version, e.g. "3.6.2" (`GDALVersionInfo("RELEASE_NAME")`).
    static var version: String { GDALVersionInfo("RELEASE_NAME").map { String(cString: $0) } ?? "unknown" }
}

/// A NULL-terminated list of C strings built with `CSLAddString`, freed with `CSLDestroy`.
final class CStringList {
    private(set) var pointer: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?

    init(_ items: [String]) {
        for item in items { pointer = CSLAddString(pointer, item) }
    }

    /// The same list as GDALOpenEx takes it.
    var constPointer: UnsafePointer<UnsafePointer<CChar>?>? {
        UnsafeRawPointer(pointer)?.assumingMemoryBound(to: UnsafePointer<CChar>?.self)
    }

    deinit { CSLDestroy(pointer) }
}

/// The GDAL placemap runs with, for `placemap --version`.
public enum GDALVersion {
    /// e.g. "3.6.2".
    public static var running: String { GDALLibrary.version }
}
