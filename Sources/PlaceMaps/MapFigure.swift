/// One drawn map: its SVG, a file name for `--svg`, and how many place paths it holds.
public struct MapFigure: Sendable {
    public var id: String
    public var document: SVGDocument
    public var placePaths: Int
    /// Labels that found no free position (they still appear in the table beside the map).
    public var unplacedLabels: [String]

    public var fileName: String { id + ".svg" }
    public var inline: String { document.text() }
    public var standalone: String { document.text(standalone: true) }
}

/// Shared pieces of map drawing.
enum Drawing {
    static func c(_ v: Double) -> String { PathEncoding.coordinate(v) }

    /// A label with a white halo, and its leader line when it was moved off its polygon.
    static func label(_ l: PlacedLabel, fontSize: Double, bold: Bool = false) -> String {
        var s = ""
        if let leader = l.leader {
            let tx = min(max(leader.x, l.box.x), l.box.maxX)
            let ty = min(max(leader.y, l.box.y), l.box.maxY)
            s +=
                "<line x1=\"\(c(leader.x))\" y1=\"\(c(leader.y))\" x2=\"\(c(tx))\" y2=\"\(c(ty))\" stroke=\"#0B0C0C\" stroke-width=\"0.8\"/>"
            s += "<circle cx=\"\(c(leader.x))\" cy=\"\(c(leader.y))\" r=\"1.5\" fill=\"#0B0C0C\"/>"
        }
        s += "<text x=\"\(c(l.centreX))\" y=\"\(c(l.baselineY))\" font-size=\"\(c(fontSize))\" text-anchor=\"middle\""
        s += bold ? " font-weight=\"bold\"" : ""
        s += " class=\"label\" data-for=\"\(XML.escape(l.request.id))\">\(XML.escape(l.request.text))</text>"
        return s
    }

    /// "12,345" style grouping for counts of people.
    static func people(_ v: Double?) -> String {
        guard let v else { return "–" }
        let n = Int(v.rounded())
        var digits = Array(String(abs(n)))
        var out = ""
        while digits.count > 3 {
            out = "," + String(digits.suffix(3)) + out
            digits.removeLast(3)
        }
        return (n < 0 ? "-" : "") + String(digits) + out
    }

    static func percent(_ v: Double) -> String {
        let p = (v * 1000).rounded() / 10
        return PathEncoding.coordinate(p) + (p == p.rounded() ? ".0" : "") + "%"
    }

    /// A file-name-safe id from a code.
    static func slug(_ s: String) -> String {
        String(s.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
    }
}
