import Foundation
import PlaceTestSupport
import Testing

@testable import PlaceIO

/// How a URL or a zip member is taken apart before anything is read (the downloads themselves are
/// tested end to end against a local server in RemoteSourceCLITests).
@Suite struct RemoteSourceTests {
    @Test func urlsAreRecognisedBySchemeOnly() {
        #expect(RemoteSource.isURL("https://example.org/lad.zip"))
        #expect(RemoteSource.isURL("HTTP://example.org/lad.geojson"))
        #expect(!RemoteSource.isURL("/vsicurl/https://example.org/lad.zip"))
        #expect(!RemoteSource.isURL("PG:dbname=gis"))
        #expect(!RemoteSource.isURL("http.geojson"))
    }

    @Test func aMemberOfAZipAtAURLIsSplitOff() {
        #expect(RemoteSource.archiveSplit("https://h/a/b.zip/dir/lad.shp") == ("https://h/a/b.zip", "/dir/lad.shp"))
        #expect(RemoteSource.archiveSplit("https://h/a/B.ZIP/lad.shp") == ("https://h/a/B.ZIP", "/lad.shp"))
        #expect(RemoteSource.archiveSplit("https://h/a/b.zip") == ("https://h/a/b.zip", ""))
        #expect(RemoteSource.archiveSplit("https://h/a/b.zip?x=1/y") == ("https://h/a/b.zip?x=1/y", ""))
    }

    /// One copy per URL, named so that GDAL still sees the extension.
    @Test func cacheNamesAreStablePerURLAndKeepTheExtension() {
        let a = RemoteSource.cacheName("https://h/x/lad.zip")
        #expect(a == RemoteSource.cacheName("https://h/x/lad.zip"))
        #expect(a != RemoteSource.cacheName("https://h/y/lad.zip"))
        #expect(a.hasSuffix("-lad.zip") && a.count == 16 + 1 + 7)
        #expect(RemoteSource.cacheName("https://h/").hasSuffix("-download"))
        #expect(!RemoteSource.cacheName("https://h/a b/c?d").contains(" "))
    }

    @Test func aPathInsideALocalZipGoesToVsizip() throws {
        let folder = Paths.temporaryFolder()
        let zip = folder.appendingPathComponent("layers.zip").path
        FileManager.default.createFile(atPath: zip, contents: Data([0x50, 0x4B, 0x05, 0x06] + [UInt8](repeating: 0, count: 18)))
        #expect(LayerReader.archiveMember(zip + "/dir/lad.shp") == "/vsizip/" + zip + "/dir/lad.shp")
        #expect(LayerReader.archiveMember(zip) == nil)  // the zip itself is read as before
        #expect(LayerReader.archiveMember(folder.appendingPathComponent("none.zip/lad.shp").path) == nil)
        #expect(LayerReader.archiveMember("/vsizip/x.zip/lad.shp") == nil)
    }
}
