import PlaceTestSupport
import Testing

@testable import PlaceIO

/// A read that cannot fit under the address-space limit is refused with both figures (exit 74),
/// instead of Swift stopping the process when an allocation fails.
@Suite struct HardeningMemoryTests {
    @Test func aFileTooLargeForTheLimitIsRefused() {
        #expect(throws: Never.self) { try MemoryBudget.check(bytes: 1 << 30, file: "big.geojson", limit: nil) }
        #expect(throws: Never.self) { try MemoryBudget.check(bytes: 1 << 20, file: "small.geojson", limit: 1 << 30) }
        do {
            try MemoryBudget.check(bytes: 1 << 30, file: "big.geojson", limit: 512 << 20)
            Issue.record("a 1 GiB file passed a 512 MiB limit")
        } catch {
            #expect(error.exitCode == 74 && error.file == "big.geojson")
            #expect(error.message.contains("needs about 16640 MiB") && error.message.contains("at most 512 MiB"), "\(error.message)")
        }
        // Sizes that overflow are refused too.
        #expect(throws: PlacemapError.self) { try MemoryBudget.check(bytes: Int.max / 2, file: "x", limit: 1 << 40) }
    }

    @Test func theBinaryUnderUlimitExitsWithAMessage() throws {
        let shell = "ulimit -v 420000 && exec \"$0\" info \"$1\""
        let result = try run("/bin/sh", ["-c", shell, Paths.placemap, Paths.geodata("lsoa21_england.geojson")])
        #expect(result.status == 74, "\(result.status): \(result.stderr)")
        #expect(result.stderr.contains("not enough memory") && result.stderr.contains("lsoa21_england.geojson"))
    }
}
