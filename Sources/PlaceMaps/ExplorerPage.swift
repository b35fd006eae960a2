import PlaceAnalysis
import PlaceGeometry
import PlaceIO

/// The scenario explorer: one self-contained HTML page (inline style, script and data; nothing
/// fetched) where a person moves councils between systems, merges systems and merges districts into
/// unitaries, and every figure of `placemap scenario` is recomputed in the browser from the atoms.
///
/// The map is the atoms cut into shared arcs (``ArcTopology``), each arc simplified once at the page's
/// scale: the script fills each atom with its system's colour and draws the system and council
/// borders from the arcs whose two sides now differ, so the new footprints are redrawn exactly on
/// the old borders.
public struct ExplorerPage: Sendable {
    public var html: String
    public var bytes: [UInt8] { Array(html.utf8) }
    /// The map of the atoms as drawn on load (the script recolours it and draws the borders).
    public var map: SVGDocument

    public static let defaultTitle = "Scenario explorer: councils and integrated care boards"

    public init(_ atoms: ScenarioAtoms, title: String = defaultTitle, width: Double = 760) {
        let topology = ArcTopology(atoms.atoms.map(\.shape))
        var ground: Bounds?
        for a in atoms.atoms {
            guard let b = a.shape.bounds else { continue }
            if ground == nil { ground = b } else { ground?.include(b) }
        }
        let projection = PageProjection(
            fitting: ground ?? Bounds(minX: 0, minY: 0, maxX: 1, maxY: 1), width: width, maxHeight: 940, margin: 12)
        let height = projection.height + MapDecorations.attributionHeight(width: width)
        let arcs = topology.simplifiedArcs(tolerance: projection.metres(0.5))
        // The atoms on each side of each arc (one for a coast or the edge of the data).
        var sides = [[Int]](repeating: [], count: arcs.count)
        for (s, polygons) in topology.shapes.enumerated() {
            for ring in polygons.joined() {
                for ref in ring where !sides[ref.arc].contains(s) { sides[ref.arc].append(s) }
            }
        }
        var svg = SVGDocument(
            id: "explorer-map", width: width, height: height,
            title: "\(atoms.systemsGeography) systems and \(atoms.placesGeography) councils in the scenario",
            description:
                "Each system in its own colour (neighbouring systems differ), its borders in black, council borders in white; "
                + "parts of a system cut off from its largest piece are ringed. The tables beside the map give every figure.")
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#FFFFFF\"/>")
        svg.append("<g id=\"atoms\" stroke-linejoin=\"round\" fill-rule=\"evenodd\">")
        var labels: [(Double, Double, Double)] = []
        for (k, a) in atoms.atoms.enumerated() {
            let d = PathEncoding.path(topology.rings(of: k, arcs: arcs), projection)
            if !d.isEmpty { svg.append("<path d=\"\(d)\" fill=\"\(Palette.context)\" data-atom=\"\(k)\"/>") }
            let b = a.shape.bounds ?? Bounds(minX: 0, minY: 0, maxX: 0, maxY: 0)
            let r = max((b.maxX - b.minX), (b.maxY - b.minY)) / 2 * projection.scale
            labels.append((projection.x((b.minX + b.maxX) / 2), projection.y((b.minY + b.maxY) / 2), r))
        }
        svg.append("</g>")
        svg.append("<path id=\"place-borders\" d=\"\" fill=\"none\" stroke=\"#FFFFFF\" stroke-width=\"0.5\" stroke-linejoin=\"round\"/>")
        svg.append(
            "<path id=\"system-borders\" d=\"\" fill=\"none\" stroke=\"\(Palette.text)\" stroke-width=\"1.3\" stroke-linejoin=\"round\"/>")
        svg.append("<g id=\"selection\" fill=\"none\" stroke=\"\(Palette.text)\" stroke-width=\"2.5\" stroke-dasharray=\"4 2\"></g>")
        svg.append("<g id=\"exclaves\" fill=\"none\" stroke=\"\(Palette.text)\" stroke-width=\"2\"></g>")
        let (bar, _) = MapDecorations.scaleBar(projection, x: 8, y: height - MapDecorations.attributionHeight(width: width) - 6)
        svg.append(bar + MapDecorations.attributionLine(width: width, y: height))
        self.map = svg

        let data = Self.data(atoms, arcs: arcs.map { PathEncoding.line($0, projection) }, sides: sides, labels: labels, title: title)
        var h = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        h += "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
        h += "<title>\(XML.escape(title))</title><style>\(ExplorerScript.css)</style></head><body>"
        h += "<header><h1>\(XML.escape(title))</h1>"
        h += "<p class=\"note\">Build a scenario by clicking: give a council to a system, merge systems into a new one, "
        h += "merge districts into a unitary council. Every figure is recomputed at once in this page, with no server, "
        h += "exactly as <code>placemap scenario</code> computes it from the downloaded CSV "
        h += "(\(atoms.atoms.count) atoms: blocks with the same \(XML.escape(atoms.placesGeography)), "
        h += "\(XML.escape(atoms.uppersGeography)) and \(XML.escape(atoms.systemsGeography)), connected among themselves).</p>"
        h += "<noscript><p class=\"fail\">This page needs JavaScript to compute the scenario.</p></noscript></header>"
        h += ExplorerScript.body(map: svg.text())
        h += "<footer><p class=\"note\">\(XML.escape(MapDecorations.attribution))</p>"
        h += "<details><summary>Provenance</summary><ul>" + atoms.provenance.map { "<li>\(XML.escape($0))</li>" }.joined()
        h += "</ul></details></footer>"
        h += "<script type=\"application/json\" id=\"explorer-data\">\(data)</script>"
        h += "<script>\(ExplorerScript.script)</script></body></html>\n"
        self.html = h
    }

    /// The page's data as JSON, safe inside a `<script>` element (every `<` written as `\u003c`).
    static func data(
        _ atoms: ScenarioAtoms, arcs: [String], sides: [[Int]], labels: [(Double, Double, Double)], title: String
    ) -> String {
        func areas(_ list: [ScenarioAtoms.Area]) -> JSONValue {
            .array(list.map { .array([.string($0.code), .string($0.name)]) })
        }
        func ints(_ values: [Int]) -> JSONValue { .array(values.map { .number(Double($0)) }) }
        func numbers(_ values: [Double]) -> JSONValue { .array(values.map { .number(($0 * 10).rounded() / 10) }) }
        let a = atoms.atoms
        let object = JSONObject([
            ("title", .string(title)),
            (
                "geographies",
                .array([.string(atoms.placesGeography), .string(atoms.uppersGeography), .string(atoms.systemsGeography)])
            ),
            ("places", areas(atoms.places)), ("uppers", areas(atoms.uppers)), ("systems", areas(atoms.systems)),
            ("place", ints(a.map(\.place))), ("upper", ints(a.map(\.upper))), ("system", ints(a.map(\.system))),
            ("population", ints(a.map { Int($0.population.rounded()) })),
            ("population65", ints(a.map { Int($0.population65Plus.rounded()) })),
            ("blocks", ints(a.map(\.blocks.count))),
            ("area", ints(a.map { Int($0.area.rounded()) })),
            ("neighbours", .array(atoms.neighbours.map(ints))),
            ("arcs", .array(arcs.map { .string($0) })),
            ("sides", .array(sides.map(ints))),
            ("cx", numbers(labels.map(\.0))), ("cy", numbers(labels.map(\.1))), ("r", numbers(labels.map(\.2))),
        ])
        return JSONText.text(.object(object)).replacingOccurrences(of: "<", with: "\\u003c")
    }
}
