import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A layer given as an `http(s)://` URL: downloaded once into the user's cache folder
/// (`$XDG_CACHE_HOME/placemap/downloads`, else `~/.cache/placemap/downloads`) beside a small JSON
/// record of its URL, ETag, Last-Modified and download date, and afterwards revalidated with a
/// conditional request (`If-None-Match`, `If-Modified-Since`): a `304 Not Modified` reuses the copy.
/// With `PLACEMAP_OFFLINE` set (`placemap --offline`) nothing is requested: a cached copy is used as
/// it is, and a URL never downloaded is an I/O error.
///
/// Downloads go through Foundation's `URLSession` (libcurl underneath, the same library GDAL uses)
/// rather than GDAL's `/vsicurl/`: `/vsicurl/` reads ranges on demand and keeps no copy between runs,
/// and GDAL's `CPLHTTPFetch` does not report the HTTP status, which the error message names.
public enum RemoteSource {
    /// What is known about one downloaded file; kept as JSON beside it.
    public struct Download: Sendable, Codable, Equatable {
        public var url: String
        public var etag: String?
        public var lastModified: String?
        /// When the copy was downloaded (ISO 8601, UTC).
        public var downloaded: String
        /// When the server last confirmed it unchanged, or the download date.
        public var checked: String
        public var bytes: Int
    }

    /// True for `http://` and `https://` sources.
    public static func isURL(_ source: String) -> Bool {
        let lower = source.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }

