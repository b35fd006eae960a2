/// Profiles of count attributes (people by age band, or any other counts the analysis carried): a
/// table with a row per count and a column per side, each cell the people and their share of the
/// side's population, with a bar of that share.
enum AgeProfile {
    /// One column of a profile: a side of a split (a system), or a catchment method.
    struct Side {
        var label: String
        /// Identifies the side in the page (`data-side`), e.g. "E06000060|E54000044".
        var key: String
        var population: Double?
        var counts: [Double]
    }

    /// "population_aged_65_and_over" → "65 and over"; other names with spaces for underscores.
    static func band(_ column: String) -> String {
        var name = Substring(column)
        for prefix in ["population_aged_", "population_", "usual_residents_aged_", "aged_"] where name.hasPrefix(prefix) {
            name = name.dropFirst(prefix.count)
            break
        }
        return name.replacingOccurrences(of: "_", with: " ")
    }

    static func table(caption: String, columns: [String], sides: [Side]) -> String {
        guard !columns.isEmpty, !sides.isEmpty else { return "" }
        var s = "<table class=\"age-profile\"><caption>\(XML.escape(caption))</caption><thead><tr><th>band</th>"
        for side in sides { s += "<th class=\"n\">\(XML.escape(side.label))</th>" }
        s += "</tr></thead><tbody>"
        let value = { (side: Side, j: Int) -> Double in j < side.counts.count ? side.counts[j] : 0 }
        let share = { (side: Side, j: Int) -> Double in
            let whole = side.population.flatMap { $0 > 0 ? $0 : nil } ?? side.counts.reduce(0, +)
            return whole > 0 ? value(side, j) / whole : 0
        }
        // Bars are drawn against the largest share in the table, so that they can be compared across sides.
        let largest = sides.flatMap { side in columns.indices.map { share(side, $0) } }.max() ?? 0
        for (j, column) in columns.enumerated() {
            s += "<tr><td>\(XML.escape(band(column)))</td>"
            for side in sides {
                let fraction = share(side, j)
                let bar = largest > 0 ? fraction / largest * 100 : 0
                s += "<td class=\"n\" data-side=\"\(XML.escape(side.key))\" data-band=\"\(XML.escape(column))\">"
                s += "\(Drawing.people(value(side, j))) <span class=\"share\">\(Drawing.percent(fraction))</span>"
                s += "<span class=\"bar\" style=\"width:\(PathEncoding.coordinate(bar.rounded()))%\"></span></td>"
            }
            s += "</tr>"
        }
        s += "<tr class=\"total\"><td>all people</td>"
        for side in sides { s += HTMLReport.cell(Drawing.people(side.population ?? side.counts.reduce(0, +)), number: true) }
        return s + "</tr></tbody></table>"
    }

    /// The profile of each side of each split place; empty without count attributes.
    static func splitPairs(_ view: CoterminosityView) -> String {
        guard !view.countColumns.isEmpty else { return "" }
        let split = view.places.filter { $0.status == "split" && $0.shares.contains { !$0.counts.isEmpty } }
        guard !split.isEmpty else { return "" }
        var s = "<h3>Who lives on each side: profile of each split place</h3>"
        s += "<p class=\"note\">People on each side of each split, by \(view.countColumns.map(band).joined(separator: ", ")); "
        s += "the share is of the people on that side (pairs.csv).</p><div class=\"profiles\">"
        for p in split {
            let sides = p.shares.map {
                Side(label: $0.systemName, key: p.code + "|" + $0.systemCode, population: $0.population, counts: $0.counts)
            }
            s += table(caption: "\(p.name) (\(p.code))", columns: view.countColumns, sides: sides)
        }
        return s + "</div>"
    }

    /// A trust's profile by both methods; empty without count attributes.
    static func trust(_ view: CatchmentView, _ trust: CatchmentView.Trust) -> String {
        guard !view.countColumns.isEmpty, !trust.countsProportional.isEmpty || !trust.countsFirstPastThePost.isEmpty else { return "" }
        return table(
            caption: "Who lives in its catchment",
            columns: view.countColumns,
            sides: [
                Side(
                    label: "proportional flow", key: trust.code + "|proportional", population: trust.populationProportional,
                    counts: trust.countsProportional),
                Side(
                    label: "first past the post", key: trust.code + "|first_past_the_post",
                    population: trust.populationFirstPastThePost, counts: trust.countsFirstPastThePost),
            ])
    }
}
