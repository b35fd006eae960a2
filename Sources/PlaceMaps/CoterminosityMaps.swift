import PlaceGeometry

/// The maps of a coterminosity result: the overview (places by status, system outlines over them,
/// split places labelled, a London inset when London's boroughs are there) and a close-up per system.
/// Places and systems share one arc topology, so borders are simplified once for every map.
public struct CoterminosityMaps {
    public let view: CoterminosityView
    let topology: ArcTopology
    /// Largest inscribed circle of each place (metres), for labels.
    let circles: [InscribedCircle?]
    /// Index of each system's shape in the topology, after the places.
    var systemShape: (Int) -> Int { { view.places.count + $0 } }

    public static let fontSize = 11.0

    public init(_ view: CoterminosityView) {
        self.view = view
        let empty = Shape(kind: .multiPolygon, coordinates: [])
        self.topology = ArcTopology(view.places.map(\.shape) + view.systems.map { $0.shape ?? empty })
        let context = GEOSContext()
        self.circles = view.places.map { p in
            guard let g = try? Geometry(p.shape, in: context), let b = g.bounds() else { return nil }
            let size = max(b.maxX - b.minX, b.maxY - b.minY)
            return try? g.maximumInscribedCircle(tolerance: max(size / 200, 1))
        }
    }

    private func bounds(_ shapes: [Int]) -> Bounds? {
        var b: Bounds?
        for s in shapes {
            let shape = s < view.places.count ? view.places[s].shape : view.systems[s - view.places.count].shape
            guard let sb = shape?.bounds else { continue }
            if b == nil { b = sb } else { b?.include(sb) }
        }
        return b
    }

    private func placePath(_ i: Int, _ arcs: [[Double]], _ projection: PageProjection, extra: String = "") -> String? {
        let p = view.places[i]
        let d = PathEncoding.path(topology.rings(of: i, arcs: arcs), projection)
        guard !d.isEmpty else { return nil }
        var s =
            "<path d=\"\(d)\" fill=\"\(Palette.status(p.status))\" class=\"place \(Palette.statusClass(p.status))\" data-code=\"\(XML.escape(p.code))\""
        if p.status == "split" { s += " stroke=\"#0B0C0C\" stroke-width=\"1.4\"" }
        s += extra + "><title>\(XML.escape(placeTitle(p)))</title></path>"
        return s
    }

    func placeTitle(_ p: MapPlace) -> String {
        var t = "\(p.name) (\(p.code)): \(p.status)"
        if p.status == "split" {
            t += " – " + p.shares.map { "\($0.systemName) \(Drawing.percent($0.share))" }.joined(separator: ", ")
        } else if let first = p.shares.first {
            t += ", in \(first.systemName)"
        }
        return t
    }

    private func outlines(_ systems: [Int], _ arcs: [[Double]], _ projection: PageProjection, width: Double) -> String {
        var s =
            "<g class=\"systems\" fill=\"none\" stroke=\"\(Palette.outline)\" stroke-width=\"\(Drawing.c(width))\" stroke-linejoin=\"round\">"
        for k in systems where view.systems[k].shape != nil {
            let d = PathEncoding.path(topology.rings(of: systemShape(k), arcs: arcs), projection)
            if !d.isEmpty { s += "<path d=\"\(d)\" data-code=\"\(XML.escape(view.systems[k].code))\"/>" }
        }
        return s + "</g>"
    }

    private var legendEntries: [MapDecorations.Entry] {
        // Coterminous and split always; every other status the map holds.
        var entries = Palette.statuses.filter { ["coterminous", "split"].contains($0) || view.count($0) > 0 }.map { status in
            status == "split"
                ? MapDecorations.Entry(
                    Palette.statusLabel(status, systems: view.systemsGeography), fill: Palette.status(status), stroke: "#0B0C0C",
                    strokeWidth: 1.4)
                : MapDecorations.Entry(Palette.statusLabel(status, systems: view.systemsGeography), fill: Palette.status(status))
        }
        if view.systems.contains(where: { $0.shape != nil }) {
            entries.append(
                MapDecorations.Entry(
                    "\(view.systemsGeography) boundary", fill: "none", stroke: Palette.outline, strokeWidth: 1.2, line: true))
        }
        return entries
    }

    private func labelRequest(_ i: Int, _ projection: PageProjection, text: String) -> LabelRequest? {
        guard let c = circles[i] else { return nil }
        return LabelRequest(
            text: text, x: projection.x(c.x), y: projection.y(c.y), radius: c.radius * projection.scale, id: view.places[i].code)
    }

