import Foundation

/// A check before reading a file that the process may use enough memory to hold what it becomes.
///
/// Swift stops the process when an allocation fails (there is nothing to catch), so the only clear
/// message is one given before: when an address-space limit is set (`ulimit -v`, `RLIMIT_AS`) and
/// the file cannot fit in it, the read is refused with both figures. Without a limit nothing is
/// refused: the system's own memory is left to the system.
public enum MemoryBudget {
    /// Address space the process needs besides its data: the Swift runtime, GEOS, PROJ, SQLite and
    /// the stacks of the worker threads.
    public static let baseBytes = 256 << 20
    /// Bytes of memory per byte of GeoJSON while reading and checking a layer (the file, its
    /// coordinates as doubles, properties, GEOS geometries), measured on the bundled LSOA file.
    public static let bytesPerFileByte = 16

    /// Throws an I/O error (exit 74) when the file at `path` needs more than the limit allows.
    public static func check(reading path: String) throws(PlacemapError) {
        try check(reading: path, bytesPerFileByte: bytesPerFileByte, kind: "GeoJSON")
    }

    /// Throws an I/O error (exit 74) when the file at `path`, at `ratio` bytes of memory per byte of
    /// file, needs more than the limit allows. `kind` names the format in the message.
    static func check(reading path: String, bytesPerFileByte ratio: Int, kind: String) throws(PlacemapError) {
        guard let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int else { return }
        try check(bytes: size, file: path, limit: addressSpaceLimit, bytesPerFileByte: ratio, kind: kind)
    }

    static func check(
        bytes size: Int, file: String, limit: Int?, bytesPerFileByte ratio: Int = bytesPerFileByte, kind: String = "GeoJSON"
    ) throws(PlacemapError) {
        guard let limit else { return }
        let (product, overflow) = size.multipliedReportingOverflow(by: ratio)
        let need = overflow ? Int.max : product.addingReportingOverflow(baseBytes).partialValue
        guard need > limit else { return }
        throw PlacemapError(
            .io, file: file,
            message: "not enough memory: reading \(size >> 20) MiB of \(kind) needs about \(need >> 20) MiB, "
                + "but the process may use at most \(limit >> 20) MiB (ulimit -v)",
            hint: "raise the limit (ulimit -v) or split the layer")
    }

    /// The soft `RLIMIT_AS` in bytes, or nil when unlimited.
    public static var addressSpaceLimit: Int? {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_AS.rawValue), &limit) == 0, limit.rlim_cur != rlim_t.max else { return nil }
        return limit.rlim_cur > UInt64(Int.max) ? nil : Int(limit.rlim_cur)
    }

    /// The process's address space now in bytes (the first field of `/proc/self/statm`, in pages),
    /// or nil where there is no `/proc`.
    static var addressSpaceInUse: Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
            let first = text.split(separator: " ").first, let pages = Int(first)
        else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}
