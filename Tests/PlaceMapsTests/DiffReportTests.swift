import PlaceGeometry
import PlaceIO
import Testing

@testable import PlaceMaps

/// The report of a hand-made footprint change: three 1 km blocks in a row; A holds the first two and B
/// the third before; after, the middle block has moved to B, and both areas have new codes.
@Suite struct DiffReportTests {
    static func block(_ k: Int, _ old: String, _ new: String, change: String, population: Double) -> DiffView.Block {
        let x = Double(k) * 1000
        return DiffView.Block(
            code: "L\(k)", oldCode: old, newCode: new, change: change, population: population,
            shape: .polygon([[(x, 0), (x + 1000, 0), (x + 1000, 1000), (x, 1000), (x, 0)]]))
    }

    static func view() throws -> DiffView {
        let fates = [
            DiffView.Fate(
                oldCode: "A", oldName: "NHS Alpha Integrated Care Board", fate: "shrunk", newCodes: ["A2"],
                newNames: ["NHS Alpha Integrated Care Board"], oldPopulation: 300, newPopulation: 100, gained: 0, lost: 200),
            DiffView.Fate(
                oldCode: "B", oldName: "NHS Beta Integrated Care Board", fate: "grown", newCodes: ["B2"],
                newNames: ["NHS Beta Integrated Care Board"], oldPopulation: 400, newPopulation: 600, gained: 200, lost: 0),
        ]
        let moves = [
            DiffView.Move(
                oldCode: "A", oldName: "NHS Alpha Integrated Care Board", newCode: "A2", newName: "NHS Alpha Integrated Care Board",
                blocks: 1, population: 100, change: "recoded"),
            DiffView.Move(
                oldCode: "A", oldName: "NHS Alpha Integrated Care Board", newCode: "B2", newName: "NHS Beta Integrated Care Board",
                blocks: 1, population: 200, change: "moved"),
            DiffView.Move(
                oldCode: "B", oldName: "NHS Beta Integrated Care Board", newCode: "B2", newName: "NHS Beta Integrated Care Board",
                blocks: 1, population: 400, change: "recoded"),
        ]
        var view = DiffView(
            id: "t", oldGeography: "OLD", newGeography: "NEW", fates: fates, moves: moves, placeChanges: [],
            placesGeography: "PL", provenance: .object(JSONObject([("analysis", .string("diff"))])))
        try view.draw(
            [
                block(0, "A", "A2", change: "recoded", population: 100), block(1, "A", "B2", change: "moved", population: 200),
                block(2, "B", "B2", change: "recoded", population: 400),
            ], source: "test")
        return view
    }

    @Test func blocksAreDissolvedByOldAndNewArea() throws {
        let view = try Self.view()
        #expect(view.before.map(\.code) == ["A", "B"] && view.after.map(\.code) == ["A2", "B2"])
        #expect(view.before.map(\.shape.bounds?.maxX) == [2000, 3000])
        #expect(view.after.map(\.shape.bounds?.minX) == [0, 1000])
        #expect(view.before.map(\.population) == [300, 400] && view.after.map(\.blocks) == [1, 2])
        #expect(view.moved.map(\.code) == ["A→B2"] && view.moved.map(\.population) == [200])
    }

