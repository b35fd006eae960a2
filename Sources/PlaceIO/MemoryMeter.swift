/// Watches the process's address space while a reader builds what it reads (features, rows), for
/// sources whose size on disk says little about their size in memory (a GeoPackage, a Shapefile,
/// PostGIS, a CSV).
///
/// Swift stops the process when an allocation fails, so the reader is stopped before: every
/// ``step`` bytes taken, the address space in use plus what the next growth may need is compared
/// with the limit (`ulimit -v`), and the read ends with an I/O error (exit 74) giving the figures.
/// Without a limit nothing is checked.
public struct MemoryMeter {
    /// How often the process is looked at: after this many bytes taken since the last look.
    static let step = 16 << 20
    /// Room kept for GDAL, GEOS and the allocator besides the growth the reader names.
    static let headroom = 48 << 20

    let file: String
    let what: String
    let limit: Int?
    private var taken = 0

    /// A meter for reading `file`, whose items are `what` ("features", "rows").
    public init(file: String, what: String, limit: Int? = MemoryBudget.addressSpaceLimit) {
        self.file = file
        self.what = what
        self.limit = limit
    }

    /// Counts `bytes` just taken by item `index`; `growth` is what the reader may take at once next
    /// (e.g. the copy when an array doubles). Throws when the limit would be passed.
    public mutating func add(_ bytes: Int, index: Int, growth: Int = 0) throws(PlacemapError) {
        guard let limit else { return }
        taken += bytes
        guard taken >= Self.step else { return }
        taken = 0
        try check(index: index, growth: growth, limit: limit, inUse: MemoryBudget.addressSpaceInUse)
    }

    func check(index: Int, growth: Int, limit: Int, inUse: Int?) throws(PlacemapError) {
        guard let inUse else { return }
        let need = inUse + growth + Self.headroom
        guard need > limit else { return }
        throw PlacemapError(
            .io, file: file,
            message: "not enough memory: after \(index) \(what) the process uses \(inUse >> 20) MiB and needs about "
                + "\(need >> 20) MiB to go on, but may use at most \(limit >> 20) MiB (ulimit -v)",
            hint: "raise the limit (ulimit -v) or split the source")
    }
}
