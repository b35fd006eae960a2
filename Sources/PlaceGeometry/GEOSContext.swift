import CGEOS
import Foundation

/// One GEOS reentrant context handle (`GEOS_init_r`), with its last error message captured.
///
/// GEOS contexts are not thread-safe: use one per thread or task and never share it. Geometries
/// created in a context keep it alive and must be used only with it. Move data between tasks
/// as `Shape` values or WKB bytes.
public final class GEOSContext {
    let handle: GEOSContextHandle_t
    private let messages: MessageBox

    /// Creates a context. The corresponding GEOS function is `GEOS_init_r`.
    public init() {
        // GEOS_init_r returns NULL only when out of memory.
        guard let handle = GEOS_init_r() else { fatalError("out of memory: GEOS_init_r could not allocate a context") }
        self.handle = handle
        ContextCounter.shared.increment()
        self.messages = MessageBox()
        let box = Unmanaged.passUnretained(messages).toOpaque()
        GEOSContext_setErrorMessageHandler_r(
            handle,
            { message, userdata in
                guard let message, let userdata else { return }
                Unmanaged<MessageBox>.fromOpaque(userdata).takeUnretainedValue().lastError = String(cString: message)
            }, box)
        GEOSContext_setNoticeMessageHandler_r(
            handle,
            { message, userdata in
                guard let message, let userdata else { return }
                Unmanaged<MessageBox>.fromOpaque(userdata).takeUnretainedValue().lastNotice = String(cString: message)
            }, box)
    }

    deinit { GEOS_finish_r(handle) }

    /// How many contexts this process has created: for tests that check contexts are made once per
    /// worker, not once per feature.
    public static var createdCount: Int { ContextCounter.shared.value }

    /// The GEOS library version, e.g. "3.11.1-CAPI-1.17.1".
    public static var geosVersion: String { String(cString: GEOSversion()) }

    /// The error GEOS reported for a failed call, and clears it.
    func error(_ function: String) -> GeometryError {
        let text = messages.lastError ?? messages.lastNotice ?? "no message from GEOS"
        messages.lastError = nil
        return .geos(function: function, message: text)
    }

    /// Wraps a freshly created GEOS geometry, or throws the captured error when it is NULL.
    func own(_ pointer: OpaquePointer?, _ function: String) throws(GeometryError) -> Geometry {
        guard let pointer else { throw error(function) }
        return Geometry(owning: pointer, in: self)
    }
}

@available(*, unavailable)
extension GEOSContext: Sendable {}

private final class ContextCounter: @unchecked Sendable {
    static let shared = ContextCounter()
    private let lock = NSLock()
    private var count = 0
    func increment() {
        lock.lock()
        count += 1
        lock.unlock()
    }
    var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }
}

private final class MessageBox {
    var lastError: String?
    var lastNotice: String?
}
