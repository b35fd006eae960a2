import PlaceGeometry
import PlaceIO
import PlaceMaps
import Testing

/// The catchment and contiguity sections on hand-made shapes.
@Suite struct CatchmentAndContiguityMapTests {
    static func square(_ x: Double, _ y: Double, _ side: Double = 1000) -> Shape {
        .polygon([[(x, y), (x + side, y), (x + side, y + side), (x, y + side), (x, y)]])
    }

    @Test func aMapPerTrustWithItsSharesInClassesAndItsFirstPastThePostOutline() {
        let blocks = ["M1": Self.square(0, 0), "M2": Self.square(1000, 0), "M3": Self.square(2000, 0), "M4": Self.square(3000, 0)]
        let trust = CatchmentView.Trust(
            code: "RXF", name: "Mid Test", populationProportional: 1500, populationFirstPastThePost: 2000,
            firstPastThePost: Self.square(0, 0, 2000),
            // M4 sends under 5 % of its patients: left off the map.
            shares: ["M1": 0.9, "M2": 0.5, "M3": 0.1, "M4": 0.01],
            places: [
                (code: "P1", name: "Alpha", population: 1200, shareOfTrust: 0.8),
                (code: "P2", name: "Beta", population: 300, shareOfTrust: 0.2),
            ])
        let nowhere = CatchmentView.Trust(
            code: "RZZ", name: "No Shapes", populationProportional: 0, populationFirstPastThePost: 0, firstPastThePost: nil, shares: [:],
            places: [])
        var content = ReportContent(title: "Catchments")
        content.catchments = CatchmentView(trusts: [trust, nowhere], blocks: blocks, blocksGeography: "MSOA11", provenance: .null)
        let report = HTMLReport(content)
        #expect(report.figures.map(\.id) == ["map-trust-rxf"])
        let svg = report.figures[0].inline
        #expect(report.figures[0].placePaths == 3)
        let palette = Palette.sequential(5)
        #expect(svg.contains("fill=\"\(palette[4])\"><title>M1: 90.0%</title>"))
        #expect(svg.contains("fill=\"\(palette[2])\"><title>M2: 50.0%</title>"))
        #expect(svg.contains("fill=\"\(palette[0])\"><title>M3: 10.0%</title>"))
        #expect(!svg.contains("M4"))
        #expect(svg.components(separatedBy: "class=\"fptp\"").count == 2)
        #expect(report.html.contains("<td>Alpha (P1)</td><td class=\"n\">1,200</td><td class=\"n\">80.0%</td>"))
        #expect(report.html.contains("No Shapes (RZZ)"))
    }

    @Test func exclavesAreDrawnAndRingedOverTheSystems() {
        let systems = [
            MapSystem(code: "G1", name: "Mainland", shape: Self.square(0, 0, 10_000), population: nil),
            MapSystem(code: "G2", name: "Other", shape: Self.square(10_000, 0, 10_000), population: nil),
        ]
        let view = ContiguityView(
            id: "t", layerGeography: "LSOA21",
            groups: [
                ContiguityView.Group(code: "G1", name: "Mainland", members: 10, pieces: 2, exclaves: ["E1", "E2"]),
                ContiguityView.Group(code: "G2", name: "Other", members: 5, pieces: 1, exclaves: []),
            ],
            exclaveShapes: ["E1": Self.square(0, 12_000, 500), "E2": Self.square(600, 12_000, 500)], exclaveNames: ["E1": "Isle 1"],
            background: systems, provenance: .null)
        var content = ReportContent(title: "Contiguity")
        content.contiguity = [view]
        let report = HTMLReport(content)
        #expect(report.figures.count == 1)
        let svg = report.figures[0].inline
        #expect(svg.components(separatedBy: "class=\"exclave\"").count - 1 == 2)
        #expect(svg.contains("<circle "))
        // The label counts pieces and members apart (a piece of two LSOAs is not two exclaves).
        #expect(svg.contains("Mainland (1 piece apart from the largest (2 LSOA21s))") && !svg.contains("2 exclaves"))
        #expect(report.html.contains("<td>Isle 1 (E1), E2</td>"))
        #expect(report.html.contains("1 of 2 groups are one connected piece"))
    }
}
