import PlaceGeometry

/// A set of features in one CRS, read from (or bound for) one file.
public struct Layer: Sendable {
    /// The layer name (GeoJSON `name` member, or the file name).
    public var name: String
    /// The file it came from, for messages.
    public var source: String
    public var crs: CRS
    public var features: [Feature]
    /// What the reader noticed but did not refuse, such as features without a geometry left out;
    /// for the caller to show the user.
    public var warnings: [String]
    /// Where it was downloaded from and when, for a layer given by URL (its `source` is the URL).
    public var download: RemoteSource.Download?

    public init(name: String, source: String, crs: CRS, features: [Feature], warnings: [String] = []) {
        self.name = name
        self.source = source
        self.crs = crs
        self.features = features
        self.warnings = warnings
    }

    /// The same features in `target`, reprojected with PROJ on every core; self when already there.
    public func reprojected(to target: CRS) throws(PlacemapError) -> Layer {
        guard target != crs else { return self }
        let source = crs
        let features = features
        let file = self.source
        do {
            _ = try CoordinateTransform.cached(from: source, to: target)
        } catch {
            throw PlacemapError(.usage, file: file, message: "cannot reproject \(source) → \(target): \(error)")
        }
        // Features are transformed in contiguous chunks of about equal numbers of points, one PROJ
        // call per chunk, and each chunk's points are given back to its features by the same worker.
        let chunks = Self.chunks(features)
        // PROJ objects are not thread-safe: each worker transforms with its own copy.
        let transformed = try Parallel.map(chunks.count, state: { try? CoordinateTransform.cached(from: source, to: target) }) {
            (transform, c) throws(PlacemapError) -> [[Double]] in
            var xy: [Double] = []
            for i in chunks[c] { xy += features[i].shape.coordinates }
            do {
                guard let transform else {
                    throw GeometryError.proj(function: "proj_create_crs_to_crs", message: "no transform for this worker")
                }
                try transform.transform(&xy)
            } catch {
                // Say which feature: find the first point that did not transform.
                var start = 0
                let bad = xy.firstIndex { !$0.isFinite } ?? 0
                let feature =
                    chunks[c].first { i in
                        start += features[i].shape.coordinates.count
                        return start > bad
                    } ?? chunks[c].lowerBound
                throw PlacemapError(
                    .badData, file: file, featureIndex: feature, message: "cannot reproject \(source) → \(target): \(error)",
                    hint: "check that the file's CRS is really \(source)")
            }
            var offset = 0
            return chunks[c].map { i in
                let n = features[i].shape.coordinates.count
                defer { offset += n }
                return Array(xy[offset..<(offset + n)])
            }
        }
        var out = self
        for (c, range) in chunks.enumerated() {
            for (i, coordinates) in zip(range, transformed[c]) { out.features[i].shape.coordinates = coordinates }
        }
        out.crs = target
        return out
    }

    /// Contiguous runs of features holding about 16,384 points each (at least one feature), or fewer
    /// (down to 512) when that would leave a worker idle, so that a small layer of large features is
    /// still shared among the workers.
    static func chunks(_ features: [Feature]) -> [Range<Int>] {
        let total = features.reduce(0) { $0 + $1.shape.coordinates.count }
        let target = min(32_768, max(1024, total / (4 * ParallelGEOS.workerCount)))
        var chunks: [Range<Int>] = []
        var start = 0
        var values = 0
        for (i, f) in features.enumerated() {
            values += f.shape.coordinates.count
            if values >= target {
                chunks.append(start..<(i + 1))
                (start, values) = (i + 1, 0)
            }
        }
        if start < features.count { chunks.append(start..<features.count) }
        return chunks
    }

    /// The bounds of all features.
    public var bounds: Bounds? {
        var all: Bounds?
        for f in features {
            guard let b = f.shape.bounds else { continue }
            if var current = all {
                current.include(b)
                all = current
            } else {
                all = b
            }
        }
        return all
    }
}