    /// `https://host/x.zip/dir/file.shp` as the archive's URL and the member (`/dir/file.shp`); the
    /// URL itself and an empty member otherwise.
    public static func archiveSplit(_ url: String) -> (url: String, member: String) {
        guard let match = url.firstMatch(of: /(?i)^(https?:\/\/[^?#]+?\.zip)(\/[^?#]+)$/) else { return (url, "") }
        return (String(match.1), String(match.2))
    }

    /// Downloads are forbidden (`placemap --offline` sets `PLACEMAP_OFFLINE=1`).
    public static var isOffline: Bool {
        guard let value = ProcessInfo.processInfo.environment["PLACEMAP_OFFLINE"] else { return false }
        return !["", "0", "no", "false"].contains(value.lowercased())
    }

    /// The cache folder: `$XDG_CACHE_HOME/placemap/downloads` or `~/.cache/placemap/downloads`.
    public static var cacheFolder: URL {
        let environment = ProcessInfo.processInfo.environment
        let base =
            environment["XDG_CACHE_HOME"].flatMap { $0.hasPrefix("/") ? URL(fileURLWithPath: $0) : nil }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache")
        return base.appendingPathComponent("placemap/downloads")
    }

    /// The local copy of `url`, downloaded or revalidated as needed, and its record.
    public static func fetch(_ url: String) throws(PlacemapError) -> (path: String, download: Download) {
        guard let remote = URL(string: url), remote.host != nil else {
            throw PlacemapError(.usage, file: url, message: "not a valid URL", hint: "quote the URL so the shell leaves it whole")
        }
        let file = cacheFolder.appendingPathComponent(cacheName(url))
        let recordFile = file.appendingPathExtension("json")
        let cached = FileManager.default.fileExists(atPath: file.path) ? record(at: recordFile, for: url) : nil
        if isOffline {
            guard let cached else {
                throw PlacemapError(
                    .io, file: url, message: "not in the download cache, and --offline forbids downloading it",
                    hint: "run once without --offline to download it into \(cacheFolder.path)")
            }
            return (file.path, cached)
        }
        do {
            try FileManager.default.createDirectory(at: cacheFolder, withIntermediateDirectories: true)
        } catch {
            throw PlacemapError(.io, file: cacheFolder.path, message: "cannot create the download cache: \(error.localizedDescription)")
        }
        var request = URLRequest(url: remote, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: 120)
        request.setValue("placemap", forHTTPHeaderField: "User-Agent")
        if let cached {
            if let etag = cached.etag { request.setValue(etag, forHTTPHeaderField: "If-None-Match") }
            if let modified = cached.lastModified { request.setValue(modified, forHTTPHeaderField: "If-Modified-Since") }
        }
        let partial = cacheFolder.appendingPathComponent(".\(file.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).part")
        let outcome = Transfer.run(request, into: partial)
        defer { try? FileManager.default.removeItem(at: partial) }
        let now = ISO8601DateFormatter().string(from: Date())
        switch outcome {
        case .failed(let message):
            throw PlacemapError(
                .io, file: url, message: "download failed: \(message)",
                hint: "check the URL and the network, or use --offline with a copy downloaded before")
        case .status(304, _) where cached != nil:
            guard var record = cached else { break }
            record.checked = now
            save(record, to: recordFile)
            return (file.path, record)
        case .status(let code, let headers) where (200..<300).contains(code):
            let bytes = (try? FileManager.default.attributesOfItem(atPath: partial.path)[.size] as? Int) ?? 0
            do {
                _ = try? FileManager.default.removeItem(at: file)
                try FileManager.default.moveItem(at: partial, to: file)
            } catch {
                throw PlacemapError(.io, file: file.path, message: "cannot store the download: \(error.localizedDescription)")
            }
            let record = Download(
                url: url, etag: headers["etag"], lastModified: headers["last-modified"], downloaded: now, checked: now, bytes: bytes)
            save(record, to: recordFile)
            return (file.path, record)
        case .status(let code, _):
            let reason = HTTPURLResponse.localizedString(forStatusCode: code)
            throw PlacemapError(
                .io, file: url, message: "download failed: HTTP \(code) \(reason)",
                hint: code == 404 ? "check the URL: the server has no file there" : "try again later, or check the URL")
        }
        throw PlacemapError(.io, file: url, message: "download failed: HTTP 304 without a cached copy")
    }

    /// `HASH-NAME`: a stable 64-bit FNV-1a hash of the whole URL (so that two URLs never share a
    /// copy) and the URL's last path component (so that GDAL sees the extension).
    static func cacheName(_ url: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in url.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let last = URL(string: url)?.lastPathComponent.replacing("/", with: "") ?? ""
        let name = String(last.map { $0.isLetter || $0.isNumber || "._-".contains($0) ? $0 : "_" }.prefix(80))
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex + "-" + (name.isEmpty ? "download" : name)
    }

    static func record(at file: URL, for url: String) -> Download? {
        guard let data = FileManager.default.contents(atPath: file.path),
            let record = try? JSONDecoder().decode(Download.self, from: data), record.url == url
        else { return nil }
        return record
    }

    static func save(_ record: Download, to file: URL) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(record) else { return }
        try? data.write(to: file, options: .atomic)
    }
}

/// One HTTP request run to completion: a download task whose body lands in a file, waited for.
private enum Transfer {
    enum Outcome {
        /// The status and the response headers (names in lower case).
        case status(Int, [String: String])
        case failed(String)
    }

    final class Result: @unchecked Sendable {
        var outcome = Outcome.failed("no response")
    }

    static func run(_ request: URLRequest, into file: URL) -> Outcome {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        let result = Result()
        let done = DispatchSemaphore(value: 0)
        let task = session.downloadTask(with: request) { location, response, error in
            defer { done.signal() }
            if let error {
                result.outcome = .failed(error.localizedDescription)
                return
            }
            guard let http = response as? HTTPURLResponse else {
                result.outcome = .failed("not an HTTP response")
                return
            }
            var headers: [String: String] = [:]
            for (key, value) in http.allHeaderFields {
                if let key = key as? String, let value = value as? String { headers[key.lowercased()] = value }
            }
            if (200..<300).contains(http.statusCode) {
                guard let location else {
                    result.outcome = .failed("HTTP \(http.statusCode) without a body")
                    return
                }
                do {
                    try? FileManager.default.removeItem(at: file)
                    try FileManager.default.moveItem(at: location, to: file)
                } catch {
                    result.outcome = .failed("cannot keep the downloaded file: \(error.localizedDescription)")
                    return
                }
            }
            result.outcome = .status(http.statusCode, headers)
        }
        task.resume()
        done.wait()
        return result.outcome
    }
}
