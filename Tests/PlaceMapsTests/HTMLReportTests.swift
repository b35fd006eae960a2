import PlaceGeometry
import PlaceIO
import PlaceMaps
import Testing

/// The report of hand-made places and systems: two systems of two squares each, the third square split.
@Suite struct HTMLReportTests {
    static func square(_ x: Double, _ y: Double) -> Shape {
        .polygon([[(x, y), (x + 1000, y), (x + 1000, y + 1000), (x, y + 1000), (x, y)]])
    }

    static var view: CoterminosityView {
        let places = [
            MapPlace(
                code: "P1", name: "Alpha", status: "coterminous", shape: square(0, 0), population: 100,
                shares: [PlaceShare(systemCode: "S1", systemName: "West", share: 1, population: 100)]),
            MapPlace(
                code: "P2", name: "Beta", status: "coterminous", shape: square(0, 1000), population: 200,
                shares: [PlaceShare(systemCode: "S1", systemName: "West", share: 1, population: 200)]),
            MapPlace(
                code: "P3", name: "Gamma & Co", status: "split", shape: square(1000, 0), population: 300,
                shares: [
                    PlaceShare(systemCode: "S2", systemName: "East", share: 0.75, population: 225),
                    PlaceShare(systemCode: "S1", systemName: "West", share: 0.25, population: 75),
                ]),
            MapPlace(
                code: "P4", name: "Delta", status: "coterminous", shape: square(1000, 1000), population: 400,
                shares: [PlaceShare(systemCode: "S2", systemName: "East", share: 1, population: 400)]),
        ]
        let systems = [
            MapSystem(
                code: "S1", name: "West",
                shape: .polygon([[(0, 0), (1250, 0), (1250, 1000), (1000, 1000), (1000, 2000), (0, 2000), (0, 0)]]), population: 375),
            MapSystem(
                code: "S2", name: "East",
                shape: .polygon([[(1250, 0), (2000, 0), (2000, 2000), (1000, 2000), (1000, 1000), (1250, 1000), (1250, 0)]]),
                population: 625),
        ]
        return CoterminosityView(
            id: "test", placesGeography: "PL", systemsGeography: "SY", places: places, systems: systems, weighted: true,
            provenance: .object(JSONObject([("analysis", .string("coterminosity")), ("tolerance", .number(0))])))
    }

    static func report() -> HTMLReport {
        var content = ReportContent(title: "Test <report>")
        content.coterminosity = [view]
        return HTMLReport(content)
    }

    @Test func oneSVGPerMapWithItsPlaces() {
        let r = Self.report()
        #expect(r.figures.map(\.id) == ["map-test", "map-test-s1", "map-test-s2"])
        #expect(r.figures.map(\.placePaths) == [4, 3, 2])
        for f in r.figures {
            #expect(r.html.contains(f.inline))
            #expect(f.inline.components(separatedBy: "class=\"place ").count - 1 == f.placePaths)
            #expect(f.inline.contains("role=\"img\"") && f.inline.contains("<title id=\"\(f.id)-title\">"))
            #expect(f.inline.contains(MapDecorations.attribution.replacingOccurrences(of: "©", with: "©").prefix(40)))
            #expect(f.standalone.hasPrefix("<?xml") && f.standalone.contains("xmlns=\"http://www.w3.org/2000/svg\""))
        }
    }

    @Test func splitPlaceIsOutlinedLabelledAndTabled() {
        let r = Self.report()
        let overview = r.figures[0].inline
        #expect(overview.contains("class=\"place split\" data-code=\"P3\" stroke=\"#0B0C0C\" stroke-width=\"1.4\""))
        #expect(overview.contains(">Gamma &amp; Co</text>"))
        #expect(r.html.contains("<td class=\"n\">75.0%</td><td class=\"n\">225</td>"))
        #expect(r.html.contains("<title>Test &lt;report&gt;</title>"))
    }

    @Test func noExternalURL() {
        let html = Self.report().html
        for pattern in ["http:", "https:", "//", "src=", "@import", "url(h"] { #expect(!html.contains(pattern), "\(pattern)") }
    }

    @Test func provenanceIsListed() {
        let html = Self.report().html
        #expect(html.contains("<dt>analysis</dt><dd>coterminosity</dd>"))
    }
}