    /// The overview map of every place.
    public func overview(width: Double = 760, maxHeight: Double = 900) -> MapFigure {
        let all = Array(0..<view.places.count)
        let ground = bounds(all) ?? Bounds(minX: 0, minY: 0, maxX: 1, maxY: 1)
        let projection = PageProjection(fitting: ground, width: width, maxHeight: maxHeight, margin: 12)
        let height = projection.height + MapDecorations.attributionHeight(width: width)
        let arcs = topology.simplifiedArcs(tolerance: projection.metres(0.5))
        let split = view.places.indices.filter { view.places[$0].status == "split" }
        var svg = SVGDocument(
            id: "map-\(view.id)", width: width, height: height,
            title: "\(view.placesGeography) places by coterminosity with \(view.systemsGeography)",
            description:
                "\(view.places.count) places: \(view.count("coterminous")) coterminous, \(view.count("split")) split, \(view.count("outside")) outside every system. "
                + (split.isEmpty
                    ? ""
                    : "Split places, outlined in black and labelled: " + split.map { view.places[$0].name }.joined(separator: ", ") + ". ")
                + "The table beside the map gives the same figures.")
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#FFFFFF\"/>")
        var paths = 0
        var body = "<g class=\"places\" stroke=\"#FFFFFF\" stroke-width=\"0.3\" stroke-linejoin=\"round\" fill-rule=\"evenodd\">"
        for i in all.filter({ view.places[$0].status != "split" }) + split {
            if let p = placePath(i, arcs, projection) {
                body += p
                paths += 1
            }
        }
        svg.append(body + "</g>")
        svg.append(outlines(Array(view.systems.indices), arcs, projection, width: 0.9))
        var obstacles: [PageRect] = []
        let (legend, legendBox) = MapDecorations.legend(legendEntries, x: 8, y: 8)
        obstacles.append(legendBox)
        let (bar, barBox) = MapDecorations.scaleBar(
            projection, x: width - 170, y: height - MapDecorations.attributionHeight(width: width) - 6)
        obstacles.append(barBox)
        var insetSVG = ""
        let london = all.filter { view.places[$0].code.hasPrefix("E09") }
        if london.count >= 5, let lb = bounds(london) {
            let (s, box, framed) = inset(london, ground: lb, mainProjection: projection, width: min(240, width * 0.32))
            insetSVG = s
            paths += framed
            obstacles.append(box)
        }
        let requests = split.compactMap { labelRequest($0, projection, text: view.places[$0].name) }
        let frame = PageRect(x: 0, y: 0, width: width, height: height - MapDecorations.attributionHeight(width: width))
        let (placed, unplaced) = LabelPlacement.place(requests, fontSize: Self.fontSize, frame: frame, obstacles: obstacles)
        svg.append(insetSVG)
        svg.append("<g class=\"labels\" paint-order=\"stroke\" stroke=\"#FFFFFF\" stroke-width=\"3\" stroke-linejoin=\"round\">")
        for l in placed { svg.append(Drawing.label(l, fontSize: Self.fontSize)) }
        svg.append("</g>")
        svg.append(legend + bar + MapDecorations.attributionLine(width: width, y: height))
        return MapFigure(id: "map-\(view.id)", document: svg, placePaths: paths, unplacedLabels: unplaced.map(\.text))
    }

    /// The London inset in the top-right corner, with a frame drawn round London on the main map.
    private func inset(_ places: [Int], ground: Bounds, mainProjection: PageProjection, width: Double) -> (String, PageRect, Int) {
        let projection0 = PageProjection(fitting: ground, width: width, margin: 6)
        let x0 = mainProjection.width - width - 8
        let y0 = 8.0
        var projection = projection0
        projection.offsetX += x0
        projection.offsetY += y0
        let box = PageRect(x: x0, y: y0, width: width, height: projection0.height + 14)
        let arcs = topology.simplifiedArcs(tolerance: projection.metres(0.5), only: places)
        var s = "<g class=\"inset\" aria-label=\"Inset: London\">"
        s +=
            "<rect x=\"\(Drawing.c(box.x))\" y=\"\(Drawing.c(box.y))\" width=\"\(Drawing.c(box.width))\" height=\"\(Drawing.c(box.height))\" fill=\"#FFFFFF\" stroke=\"#0B0C0C\"/>"
        s += "<g class=\"places\" stroke=\"#FFFFFF\" stroke-width=\"0.4\" fill-rule=\"evenodd\">"
        var count = 0
        for i in places.filter({ view.places[$0].status != "split" }) + places.filter({ view.places[$0].status == "split" }) {
            if let p = placePath(i, arcs, projection) {
                s += p
                count += 1
            }
        }
        s += "</g>"
        let systems = view.systems.indices.filter { k in
            view.places.indices.contains {
                places.contains($0) && view.places[$0].shares.contains { $0.systemCode == view.systems[k].code }
            }
        }
        let outlineArcs = topology.simplifiedArcs(tolerance: projection.metres(0.5), only: systems.map(systemShape))
        s +=
            "<clipPath id=\"clip-\(view.id)-inset\"><rect x=\"\(Drawing.c(box.x))\" y=\"\(Drawing.c(box.y))\" width=\"\(Drawing.c(box.width))\" height=\"\(Drawing.c(box.height))\"/></clipPath>"
        s += "<g clip-path=\"url(#clip-\(view.id)-inset)\">" + outlines(systems, outlineArcs, projection, width: 1.2) + "</g>"
        s += "<text x=\"\(Drawing.c(box.x + 4))\" y=\"\(Drawing.c(box.maxY - 4))\" font-size=\"11\" font-weight=\"bold\">London</text>"
        // The frame round London on the main map.
        let fx = mainProjection.x(ground.minX)
        let fy = mainProjection.y(ground.maxY)
        s +=
            "<rect x=\"\(Drawing.c(fx))\" y=\"\(Drawing.c(fy))\" width=\"\(Drawing.c((ground.maxX - ground.minX) * mainProjection.scale))\" height=\"\(Drawing.c((ground.maxY - ground.minY) * mainProjection.scale))\" fill=\"none\" stroke=\"#0B0C0C\" stroke-dasharray=\"2 2\"/>"
        return (s + "</g>", box, count)
    }

