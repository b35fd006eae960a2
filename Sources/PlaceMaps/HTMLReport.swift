import PlaceIO

/// The self-contained HTML report: every map inline as SVG, CSS inline, a small inline script for
/// hover and filtering only, and no external URL of any kind.
public struct HTMLReport: Sendable {
    public var html: String
    /// Every map in the report, for writing as SVG files of their own.
    public var figures: [MapFigure]

    public var bytes: [UInt8] { Array(html.utf8) }

    public init(_ content: ReportContent) {
        var figures: [MapFigure] = []
        var sections = ""
        var contents: [(String, String)] = []
        for view in content.coterminosity {
            let (s, f) = Self.coterminosity(view)
            sections += s
            figures += f
            contents.append(("cot-\(view.id)", "\(view.placesGeography) places and \(view.systemsGeography) systems"))
        }
        for view in content.contiguity {
            let (s, f) = ContiguityMap.section(view)
            sections += s
            figures += f
            contents.append(("contiguity-\(view.id)", "Contiguity: \(view.layerGeography) groups in one piece?"))
        }
        for view in content.diffs {
            let (s, f) = DiffSection.section(view)
            sections += s
            figures += f
            contents.append(("diff-\(view.id)", "What changed: \(view.oldGeography) → \(view.newGeography)"))
        }
        if let catchments = content.catchments {
            let (s, f) = CatchmentMaps.section(catchments)
            sections += s
            figures += f
            contents.append(("catchments", "Acute trust catchments"))
        }
        sections += Self.provenance(content)
        contents.append(("provenance", "Provenance: inputs, vintages, methods, tolerances"))
        var h = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        h += "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
        h += "<title>\(XML.escape(content.title))</title><style>\(ReportStyle.css)</style></head><body>"
        h += "<header><h1>\(XML.escape(content.title))</h1>"
        h +=
            "<p class=\"note\">Made by placemap. Maps are drawn in British National Grid (EPSG:27700); figures are in the tables beside each map. "
        h += "Colours are the UK Government Analysis Function's colour-blind-safe palette; split places are also outlined and labelled.</p>"
        h +=
            "<nav aria-label=\"Contents\"><ul>" + contents.map { "<li><a href=\"#\($0.0)\">\(XML.escape($0.1))</a></li>" }.joined()
            + "</ul></nav></header>"
        h += "<main>" + sections + "</main>"
        h += "<footer><p class=\"note\">\(XML.escape(MapDecorations.attribution))</p></footer>"
        h += "<script>\(ReportStyle.script)</script></body></html>\n"
        self.html = h
        self.figures = figures
    }

    static func cell(_ s: String, number: Bool = false) -> String { "<td\(number ? " class=\"n\"" : "")>\(XML.escape(s))</td>" }
    static func swatch(_ status: String) -> String {
        "<span class=\"swatch \(Palette.statusClass(status))\" style=\"background:\(Palette.status(status))\"></span>"
    }

    /// The count of every status the places have (coterminous and split always).
    static func headline(_ view: CoterminosityView) -> String {
        Palette.statuses.filter { ["coterminous", "split"].contains($0) || view.count($0) > 0 }.map { status in
            let text = "\(view.count(status)) \(status == "outside" ? "outside every system" : status)"
            return ["coterminous", "split"].contains(status) ? "<strong>\(text)</strong>" : text
        }.joined(separator: ", ")
    }

    /// The run's warnings, as the terminal gave them; empty when there were none.
    static func warnings(_ lines: [String]) -> String {
        guard !lines.isEmpty else { return "" }
        return "<div class=\"warnings\" role=\"note\"><p><strong>Warnings and notes of this run</strong></p><ul>"
            + lines.map { "<li>\(XML.escape($0))</li>" }.joined() + "</ul></div>"
    }

    static func coterminosity(_ view: CoterminosityView) -> (String, [MapFigure]) {
        let maps = CoterminosityMaps(view)
        let overview = maps.overview()
        var figures = [overview]
        let by = view.weighted ? "population" : "area"
        var s =
            "<section id=\"cot-\(view.id)\"><h2>\(XML.escape(view.placesGeography)) places against \(XML.escape(view.systemsGeography)) systems</h2>"
        s += "<p>\(view.places.count) places against \(view.systems.count) systems, shares by \(by): " + headline(view) + ".</p>"
        s += warnings(view.warnings)
        s +=
            "<div class=\"figure\"><figure>\(overview.inline)<figcaption>Places coloured by status, \(XML.escape(view.systemsGeography)) boundaries drawn over them"
        s +=
            overview.unplacedLabels.isEmpty
            ? "." : "; labels with no room on the map: \(XML.escape(overview.unplacedLabels.joined(separator: ", ")))."
        s += "</figcaption></figure>"
        s += "<div><table><caption>Places by status</caption><thead><tr><th>status</th><th class=\"n\">places</th></tr></thead><tbody>"
        for status in Palette.statuses {
            s += "<tr><td>\(swatch(status))\(status)</td>\(cell(String(view.count(status)), number: true))</tr>"
        }
        s += "</tbody></table>"
        s +=
            "<table class=\"split-places\"><caption>Split places, \(by) on each side</caption><thead><tr><th>place</th><th>system</th><th class=\"n\">share</th>"
        s += view.weighted ? "<th class=\"n\">people</th>" : ""
        s += "</tr></thead><tbody>"
        for p in view.places where p.status == "split" {
            for (k, share) in p.shares.enumerated() {
                s += "<tr data-code=\"\(XML.escape(p.code))\">"
                s += k == 0 ? "<td rowspan=\"\(p.shares.count)\">\(XML.escape(p.name)) (\(XML.escape(p.code)))</td>" : ""
                s += cell(share.systemName) + cell(Drawing.percent(share.share), number: true)
                s += view.weighted ? cell(Drawing.people(share.population), number: true) : ""
                s += "</tr>"
            }
        }
        s += "</tbody></table></div></div>"
        s += AgeProfile.splitPairs(view)
        if view.systemSections, view.systems.contains(where: { $0.shape != nil }) || !view.systems.isEmpty {
            s +=
                "<h3>Each system</h3><p id=\"system-filter\" hidden><label>Show systems whose name contains <input type=\"search\"></label></p>"
            for k in view.systems.indices {
                let members = maps.places(of: k)
                guard !members.isEmpty else { continue }
                let figure = maps.system(k)
                figures.append(figure)
                s += systemSection(view, k, members: members, figure: figure)
            }
        }
        return (s + "</section>", figures)
    }

