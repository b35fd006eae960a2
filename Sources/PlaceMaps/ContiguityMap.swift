import PlaceGeometry

/// The contiguity result: groups that are not one connected piece, their exclaves drawn and ringed
/// over the outlines of the systems, and a table.
enum ContiguityMap {
    static func figure(_ view: ContiguityView, width: Double = 560, maxHeight: Double = 640) -> MapFigure? {
        let exclaveCodes = view.notConnected.flatMap(\.exclaves).filter { view.exclaveShapes[$0] != nil }
        let backgroundShapes = view.background.compactMap(\.shape)
        var ground: Bounds?
        for shape in backgroundShapes + exclaveCodes.compactMap({ view.exclaveShapes[$0] }) {
            guard let b = shape.bounds else { continue }
            if ground == nil { ground = b } else { ground?.include(b) }
        }
        guard let ground, !exclaveCodes.isEmpty else { return nil }
        let projection = PageProjection(fitting: ground, width: width, maxHeight: maxHeight, margin: 12)
        let height = projection.height + MapDecorations.attributionHeight(width: width)
        let topology = ArcTopology(backgroundShapes + exclaveCodes.compactMap { view.exclaveShapes[$0] })
        let arcs = topology.simplifiedArcs(tolerance: projection.metres(0.5))
        let split = Set(view.notConnected.map(\.code))
        let id = "map-contiguity-\(view.id)"
        var svg = SVGDocument(
            id: id, width: width, height: height, title: "Groups of \(view.layerGeography) that are not one connected piece",
            description:
                "\(view.groups.count) groups; \(view.notConnected.count) are not one connected piece: "
                + view.notConnected.map { "\($0.name) (\(Self.apart($0, view.layerGeography)))" }.joined(separator: "; ")
                + ". Members outside their group's largest piece are drawn in orange and ringed.")
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#FFFFFF\"/>")
        svg.append("<g class=\"systems\" stroke=\"\(Palette.outline)\" stroke-width=\"0.6\" fill-rule=\"evenodd\">")
        var s = 0
        for system in view.background {
            guard system.shape != nil else { continue }
            let d = PathEncoding.path(topology.rings(of: s, arcs: arcs), projection)
            s += 1
            guard !d.isEmpty else { continue }
            let fill = split.contains(system.code) ? "#C9E4E1" : Palette.context
            svg.append(
                "<path d=\"\(d)\" fill=\"\(fill)\" data-code=\"\(XML.escape(system.code))\"><title>\(XML.escape(system.name))</title></path>"
            )
        }
        svg.append("</g><g class=\"exclaves\" fill=\"\(Palette.highlight)\" stroke=\"#0B0C0C\" stroke-width=\"0.4\">")
        var paths = 0
        for (k, code) in exclaveCodes.enumerated() {
            let d = PathEncoding.path(topology.rings(of: s + k, arcs: arcs), projection)
            if d.isEmpty { continue }
            svg.append(
                "<path d=\"\(d)\" class=\"exclave\" data-code=\"\(XML.escape(code))\"><title>\(XML.escape(view.exclaveNames[code] ?? code)) (\(XML.escape(code))): exclave</title></path>"
            )
            paths += 1
        }
        svg.append("</g><g class=\"rings\" fill=\"none\" stroke=\"#0B0C0C\" stroke-width=\"1.5\">")
        var requests: [LabelRequest] = []
        for group in view.notConnected {
            var b: Bounds?
            for code in group.exclaves {
                guard let eb = view.exclaveShapes[code]?.bounds else { continue }
                if b == nil { b = eb } else { b?.include(eb) }
            }
            guard let b else { continue }
            let cx = projection.x((b.minX + b.maxX) / 2)
            let cy = projection.y((b.minY + b.maxY) / 2)
            let r = max((b.maxX - b.minX), (b.maxY - b.minY)) * projection.scale / 2 + 6
            svg.append("<circle cx=\"\(Drawing.c(cx))\" cy=\"\(Drawing.c(cy))\" r=\"\(Drawing.c(r))\"/>")
            requests.append(
                LabelRequest(
                    text: "\(group.name): \(Self.apart(group, view.layerGeography))", x: cx, y: cy, radius: r,
                    id: group.code, beside: true))
        }
        svg.append("</g>")
        let (legend, legendBox) = MapDecorations.legend(
            [
                MapDecorations.Entry("Exclave (outside its group's largest piece)", fill: Palette.highlight, stroke: "#0B0C0C"),
                MapDecorations.Entry("Group not in one piece", fill: "#C9E4E1", stroke: Palette.outline),
                MapDecorations.Entry("Group in one piece", fill: Palette.context, stroke: Palette.outline),
            ], x: 8, y: 8)
        let (bar, barBox) = MapDecorations.scaleBar(
            projection, x: width - 150, y: height - MapDecorations.attributionHeight(width: width) - 6)
        let (placed, unplaced) = LabelPlacement.place(
            requests, fontSize: 11,
            frame: PageRect(x: 0, y: 0, width: width, height: height - MapDecorations.attributionHeight(width: width)),
            obstacles: [legendBox, barBox])
        svg.append("<g class=\"labels\" paint-order=\"stroke\" stroke=\"#FFFFFF\" stroke-width=\"3\">")
        for l in placed { svg.append(Drawing.label(l, fontSize: 11, bold: true)) }
        svg.append("</g>" + legend + bar + MapDecorations.attributionLine(width: width, y: height))
        return MapFigure(id: id, document: svg, placePaths: paths, unplacedLabels: unplaced.map(\.text))
    }

    static func section(_ view: ContiguityView) -> (String, [MapFigure]) {
        let split = view.notConnected
        var s =
            "<section id=\"contiguity-\(view.id)\"><h2>Contiguity: are the groups of \(XML.escape(view.layerGeography)) one connected piece?</h2>"
        s += "<p>\(view.groups.count - split.count) of \(view.groups.count) groups are one connected piece; \(split.count) are not.</p>"
        let figure = figure(view)
        s += "<div class=\"figure\">"
        if let figure {
            s += "<figure>\(figure.inline)<figcaption>Exclaves: members outside their group's largest piece.</figcaption></figure>"
        }
        s +=
            "<table><thead><tr><th>group</th><th class=\"n\">members</th><th class=\"n\">pieces</th><th class=\"n\">members outside the largest piece</th><th>those members (first 10)</th></tr></thead><tbody>"
        for g in split {
            let names = g.exclaves.prefix(10).map { code in view.exclaveNames[code].map { "\($0) (\(code))" } ?? code }
            s += "<tr data-code=\"\(XML.escape(g.code))\">" + HTMLReport.cell("\(g.name) (\(g.code))")
            s += HTMLReport.cell(String(g.members), number: true) + HTMLReport.cell(String(g.pieces), number: true)
            s += HTMLReport.cell(String(g.exclaves.count), number: true)
            s += HTMLReport.cell(names.joined(separator: ", ") + (g.exclaves.count > 10 ? ", …" : "")) + "</tr>"
        }
        s += "</tbody></table></div></section>"
        return (s, figure.map { [$0] } ?? [])
    }

    /// "2 pieces apart from the largest (100 LSOA21s)": pieces and members, never one taken for the other.
    static func apart(_ group: ContiguityView.Group, _ geography: String) -> String {
        let pieces = group.pieces - 1
        let n = group.exclaves.count
        return "\(pieces) piece\(pieces == 1 ? "" : "s") apart from the largest (\(n) \(geography)\(n == 1 ? "" : "s"))"
    }
}
