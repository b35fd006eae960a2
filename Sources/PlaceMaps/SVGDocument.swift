/// An SVG document being written: a root with `role="img"`, `<title>` and `<desc>` (named by
/// `aria-labelledby`), and the body appended in drawing order.
public struct SVGDocument: Sendable {
    public var id: String
    public var width: Double
    public var height: Double
    public var title: String
    public var description: String
    public private(set) var body = ""

    public init(id: String, width: Double, height: Double, title: String, description: String) {
        self.id = id
        self.width = width
        self.height = height
        self.title = title
        self.description = description
    }

    public mutating func append(_ element: String) { body += element }

    /// The whole `<svg>` element; `standalone` adds the XML namespace for a file of its own.
    public func text(standalone: Bool = false) -> String {
        let w = PathEncoding.coordinate(width)
        let h = PathEncoding.coordinate(height)
        var s = "<svg"
        if standalone { s += " xmlns=\"http://www.w3.org/2000/svg\"" }
        s += " id=\"\(XML.escape(id))\" viewBox=\"0 0 \(w) \(h)\" width=\"\(w)\" height=\"\(h)\" role=\"img\""
        s += " aria-labelledby=\"\(XML.escape(id))-title \(XML.escape(id))-desc\" class=\"map\">"
        s += "<title id=\"\(XML.escape(id))-title\">\(XML.escape(title))</title>"
        s += "<desc id=\"\(XML.escape(id))-desc\">\(XML.escape(description))</desc>"
        s += body
        s += "</svg>"
        return standalone ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + s + "\n" : s
    }
}

/// Escaping for XML and HTML text and attribute values.
public enum XML {
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