    static func systemSection(_ view: CoterminosityView, _ k: Int, members: [Int], figure: MapFigure) -> String {
        let system = view.systems[k]
        var s = "<section class=\"system\" id=\"\(figure.id.dropFirst(4))\" data-name=\"\(XML.escape(system.name.lowercased()))\">"
        s += "<h4>\(XML.escape(system.name)) (\(XML.escape(system.code)))</h4>"
        let whole = members.filter { view.places[$0].status == "coterminous" }.count
        s += "<p>\(members.count) places, \(whole) wholly inside"
        if let population = system.population { s += "; \(Drawing.people(population)) people" }
        s += ".</p><div class=\"figure\"><figure>\(figure.inline)</figure>"
        s += "<table><thead><tr><th>place</th><th>status</th><th class=\"n\">share here</th>"
        s += view.weighted ? "<th class=\"n\">people here</th><th class=\"n\">people elsewhere</th>" : ""
        s += "<th>other systems</th></tr></thead><tbody>"
        for i in members {
            let p = view.places[i]
            let here = p.shares.first { $0.systemCode == system.code }
            let others = p.shares.filter { $0.systemCode != system.code }
            s += "<tr data-code=\"\(XML.escape(p.code))\">" + cell("\(p.name) (\(p.code))")
            s += "<td>\(swatch(p.status))\(p.status)</td>" + cell(here.map { Drawing.percent($0.share) } ?? "", number: true)
            if view.weighted {
                s += cell(Drawing.people(here?.population), number: true)
                s += cell(others.isEmpty ? "0" : Drawing.people(others.reduce(0) { $0 + ($1.population ?? 0) }), number: true)
            }
            s += cell(others.map { "\($0.systemName) \(Drawing.percent($0.share))" }.joined(separator: "; "))
            s += "</tr>"
        }
        return s + "</tbody></table></div></section>"
    }

    static func provenance(_ content: ReportContent) -> String {
        var s =
            "<section id=\"provenance\"><h2>Provenance</h2><p>What produced each figure: inputs and their vintages, CRS, method and tolerances, as the JSON sidecars of each analysis say.</p>"
        var items: [(String, JSONValue)] = content.coterminosity.map {
            ("\($0.placesGeography) × \($0.systemsGeography) coterminosity", $0.provenance)
        }
        items += content.contiguity.map { ("\($0.layerGeography) contiguity", $0.provenance) }
        if let c = content.catchments { items.append(("Acute trust catchments", c.provenance)) }
        items += content.diffs.map { ("\($0.oldGeography) → \($0.newGeography) footprint comparison", $0.provenance) }
        for (title, value) in items {
            s += "<h3>\(XML.escape(title))</h3>" + definitionList(value)
        }
        return s + "</section>"
    }

    /// A JSON value as nested definition lists (arrays of plain values inline, at most 20 shown).
    static func definitionList(_ value: JSONValue) -> String {
        switch value {
        case .object(let o):
            var s = "<dl>"
            for (k, v) in o.members {
                let shown: String
                if ["file", "table", "source", "lookup"].contains(k) || k.hasSuffix("_file"), let path = v.text, path.contains("/"),
                    !path.hasPrefix("PG:")
                {
                    // File names only: where the inputs lay on the machine that ran it is nobody's business.
                    shown = XML.escape(path.split(separator: "/").last.map(String.init) ?? path)
                } else {
                    shown = definitionList(v)
                }
                s += "<dt>\(XML.escape(k.replacingOccurrences(of: "_", with: " ")))</dt><dd>\(shown)</dd>"
            }
            return s + "</dl>"
        case .array(let items):
            if items.isEmpty { return "none" }
            if items.allSatisfy({ if case .object = $0 { return false } else { return true } }) {
                let shown = items.prefix(20).map { XML.escape($0.text ?? "") }.joined(separator: ", ")
                return shown + (items.count > 20 ? ", … (\(items.count) in all)" : "")
            }
            return items.prefix(20).map(definitionList).joined() + (items.count > 20 ? "… (\(items.count) in all)" : "")
        default:
            return XML.escape(value.text ?? "null")
        }
    }
}
