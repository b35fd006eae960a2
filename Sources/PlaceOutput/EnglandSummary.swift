import PlaceAnalysis

/// The lines the main job prints, beside each comparison's own summary.
extension EnglandJob {
    /// The title line, with the residents counted (and a blank line after it).
    public var header: String {
        "Placemap: England's councils and integrated care boards (census 2021 usual residents: \(Int(population.total)))\n"
    }

    /// The ICBs whose LSOAs do not form one connected piece, with their exclaves.
    public var piecesSummary: String {
        var names: [String: String] = [:]
        for g in grouping.groups { if let g { names[g.code] = g.name } }
        let split = contiguity.groups.filter { !$0.connected }
        var lines = [
            "ICBs (ICB24, from their LSOA 2021 areas) in one connected piece: \(contiguity.groups.count - split.count) of \(contiguity.groups.count)"
        ]
        for g in split {
            let exclaves = g.exclaves.prefix(3).map { blocks.names[$0] }.joined(separator: ", ") + (g.exclaves.count > 3 ? ", …" : "")
            lines.append(
                "  \(Coterminosity.short(names[g.group] ?? g.group)) (\(g.group)): \(g.pieces.count) pieces; "
                    + "\(g.exclaves.count) LSOA\(g.exclaves.count == 1 ? "" : "s") outside the largest (\(exclaves))")
        }
        return lines.joined(separator: "\n")
    }

    /// Residents aged 65 and over on each side of each split, and the share of each ICB's people in
    /// whole places by age band.
    public var ageProfile: String {
        var lines: [String] = []
        for r in comparisons.map(\.result) {
            guard let sides = r.countOnEachSide("population_aged_65_and_over"), let shares = r.wholePlaceSharesByCount() else { continue }
            let (p, s) = (r.placesLayer.fields.prefix, r.systemsLayer.fields.prefix)
            lines.append("\nResidents aged 65 and over on each side of each split (\(p) against \(s)):")
            lines += sides
            lines.append(
                "Share of each ICB's people living in places (\(p)) wholly inside it, aged 0-15, 16-24, 25-34, 35-49, 50-64, 65+ "
                    + "(the other \(r.systems.count - shares.count) ICBs: 100% in every band):")
            lines += shares
        }
        return lines.joined(separator: "\n")
    }
}
