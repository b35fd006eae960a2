import PlaceAnalysis
import PlaceGeometry
import PlaceIO

/// The before/after maps of a footprint comparison: the changed blocks dissolved by old area on one
/// map and by new area on the other, on the same ground, an area continuing under a new code in the
/// colour it had before, and the blocks that moved outlined in orange on both.
struct DiffMaps {
    let view: DiffView
    let topology: ArcTopology
    let projection: PageProjection
    let colourBefore: [String]
    let colourAfter: [String]
    static let width = 460.0
    static let fills = ["#12436D", "#28A197", "#801650", "#A285D1", "#3D3D3D"]

    init?(_ view: DiffView) {
        self.view = view
        let shapes = view.before.map(\.shape) + view.after.map(\.shape) + view.moved.map(\.shape)
        var ground: Bounds?
        for s in view.before { if let b = s.shape.bounds { if ground == nil { ground = b } else { ground?.include(b) } } }
        guard let ground else { return nil }
        topology = ArcTopology(shapes)
        projection = PageProjection(fitting: ground, width: Self.width, maxHeight: 520, margin: 12)
        let nb = view.before.count
        colourBefore = Self.colours(Self.neighbours(topology, Array(0..<nb)), preferred: Array(repeating: nil, count: nb))
        // A new area takes the colour of the old area it continues, where its new neighbours allow.
        var successor: [String: String] = [:]
        for f in view.fates where f.newCodes.count == 1 && !f.oldCode.isEmpty && successor[f.newCodes[0]] == nil {
            successor[f.newCodes[0]] = f.oldCode
        }
        let oldIndex = Dictionary(view.before.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
        let before = colourBefore
        let preferred = view.after.map { a in successor[a.code].flatMap { oldIndex[$0] }.map { before[$0] } }
        colourAfter = Self.colours(Self.neighbours(topology, Array(nb..<(nb + view.after.count))), preferred: preferred)
    }

    /// For each of `shapes` (topology indices), the positions in `shapes` of those sharing a border with it.
    static func neighbours(_ topology: ArcTopology, _ shapes: [Int]) -> [Set<Int>] {
        var owners: [Int: [Int]] = [:]
        for (k, s) in shapes.enumerated() {
            for polygon in topology.shapes[s] { for ring in polygon { for ref in ring { owners[ref.arc, default: []].append(k) } } }
        }
        var out = [Set<Int>](repeating: [], count: shapes.count)
        for list in owners.values where list.count > 1 {
            for a in list { for b in list where a != b { out[a].insert(b) } }
        }
        return out
    }

    /// Greedy colouring: the preferred colour where no neighbour has it yet, else the first free one.
    static func colours(_ neighbours: [Set<Int>], preferred: [String?]) -> [String] {
        var out = [String?](repeating: nil, count: neighbours.count)
        let order = neighbours.indices.sorted { (neighbours[$0].count, $1) > (neighbours[$1].count, $0) }
        for i in order {
            let taken = Set(neighbours[i].compactMap { out[$0] })
            if let p = preferred[i], !taken.contains(p) {
                out[i] = p
            } else {
                out[i] = fills.first { !taken.contains($0) } ?? fills[i % fills.count]
            }
        }
        return out.map { $0 ?? fills[0] }
    }

    func figure(after: Bool) -> MapFigure {
        let areas = after ? view.after : view.before
        let offset = after ? view.before.count : 0
        let colours = after ? colourAfter : colourBefore
        let names = after ? view.newNames : view.oldNames
        let geography = after ? view.newGeography : view.oldGeography
        // The legend goes below the map, where it hides nothing.
        let legendHeight = 10 * 1.6 + 8 + 6
        let height = projection.height + legendHeight + MapDecorations.attributionHeight(width: Self.width) + 6
        let arcs = topology.simplifiedArcs(
            tolerance: projection.metres(0.5), only: Array(offset..<(offset + areas.count)) + Array(movedShapes))
        let id = "map-diff-\(view.id)-\(after ? "after" : "before")"
        let movedPeople = view.moved.reduce(0) { $0 + $1.population }
        let movedBlocks = view.moved.reduce(0) { $0 + $1.blocks }
        var svg = SVGDocument(
            id: id, width: Self.width, height: height,
            title: "\(after ? "After" : "Before"): the changed blocks by \(geography) area",
            description:
                "The blocks whose \(view.oldGeography) and \(view.newGeography) areas differ, dissolved by their \(geography) area: "
                + areas.map { "\(Self.name($0.code, names)) (\(Drawing.people($0.population)) people)" }.joined(separator: "; ")
                + ". Outlined and ringed in orange: the \(Self.blocks(movedBlocks)) (\(Drawing.people(movedPeople)) people) that moved to another area. "
                + "The tables below give the same figures.")
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#FFFFFF\"/>")
        svg.append("<g class=\"areas\" stroke=\"#FFFFFF\" stroke-width=\"0.8\" stroke-linejoin=\"round\" fill-rule=\"evenodd\">")
        for (k, a) in areas.enumerated() {
            let d = PathEncoding.path(topology.rings(of: offset + k, arcs: arcs), projection)
            guard !d.isEmpty else { continue }
            let fill = a.code.isEmpty ? Palette.context : colours[k]
            svg.append(
                "<path d=\"\(d)\" fill=\"\(fill)\" class=\"area\" data-code=\"\(XML.escape(a.code))\"><title>\(XML.escape(Self.name(a.code, names))): \(Drawing.people(a.population)) people in \(Self.blocks(a.blocks)) that changed</title></path>"
            )
        }
        svg.append("</g><g class=\"moved\" fill=\"none\" stroke=\"\(Palette.highlight)\" stroke-width=\"2.5\" stroke-linejoin=\"round\">")
        for (k, m) in view.moved.enumerated() {
            let d = PathEncoding.path(topology.rings(of: view.before.count + view.after.count + k, arcs: arcs), projection)
            guard !d.isEmpty else { continue }
            let parts = m.code.components(separatedBy: "→")
            let text =
                "\(Self.name(parts.first ?? "", view.oldNames)) → \(Self.name(parts.last ?? "", view.newNames)): \(Self.blocks(m.blocks)), \(Drawing.people(m.population)) people"
            svg.append(
                "<path d=\"\(d)\" class=\"moved-blocks\" data-code=\"\(XML.escape(m.code))\"><title>\(XML.escape(text))</title></path>")
            // A ring, so that a few small blocks still show at the scale of the map.
            if let b = m.shape.bounds {
                let r = max(max(b.maxX - b.minX, b.maxY - b.minY) * projection.scale / 2 + 5, 7)
                svg.append(
                    "<circle cx=\"\(Drawing.c(projection.x((b.minX + b.maxX) / 2)))\" cy=\"\(Drawing.c(projection.y((b.minY + b.maxY) / 2)))\" r=\"\(Drawing.c(r))\" stroke-width=\"1.2\"/>"
                )
            }
        }
        svg.append("</g>")
        let (legend, legendBox) = MapDecorations.legend(
            [
                MapDecorations.Entry(
                    "Moved to another area (outlined, ringed): \(Self.blocks(movedBlocks)), \(Drawing.people(movedPeople)) people",
                    fill: "none",
                    stroke: Palette.highlight, strokeWidth: 2.5, line: true)
            ], x: 8, y: projection.height + 2, fontSize: 10)
        let (bar, barBox) = MapDecorations.scaleBar(
            projection, x: Self.width - 130, y: height - MapDecorations.attributionHeight(width: Self.width) - 4, target: 70)
        let context = GEOSContext()
        let requests = areas.enumerated().compactMap { k, a -> LabelRequest? in
            guard let g = try? Geometry(a.shape, in: context), let b = g.bounds(),
                let c = try? g.maximumInscribedCircle(tolerance: max(max(b.maxX - b.minX, b.maxY - b.minY) / 200, 1))
            else { return nil }
            let text = a.code.isEmpty ? "in no \(geography) area" : "\(Coterminosity.short(names[a.code] ?? a.code)) (\(a.code))"
            return LabelRequest(
                text: text, x: projection.x(c.x), y: projection.y(c.y), radius: c.radius * projection.scale, id: a.code)
        }.sorted { $0.radius > $1.radius }
        let frame = PageRect(x: 0, y: 0, width: Self.width, height: height - MapDecorations.attributionHeight(width: Self.width))
        let (placed, unplaced) = LabelPlacement.place(requests, fontSize: 10, frame: frame, obstacles: [legendBox, barBox])
        svg.append("<g class=\"labels\" paint-order=\"stroke\" stroke=\"#FFFFFF\" stroke-width=\"3\" stroke-linejoin=\"round\">")
        for l in placed { svg.append(Drawing.label(l, fontSize: 10, bold: true)) }
        svg.append("</g>" + legend + bar + MapDecorations.attributionLine(width: Self.width, y: height))
        return MapFigure(id: id, document: svg, placePaths: areas.count, unplacedLabels: unplaced.map(\.text))
    }

    private var movedShapes: Range<Int> {
        let start = view.before.count + view.after.count
        return start..<(start + view.moved.count)
    }

    static func blocks(_ n: Int) -> String { n == 1 ? "1 block" : "\(n) blocks" }

    static func name(_ code: String, _ names: [String: String]) -> String {
        code.isEmpty ? "no area" : "\(Coterminosity.short(names[code] ?? code)) (\(code))"
    }
}
