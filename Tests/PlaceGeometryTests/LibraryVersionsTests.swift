import PlaceGeometry
import Testing

@Suite struct LibraryVersionsTests {
    @Test func aPatchReleaseIsCompatibleAndAMinorOneIsNot() {
        #expect(LibraryVersions.sameRelease("3.11.1-CAPI-1.17.1", "3.11.1"))
        #expect(LibraryVersions.sameRelease("3.11.4", "3.11.1"))
        #expect(!LibraryVersions.sameRelease("3.12.0", "3.11.1"))
        #expect(!LibraryVersions.sameRelease("9.2.0", "9.1.1"))
    }

    @Test func theRunningLibrariesAreTheOnesBuiltFor() {
        #expect(LibraryVersions.mismatch == nil)
        #expect(LibraryVersions.running.hasPrefix("GEOS 3.") && LibraryVersions.running.contains("PROJ 9."))
    }
}
