import PlaceAnalysis

/// The report section of a footprint comparison: the before/after maps, each area's fate, the
/// biggest moves of people, and the places whose coterminosity changed.
enum DiffSection {
    /// Rows shown of the moves table (the rest are in moves.csv).
    static let movesShown = 20

    static func section(_ view: DiffView) -> (String, [MapFigure]) {
        let cell = { (s: String, n: Bool) in HTMLReport.cell(s, number: n) }
        let (old, new) = (XML.escape(view.oldGeography), XML.escape(view.newGeography))
        let moves = view.biggestMoves
        // As the terminal counts them: people in blocks that moved to another area; the people of areas
        // merged or split whole are said apart (their blocks stay with the same neighbours).
        let moved = moves.filter { $0.change == "moved" }
        let regrouped = moves.filter { $0.change == "merged" || $0.change == "split" }
        let changed = view.fates.filter { $0.fate != "unchanged" }
        var s = "<section id=\"diff-\(view.id)\"><h2>What changed: \(old) → \(new)</h2>"
        s += "<p>\(view.fates.filter { !$0.oldCode.isEmpty }.count) \(old) areas against \(view.newNames.count) \(new) areas, "
        s += "matched by the people they have in common, never by code. "
        s +=
            "<strong>\(Drawing.people(moved.reduce(0) { $0 + $1.population })) people</strong> in "
            + "\(DiffMaps.blocks(moved.reduce(0) { $0 + $1.blocks })) moved to another area; "
        if !regrouped.isEmpty {
            s += "\(Drawing.people(regrouped.reduce(0) { $0 + $1.population })) people live in areas merged or split whole; "
        }
        s += "\(view.fates.count - changed.count) areas are unchanged"
        s += changed.isEmpty ? ".</p>" : ", \(changed.count) changed (below).</p>"
        var figures: [MapFigure] = []
        if let maps = DiffMaps(view) {
            figures = [maps.figure(after: false), maps.figure(after: true)]
            s += "<div class=\"figure\">"
            for (k, f) in figures.enumerated() {
                s += "<figure>\(f.inline)<figcaption>\(k == 0 ? "Before" : "After"): the changed blocks by \(k == 0 ? old : new) area"
                s += f.unplacedLabels.isEmpty ? "." : "; labels with no room: \(XML.escape(f.unplacedLabels.joined(separator: ", ")))."
                s += "</figcaption></figure>"
            }
            s += "</div>"
        }
        s += "<table class=\"fates\"><caption>Areas that changed (areas.csv)</caption><thead><tr><th>\(old) area</th><th>fate</th>"
        s += "<th>\(new) area</th><th class=\"n\">people before</th><th class=\"n\">people after</th>"
        s += "<th class=\"n\">gained</th><th class=\"n\">lost</th></tr></thead><tbody>"
        for f in changed {
            let newAreas = zip(f.newCodes, f.newNames).map { "\(Coterminosity.short($1)) (\($0))" }.joined(separator: "; ")
            s += "<tr data-code=\"\(XML.escape(f.oldCode.isEmpty ? f.newCodes.first ?? "" : f.oldCode))\">"
            s += cell(f.oldCode.isEmpty ? "–" : "\(Coterminosity.short(f.oldName)) (\(f.oldCode))", false) + cell(f.fate, false)
            s += cell(newAreas.isEmpty ? "–" : newAreas, false) + cell(Drawing.people(f.oldPopulation), true)
            s += cell(Drawing.people(f.newPopulation), true) + cell(Drawing.people(f.gained), true) + cell(Drawing.people(f.lost), true)
            s += "</tr>"
        }
        s += "</tbody></table>"
        if !moves.isEmpty {
            s += "<table class=\"moves\"><caption>The biggest moves of people"
            s += moves.count > movesShown ? " (the first \(movesShown) of \(moves.count); all in moves.csv)" : " (moves.csv)"
            s += "</caption><thead><tr><th>from (\(old))</th><th>to (\(new))</th><th>change</th><th class=\"n\">blocks</th>"
            s += "<th class=\"n\">people</th></tr></thead><tbody>"
            for m in moves.prefix(movesShown) {
                s += "<tr>" + cell(m.oldCode.isEmpty ? "no area" : "\(Coterminosity.short(m.oldName)) (\(m.oldCode))", false)
                s += cell(m.newCode.isEmpty ? "no area" : "\(Coterminosity.short(m.newName)) (\(m.newCode))", false) + cell(m.change, false)
                s += cell(String(m.blocks), true) + cell(Drawing.people(m.population), true) + "</tr>"
            }
            s += "</tbody></table>"
        }
        if let places = view.placeChanges { s += placesTable(view, places) }
        return (s + "</section>", figures)
    }

    static func placesTable(_ view: DiffView, _ places: [DiffView.PlaceChange]) -> String {
        let geography = XML.escape(view.placesGeography ?? "places")
        var s = "<h3>Coterminosity of the places (\(geography)), before and after</h3><p>"
        s +=
            places.isEmpty
            ? "No place's status or systems changed."
            : "\(places.count) place\(places.count == 1 ? "" : "s") whose status or systems changed."
        if let w = view.wholeSystems {
            s += " Systems made of whole places: \(w.before) of \(w.of) before, \(w.after) of \(w.ofAfter) after."
        }
        s += "</p>"
        guard !places.isEmpty else { return s }
        let side = { (list: [(code: String, population: Double)], names: [String: String]) in
            list.map { "\(DiffMaps.name($0.code, names)) \(Drawing.people($0.population))" }.joined(separator: "; ")
        }
        s += "<table class=\"place-changes\"><thead><tr><th>place</th><th class=\"n\">people</th><th>before</th><th>systems before</th>"
        s += "<th>after</th><th>systems after</th><th>change</th></tr></thead><tbody>"
        let (oldNames, newNames) = (view.oldNames, view.newNames)
        for p in places {
            s += "<tr data-code=\"\(XML.escape(p.code))\">" + HTMLReport.cell("\(p.name) (\(p.code))")
            s += HTMLReport.cell(Drawing.people(p.population), number: true)
            s += "<td>\(HTMLReport.swatch(p.statusBefore))\(XML.escape(p.statusBefore))</td>" + HTMLReport.cell(side(p.before, oldNames))
            s += "<td>\(HTMLReport.swatch(p.statusAfter))\(XML.escape(p.statusAfter))</td>" + HTMLReport.cell(side(p.after, newNames))
            s += HTMLReport.cell(p.change) + "</tr>"
        }
        return s + "</tbody></table>"
    }
}
