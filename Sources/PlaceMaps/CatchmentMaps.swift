import PlaceGeometry

/// A map per acute trust: its proportional share of each small area's patients (sequential palette,
/// five classes), its first-past-the-post catchment outlined, and the places it draws from.
enum CatchmentMaps {
    /// Small areas where the trust takes less than this share are left out of its map.
    static let minimumShare = 0.05
    static let classes = [0.05, 0.2, 0.4, 0.6, 0.8]

    static func shareClass(_ share: Double) -> Int { max(0, (classes.lastIndex { share >= $0 }) ?? 0) }

    static func figure(_ view: CatchmentView, _ trust: CatchmentView.Trust, width: Double = 420) -> MapFigure? {
        let codes = trust.shares.filter { $0.value >= minimumShare && view.blocks[$0.key] != nil }.keys.sorted()
        var shapes = codes.compactMap { view.blocks[$0] }
        if let fptp = trust.firstPastThePost { shapes.append(fptp) }
        var ground: Bounds?
        for shape in shapes {
            guard let b = shape.bounds else { continue }
            if ground == nil { ground = b } else { ground?.include(b) }
        }
        guard let ground else { return nil }
        let projection = PageProjection(fitting: ground, width: width, maxHeight: 420, margin: 10)
        // The legend goes below the map, where it hides nothing.
        let legendHeight = Double(classes.count + 1) * 9 * 1.6 + 8
        let height = projection.height + legendHeight + 8 + MapDecorations.attributionHeight(width: width)
        let topology = ArcTopology(shapes)
        let arcs = topology.simplifiedArcs(tolerance: projection.metres(0.6))
        let colours = Palette.sequential(classes.count)
        let id = "map-trust-\(Drawing.slug(trust.code))"
        var svg = SVGDocument(
            id: id, width: width, height: height, title: "\(trust.name) (\(trust.code)): catchment",
            description:
                "Share of each \(view.blocksGeography)'s admitted patients going to the trust, in five classes from \(Int(minimumShare * 100))% (light) to 80% and more (dark); "
                + "the outline is its first-past-the-post catchment (the small areas where it has the largest share). The table below lists the places it draws from."
        )
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#FFFFFF\"/>")
        svg.append("<g class=\"blocks\" stroke=\"#FFFFFF\" stroke-width=\"0.2\" fill-rule=\"evenodd\">")
        var paths = 0
        for (k, code) in codes.enumerated() {
            let d = PathEncoding.path(topology.rings(of: k, arcs: arcs), projection)
            guard !d.isEmpty, let share = trust.shares[code] else { continue }
            svg.append(
                "<path d=\"\(d)\" fill=\"\(colours[shareClass(share)])\"><title>\(XML.escape(code)): \(Drawing.percent(share))</title></path>"
            )
            paths += 1
        }
        svg.append("</g>")
        if trust.firstPastThePost != nil {
            let d = PathEncoding.path(topology.rings(of: codes.count, arcs: arcs), projection)
            svg.append(
                "<path d=\"\(d)\" fill=\"none\" stroke=\"\(Palette.highlight)\" stroke-width=\"2\" stroke-dasharray=\"5 2\" class=\"fptp\"/>"
            )
        }
        var entries = zip(classes.indices, colours).map { k, colour in
            MapDecorations.Entry(
                k + 1 < classes.count
                    ? "\(Int(classes[k] * 100))–\(Int(classes[k + 1] * 100))% of patients" : "\(Int(classes[k] * 100))% or more",
                fill: colour)
        }
        entries.append(MapDecorations.Entry("First past the post", fill: "none", stroke: Palette.highlight, strokeWidth: 2, line: true))
        let (legend, _) = MapDecorations.legend(entries, x: 6, y: projection.height + 4, fontSize: 9)
        let (bar, _) = MapDecorations.scaleBar(
            projection, x: width - 130, y: height - MapDecorations.attributionHeight(width: width) - 4, target: 70)
        svg.append(legend + bar + MapDecorations.attributionLine(width: width, y: height))
        return MapFigure(id: id, document: svg, placePaths: paths, unplacedLabels: [])
    }

    static func section(_ view: CatchmentView) -> (String, [MapFigure]) {
        var s = "<section id=\"catchments\"><h2>Acute trust catchments</h2>"
        s +=
            "<p>\(view.trusts.count) trusts. Proportional flow (OHID): each \(XML.escape(view.blocksGeography))'s population times the trust's share of its admitted patients; "
        s +=
            "first past the post: each small area's whole population to the trust with the largest share. Small areas sending under \(Int(minimumShare * 100))% of their patients to a trust are left off its map.</p>"
        s += "<p id=\"system-filter\" hidden><label>Show trusts whose name contains <input type=\"search\"></label></p>"
        var figures: [MapFigure] = []
        for trust in view.trusts {
            s +=
                "<section class=\"system\" id=\"trust-\(Drawing.slug(trust.code))\" data-name=\"\(XML.escape(trust.name.lowercased())) \(XML.escape(trust.code.lowercased()))\">"
            s += "<h3>\(XML.escape(trust.name)) (\(XML.escape(trust.code)))</h3>"
            s +=
                "<p>Catchment population: \(Drawing.people(trust.populationProportional)) by proportional flow, \(Drawing.people(trust.populationFirstPastThePost)) by first past the post.</p><div class=\"figure\">"
            if let figure = figure(view, trust) {
                figures.append(figure)
                s += "<figure>\(figure.inline)</figure>"
            }
            s +=
                "<table><thead><tr><th>place it draws from</th><th class=\"n\">people</th><th class=\"n\">share of trust</th></tr></thead><tbody>"
            for p in trust.places.sorted(by: { $0.population > $1.population }).prefix(15) {
                s += "<tr>" + HTMLReport.cell("\(p.name) (\(p.code))") + HTMLReport.cell(Drawing.people(p.population), number: true)
                s += HTMLReport.cell(Drawing.percent(p.shareOfTrust), number: true) + "</tr>"
            }
            s += "</tbody></table>" + AgeProfile.trust(view, trust) + "</div></section>"
        }
        return (s + "</section>", figures)
    }
}
