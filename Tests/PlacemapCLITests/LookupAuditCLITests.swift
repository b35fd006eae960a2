import Foundation
import PlaceIO
import PlaceTestSupport
import Testing

/// `placemap lookup --audit` checks a published lookup against the geometry; `--min-share`.
@Suite struct LookupAuditCLITests {
    let lsoa = Paths.geodata("lsoa21_england.geojson")
    let lad = Paths.geodata("lad24_england.geojson")

    @Test func theONSLookupsCherwellFaultIsFlagged() throws {
        let folder = Paths.temporaryFolder()
        let csv = folder.appendingPathComponent("audit.csv").path
        let result = try placemap("lookup", lsoa, lad, "--audit", Paths.geodata("lookup_lsoa21_lad24.csv"), "-o", csv)
        #expect(result.status == 0, "\(result.stderr)")
        let table = try CSVReader.read(path: csv)
        let verdict = try table.column("verdict")
        let contradicted = table.rows.filter { $0[verdict] == "contradicted" }
        // West Northamptonshire 048E: Cherwell by the lookup, 96 % in West Northamptonshire.
        let row = try #require(contradicted.first { $0[0] == "E01027305" })
        #expect(row[2] == "E07000177" && row[4] == "E06000062")
        #expect(Double(row[try table.column("largest_area_share")])! > 0.95)
        #expect(contradicted.count < 5)
        // Border rows, where 500 m boundaries cannot tell, are counted apart.
        #expect(table.rows.count > contradicted.count)
        #expect(result.stderr.contains("border rows that cannot be resolved at this resolution"))
    }

    @Test func aLookupMatchingNoBlockIsAUsageError() throws {
        let folder = Paths.temporaryFolder()
        let bad = folder.appendingPathComponent("bad.csv")
        try "lsoa21_code,ltla24_code\nX1,E07000177\nX2,E07000177\n".write(to: bad, atomically: true, encoding: .utf8)
        let result = try placemap("lookup", lsoa, lad, "--audit", bad.path, "-o", folder.appendingPathComponent("a.csv").path)
        #expect(result.status == 64 && result.stderr.contains("bad.csv"))
    }

    @Test func aBlockGivenTwoAreasIsBadData() throws {
        let folder = Paths.temporaryFolder()
        let bad = folder.appendingPathComponent("twice.csv")
        try "lsoa21_code,ltla24_code\nE01027305,E07000177\nE01027305,E06000062\n".write(to: bad, atomically: true, encoding: .utf8)
        let result = try placemap("lookup", lsoa, lad, "--audit", bad.path, "-o", folder.appendingPathComponent("a.csv").path)
        #expect(result.status == 65 && result.stderr.contains("E01027305"))
    }

    @Test func minShareLeavesWeakMatchesEmpty() throws {
        let folder = Paths.temporaryFolder()
        let csv = folder.appendingPathComponent("lookup.csv").path
        let result = try placemap("lookup", lsoa, lad, "--min-share", "0.9", "-o", csv)
        #expect(result.status == 0, "\(result.stderr)")
        let table = try CSVReader.read(path: csv)
        let share = try table.column("area_share")
        let empty = table.rows.filter { $0[2].isEmpty }
        #expect(!empty.isEmpty && empty.allSatisfy { Double($0[share])! < 0.9 })
        #expect(table.rows.filter { !$0[2].isEmpty }.allSatisfy { Double($0[share])! >= 0.9 })
    }
}
