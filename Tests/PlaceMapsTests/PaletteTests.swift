import PlaceMaps
import Testing

@Suite struct PaletteTests {
    @Test func statusColoursStandOutFromThePageAndFromEachOther() {
        for s in Palette.statuses { #expect(Palette.contrast(Palette.status(s), "#FFFFFF") >= 3, "\(s) on white") }
        // WCAG 1.4.11: 3:1 between neighbours that carry meaning. Split places also get a heavy outline
        // and a label, so split against outside is told apart by more than colour.
        #expect(Palette.contrast(Palette.status("coterminous"), Palette.status("split")) >= 3)
        #expect(Palette.contrast(Palette.status("coterminous"), Palette.status("outside")) >= 3)
        #expect(Set(Palette.statuses.map(Palette.status)).count == 3)
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
    }
}
