/// What went wrong in a run, for the user: bad data (65), a file that cannot be read or written (74), or a
/// request that cannot be met (64), saying where (file, line, feature, field) and what to do about it.
public struct PlacemapError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable {
        /// The data is malformed or inconsistent (exit code 65).
        case badData
        /// A file could not be read or written (exit code 74).
        case io
        /// The request itself is wrong, e.g. a field that does not exist (exit code 64).
        case usage
    }

    public var kind: Kind
    public var file: String?
    public var line: Int?
    public var column: Int?
    /// Zero-based index of the feature or data row.
    public var featureIndex: Int?
    public var featureCode: String?
    public var field: String?
    public var message: String
    public var hint: String?

    public init(
        _ kind: Kind, file: String? = nil, line: Int? = nil, column: Int? = nil, featureIndex: Int? = nil,
        featureCode: String? = nil, field: String? = nil, message: String, hint: String? = nil
    ) {
        self.kind = kind
        self.file = file
        self.line = line
        self.column = column
        self.featureIndex = featureIndex
        self.featureCode = featureCode
        self.field = field
        self.message = message
        self.hint = hint
    }

    /// The sysexits code: 65 bad data, 74 I/O, 64 usage.
    public var exitCode: Int32 {
        switch kind {
        case .badData: return 65
        case .io: return 74
        case .usage: return 64
        }
    }

    public var description: String {
        var place: [String] = []
        if let file { place.append(file + (line.map { ":\($0)" + (column.map { ":\($0)" } ?? "") } ?? "")) }
        if let featureIndex { place.append("feature \(featureIndex)" + (featureCode.map { " (\($0))" } ?? "")) }
        if let field { place.append("field \"\(field)\"") }
        var text = place.isEmpty ? message : place.joined(separator: ", ") + ": " + message
        if let hint { text += "\n  hint: " + hint }
        return text
    }
}
