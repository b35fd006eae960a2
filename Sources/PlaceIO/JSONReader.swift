/// Reads a whole JSON document (e.g. a provenance sidecar) into a `JSONValue`, objects keeping
/// their members in file order, over the same byte scanner as the GeoJSON reader.
public enum JSONReader {
    public static func read(path: String) throws(PlacemapError) -> JSONValue {
        try parse(FileData.read(path), source: path)
    }

    /// Parses JSON bytes (a byte-order mark tolerated); `source` names them in messages, which give
    /// the line and column of what is wrong.
    public static func parse(_ data: [UInt8], source: String) throws(PlacemapError) -> JSONValue {
        var bytes = data
        let skip = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        bytes.append(0)
        let result: Result<JSONValue, PlacemapError> = bytes.withUnsafeBufferPointer { buffer in
            var scanner = JSONScanner(buffer)
            scanner.pos = skip
            do throws(JSONScanner.Failure) {
                let value = try scanner.value()
                scanner.skipSpace()
                guard scanner.atEnd else { throw scanner.fail("expected the end of the file but found \(scanner.describeCurrent())") }
                return .success(value)
            } catch {
                let (line, column) = scanner.lineAndColumn(of: error.offset)
                return .failure(
                    PlacemapError(
                        .badData, file: source, line: line, column: column, message: "is not JSON here: \(error.message)",
                        hint: "write it again with placemap"))
            }
        }
        return try result.get()
    }
}

extension JSONValue {
    /// The value at `path` of nested object members; nil when a step is missing or not an object.
    public func member(_ path: String...) -> JSONValue? {
        var v: JSONValue? = self
        for key in path {
            guard case .object(let o)? = v else { return nil }
            v = o[key]
        }
        return v
    }
}