    /// The places of system `k`, split ones too.
    public func places(of k: Int) -> [Int] {
        let code = view.systems[k].code
        return view.places.indices.filter { view.places[$0].shares.contains { $0.systemCode == code } }
    }

    /// A close-up of system `k`: its places coloured by status (shared places whole, so both sides
    /// show), its outline heavy, labels with each place's share in this system.
    public func system(_ k: Int, width: Double = 460, maxHeight: Double = 460) -> MapFigure {
        let system = view.systems[k]
        let members = places(of: k)
        var shapes = members
        if system.shape != nil { shapes.append(systemShape(k)) }
        let ground = bounds(shapes) ?? Bounds(minX: 0, minY: 0, maxX: 1, maxY: 1)
        let projection = PageProjection(fitting: ground, width: width, maxHeight: maxHeight, margin: 10)
        let height = projection.height + 22 + MapDecorations.attributionHeight(width: width)
        let arcs = topology.simplifiedArcs(tolerance: projection.metres(0.6), only: shapes)
        let id = "map-\(view.id)-\(Drawing.slug(system.code))"
        let shared = members.filter { view.places[$0].status == "split" }
        var svg = SVGDocument(
            id: id, width: width, height: height, title: "\(system.name): its places",
            description:
                "\(members.count) places overlap \(system.name); \(shared.count) of them are split with other systems"
                + (shared.isEmpty ? "." : " (" + shared.map { view.places[$0].name }.joined(separator: ", ") + ").")
                + " The table below the map gives the population on each side.")
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#FFFFFF\"/>")
        svg.append("<g class=\"places\" stroke=\"#FFFFFF\" stroke-width=\"0.5\" fill-rule=\"evenodd\">")
        var paths = 0
        for i in members.filter({ view.places[$0].status != "split" }) + shared {
            if let p = placePath(i, arcs, projection) {
                svg.append(p)
                paths += 1
            }
        }
        svg.append("</g>")
        if system.shape != nil { svg.append(outlines([k], arcs, projection, width: 2)) }
        let requests = members.compactMap { i -> LabelRequest? in
            let p = view.places[i]
            let share = p.shares.first { $0.systemCode == system.code }?.share ?? 0
            return labelRequest(i, projection, text: p.status == "split" ? "\(p.name) \(Drawing.percent(share))" : p.name)
        }.sorted { $0.radius > $1.radius }
        let (bar, barBox) = MapDecorations.scaleBar(
            projection, x: 8, y: height - MapDecorations.attributionHeight(width: width) - 4, target: 80)
        let frame = PageRect(x: 0, y: 0, width: width, height: height - MapDecorations.attributionHeight(width: width))
        let (placed, unplaced) = LabelPlacement.place(requests, fontSize: 10, frame: frame, obstacles: [barBox])
        svg.append("<g class=\"labels\" paint-order=\"stroke\" stroke=\"#FFFFFF\" stroke-width=\"3\" stroke-linejoin=\"round\">")
        for l in placed { svg.append(Drawing.label(l, fontSize: 10)) }
        svg.append("</g>" + bar + MapDecorations.attributionLine(width: width, y: height))
        return MapFigure(id: id, document: svg, placePaths: paths, unplacedLabels: unplaced.map(\.text))
    }
}
