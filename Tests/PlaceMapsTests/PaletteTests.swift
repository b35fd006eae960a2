import PlaceMaps
import Testing

@Suite struct PaletteTests {
    @Test func everyStatusHasItsOwnColourAlsoInGreyscale() {
        #expect(Palette.statuses == ["coterminous", "split", "undecidable", "partly outside", "outside"])
        #expect(Set(Palette.statuses.map(Palette.status)).count == 5)
        // Every pair differs in luminance (what a greyscale print keeps) by at least 1.4:1.
        for a in Palette.statuses {
            for b in Palette.statuses where a < b {
                #expect(Palette.contrast(Palette.status(a), Palette.status(b)) >= 1.4, "\(a) against \(b)")
            }
            // Visible on the white page.
            #expect(Palette.contrast(Palette.status(a), "#FFFFFF") >= 1.4, "\(a) on white")
        }
        // WCAG 1.4.11: 3:1 between the two statuses that neighbour each other most.
        #expect(Palette.contrast(Palette.status("coterminous"), Palette.status("split")) >= 3)
        #expect(Palette.statusClass("partly outside") == "partly-outside")
    }

    @Test func contrastMatchesWCAGExamples() {
        #expect(abs(Palette.contrast("#000000", "#FFFFFF") - 21) < 1e-9)
        #expect(Palette.contrast("#777777", "#777777") == 1)
    }

    @Test func sequentialPaletteDarkensStepByStep() {
        let steps = Palette.sequential(5)
        #expect(steps.count == 5)
        #expect(steps.last == "#12436D")
        let l = steps.map(Palette.luminance)
        for k in 1..<l.count { #expect(l[k] < l[k - 1]) }
        #expect(Palette.contrast(steps[0], steps[4]) >= 7)
    }

    @Test func qgisStyleUsesTheReportColours() {
        let qml = QGISStyle.placesByStatus()
        #expect(qml.contains("<renderer-v2 type=\"categorizedSymbol\" attr=\"status\""))
        for s in Palette.statuses { #expect(qml.contains("<category value=\"\(s)\"")) }
        // #801650 (split) as QGIS writes colours.
        #expect(qml.contains("value=\"128,22,80,255\""))
        #expect(qml.contains("value=\"40,161,151,255\""))
        // Undecidable (#F6965A) and partly outside (#DCD0F0) have categories of their own.
        #expect(qml.contains("value=\"246,150,90,255\"") && qml.contains("value=\"220,208,240,255\""))
        #expect(qml.components(separatedBy: "<category ").count - 1 == 5)
    }
}
