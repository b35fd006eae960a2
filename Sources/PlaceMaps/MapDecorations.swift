import Foundation

/// Legend, scale bar and attribution line drawn on every map.
public enum MapDecorations {
    /// The attribution every map carries (ONS and OS data under the Open Government Licence).
    public static let attribution =
        "Source: Office for National Statistics licensed under the Open Government Licence v.3.0. Contains OS data © Crown copyright and database right 2024."

    /// One legend entry: a swatch (fill, outline) and its label.
    public struct Entry: Sendable {
        public var label: String
        public var fill: String
        public var stroke: String
        public var strokeWidth: Double
        /// Drawn as a line (an outline on the map) rather than a filled box.
        public var line: Bool

        public init(_ label: String, fill: String, stroke: String = "#FFFFFF", strokeWidth: Double = 0.5, line: Bool = false) {
            self.label = label
            self.fill = fill
            self.stroke = stroke
            self.strokeWidth = strokeWidth
            self.line = line
        }
    }

    /// A legend with its top-left corner at (x, y); returns the SVG and the box it covers.
    public static func legend(_ entries: [Entry], x: Double, y: Double, fontSize: Double = 11) -> (String, PageRect) {
        let row = fontSize * 1.6
        let width = (entries.map { LabelPlacement.textWidth($0.label, fontSize: fontSize) }.max() ?? 0) + 34
        let rect = PageRect(x: x, y: y, width: width, height: Double(entries.count) * row + 8)
        var s = "<g class=\"legend\" aria-label=\"Legend\">"
        s +=
            "<rect x=\"\(c(x))\" y=\"\(c(y))\" width=\"\(c(rect.width))\" height=\"\(c(rect.height))\" fill=\"#FFFFFF\" fill-opacity=\"0.9\" stroke=\"#B1B4B6\"/>"
        for (i, e) in entries.enumerated() {
            let top = y + 4 + Double(i) * row
            if e.line {
                s +=
                    "<line x1=\"\(c(x + 6))\" y1=\"\(c(top + row / 2))\" x2=\"\(c(x + 24))\" y2=\"\(c(top + row / 2))\" stroke=\"\(e.stroke)\" stroke-width=\"\(c(e.strokeWidth))\"/>"
            } else {
                s +=
                    "<rect x=\"\(c(x + 6))\" y=\"\(c(top + 3))\" width=\"18\" height=\"\(c(row - 6))\" fill=\"\(e.fill)\" stroke=\"\(e.stroke)\" stroke-width=\"\(c(e.strokeWidth))\"/>"
            }
            s += "<text x=\"\(c(x + 30))\" y=\"\(c(top + row * 0.7))\" font-size=\"\(c(fontSize))\">\(XML.escape(e.label))</text>"
        }
        return (s + "</g>", rect)
    }

    /// A scale bar of a round length (1, 2 or 5 × 10^k metres) close to `target` page units long,
    /// with its bottom-left corner at (x, y); returns the SVG and the box it covers.
    public static func scaleBar(_ projection: PageProjection, x: Double, y: Double, target: Double = 100) -> (String, PageRect) {
        let metres = niceLength(projection.metres(target))
        let length = metres * projection.scale
        let label = metres >= 1000 ? "\(format(metres / 1000)) km" : "\(format(metres)) m"
        var s = "<g class=\"scale-bar\" aria-label=\"Scale bar: \(label)\">"
        s += "<path d=\"M\(c(x)) \(c(y - 6))v6h\(c(length))v-6\" fill=\"none\" stroke=\"#0B0C0C\" stroke-width=\"1.5\"/>"
        s += "<text x=\"\(c(x + length + 4))\" y=\"\(c(y))\" font-size=\"11\">\(label)</text>"
        s += "</g>"
        return (s, PageRect(x: x - 2, y: y - 14, width: length + 10 + LabelPlacement.textWidth(label, fontSize: 11), height: 16))
    }

    /// The largest 1, 2 or 5 × 10^k not above `metres`.
    public static func niceLength(_ metres: Double) -> Double {
        guard metres > 0, metres.isFinite else { return 1 }
        let power = pow(10, (log10(metres)).rounded(.down))
        for m in [5.0, 2, 1] where m * power <= metres { return m * power }
        return power
    }

    static func format(_ v: Double) -> String { v == v.rounded() ? String(Int(v)) : PathEncoding.coordinate(v) }

    /// Page units to leave below a map `width` units wide for the attribution: one line on wide maps,
    /// two on narrow ones.
    public static func attributionHeight(width: Double) -> Double { width >= 700 ? 16 : 26 }

    /// The attribution at the bottom of a map `width` units wide whose page ends at `bottom`.
    public static func attributionLine(width: Double, y bottom: Double) -> String {
        let open = "<text class=\"attribution\" x=\"4\" font-size=\"8\" fill=\"#505A5F\">"
        guard width < 700, let cut = attribution.range(of: " Contains OS data") else {
            return open.replacingOccurrences(of: "x=\"4\"", with: "x=\"4\" y=\"\(c(bottom - 4))\"") + XML.escape(attribution) + "</text>"
        }
        let first = String(attribution[..<cut.lowerBound])
        let second = String(attribution[cut.upperBound...]).trimmingCharacters(in: .whitespaces)
        return open + "<tspan x=\"4\" y=\"\(c(bottom - 14))\">\(XML.escape(first))</tspan>"
            + "<tspan x=\"4\" y=\"\(c(bottom - 4))\">Contains OS data \(XML.escape(second))</tspan></text>"
    }

    static func c(_ v: Double) -> String { PathEncoding.coordinate(v) }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
