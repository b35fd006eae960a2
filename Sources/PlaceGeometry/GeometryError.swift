/// An error raised by the geometry layer: GEOS or PROJ refused an operation.
public enum GeometryError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A GEOS function failed; `message` is the text GEOS reported at the moment of failure.
    case geos(function: String, message: String)
    /// A PROJ function failed.
    case proj(function: String, message: String)
    /// The input cannot form the requested geometry (for example a ring with fewer than 4 points).
    case invalidInput(String)

    public var description: String {
        switch self {
        case .geos(let function, let message): return "GEOS \(function) failed: \(message)"
        case .proj(let function, let message): return "PROJ \(function) failed: \(message)"
        case .invalidInput(let message): return message
        }
    }
}
