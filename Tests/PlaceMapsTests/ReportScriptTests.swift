import Testing

@testable import PlaceMaps

/// The report's hover script matches a feature by comparing its `data-code` attribute, never by
/// building a CSS selector from the code: a code containing `"` or `]` threw in the page (issue 25).
@Suite struct ReportScriptTests {
    @Test func theHoverScriptBuildsNoSelectorFromACode() {
        #expect(!ReportStyle.script.contains("'[data-code=\"'+"))
        #expect(ReportStyle.script.contains("getAttribute('data-code')===code"))
    }
}