    @Test func beforeAndAfterMapsKeepEachAreasColour() throws {
        var content = ReportContent(title: "diff")
        content.diffs = [try Self.view()]
        let report = HTMLReport(content)
        #expect(report.figures.map(\.id) == ["map-diff-t-before", "map-diff-t-after"])
        let (before, after) = (report.figures[0].inline, report.figures[1].inline)
        for (svg, codes) in [(before, ["A", "B"]), (after, ["A2", "B2"])] {
            #expect(svg.components(separatedBy: "class=\"area\"").count - 1 == 2)
            for code in codes { #expect(svg.contains("class=\"area\" data-code=\"\(code)\"")) }
            #expect(svg.contains("class=\"moved-blocks\" data-code=\"A→B2\""))
            #expect(svg.contains(">Alpha ICB (\(codes[0]))</text>") && svg.contains(">Beta ICB (\(codes[1]))</text>"))
        }
        // Neighbours differ; each new area takes the colour of the old area it continues.
        let maps = try #require(DiffMaps(content.diffs[0]))
        #expect(maps.colourBefore[0] != maps.colourBefore[1])
        #expect(maps.colourAfter == maps.colourBefore)
        for pattern in ["http:", "https:", "//"] { #expect(!report.html.contains(pattern)) }
    }

    @Test func fatesAndMovesAreTabled() throws {
        var content = ReportContent(title: "diff")
        content.diffs = [try Self.view()]
        let html = HTMLReport(content).html
        #expect(
            html.contains(
                "<td>Alpha ICB (A)</td><td>shrunk</td><td>Alpha ICB (A2)</td><td class=\"n\">300</td><td class=\"n\">100</td><td class=\"n\">0</td><td class=\"n\">200</td>"
            ))
        #expect(html.contains("<td>Alpha ICB (A)</td><td>Beta ICB (B2)</td><td>moved</td><td class=\"n\">1</td><td class=\"n\">200</td>"))
        // Recodes are not moves of people.
        #expect(html.components(separatedBy: "<td>recoded</td>").count == 1)
        #expect(
            html.contains("<strong>200 people</strong> in 1 block moved to another area; 0 areas are unchanged, 2 changed (below).</p>"))
        #expect(html.contains("No place's status or systems changed."))
        #expect(html.contains("<dt>analysis</dt><dd>diff</dd>"))
    }

    /// A merger moves nobody to another area: the page says 0 moved, as the terminal does, and counts
    /// the people of the merged areas apart.
    @Test func aMergerIsNotPeopleMoving() throws {
        let fates = ["A", "B"].map { code in
            DiffView.Fate(
                oldCode: code, oldName: code, fate: "merged into", newCodes: ["AB"], newNames: ["AB"], oldPopulation: 300,
                newPopulation: 600, gained: 0, lost: 0)
        }
        let moves = ["A", "B"].map { code in
            DiffView.Move(oldCode: code, oldName: code, newCode: "AB", newName: "AB", blocks: 2, population: 300, change: "merged")
        }
        var content = ReportContent(title: "merger")
        content.diffs = [
            DiffView(
                id: "m", oldGeography: "OLD", newGeography: "NEW", fates: fates, moves: moves, placeChanges: [], placesGeography: "PL",
                provenance: .object(JSONObject([("analysis", .string("diff"))])))
        ]
        let html = HTMLReport(content).html
        #expect(
            html.contains("<strong>0 people</strong> in 0 blocks moved to another area; 600 people live in areas merged or split whole;"))
    }
}

/// Age profiles: a row per band, a column per side, each cell the people and their share of the side.
@Suite struct AgeProfileTests {
    @Test func bandNames() {
        #expect(AgeProfile.band("population_aged_65_and_over") == "65 and over")
        #expect(AgeProfile.band("population_aged_16_to_24") == "16 to 24")
        #expect(AgeProfile.band("households") == "households")
    }

    @Test func splitPairProfileGivesSharesOfEachSide() {
        var view = HTMLReportTests.view
        view.countColumns = ["population_aged_under_50", "population_aged_50_and_over"]
        view.places[2].shares[0].counts = [150, 75]
        view.places[2].shares[1].counts = [15, 60]
        var content = ReportContent(title: "ages")
        content.coterminosity = [view]
        let html = HTMLReport(content).html
        #expect(html.components(separatedBy: "class=\"age-profile\"").count - 1 == 1)
        // East: 150 of 225 people (66.7%) under 50; West: 60 of 75 (80.0%) 50 and over.
        #expect(html.contains("data-side=\"P3|S2\" data-band=\"population_aged_under_50\">150 <span class=\"share\">66.7%</span>"))
        #expect(html.contains("data-side=\"P3|S1\" data-band=\"population_aged_50_and_over\">60 <span class=\"share\">80.0%</span>"))
        // Bars against the largest share in the table (80 %).
        #expect(html.contains("60 <span class=\"share\">80.0%</span><span class=\"bar\" style=\"width:100%\">"))
        #expect(html.contains("<caption>Gamma &amp; Co (P3)</caption>"))
    }

    @Test func noCountsNoProfile() {
        #expect(!HTMLReportTests.report().html.contains("class=\"age-profile\""))
    }
}
