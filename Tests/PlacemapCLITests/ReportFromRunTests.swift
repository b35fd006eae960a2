import Foundation
import PlaceTestSupport
import Testing

/// `diff --report` and `catchments --report` write, from the results they have just computed, the page
/// `placemap report` makes of the folder they wrote: the same bytes.
@Suite struct ReportFromRunTests {
    func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    @Test func diffReportIsThePageOfItsFolder() throws {
        let folder = Paths.temporaryFolder()
        let out = folder.appendingPathComponent("icb22-icb24").path
        let page = folder.appendingPathComponent("run.html").path
        let r = try placemap(
            "diff", Paths.geodata("lookup_lsoa21_icb22_lad22.csv"), Paths.geodata("lookup_lsoa21_sicbl24_icb24.csv"), "--old-code",
            "icb22_code", "--new-code", "icb24_code", "--places", Paths.geodata("lookup_lsoa21_lad24.csv"), "--blocks",
            Paths.geodata("lsoa21_england.geojson"), "--population", Paths.geodata("census21_population_lsoa21.csv"), "--out", out,
            "--report", page)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("  report: \(page)"))
        let again = folder.appendingPathComponent("folder.html").path
        let back = try placemap("report", out, "-o", again)
        #expect(back.status == 0, "\(back.stderr)")
        let (fromRun, fromFolder) = (try read(page), try read(again))
        #expect(fromRun == fromFolder)
        #expect(fromRun.contains("id=\"map-diff-icb22-icb24-before\"") && fromRun.contains("<td>Sussex ICB (E54000053)</td><td>grown</td>"))
        // The page is an output like the others: kept unless --overwrite.
        let twice = try placemap(
            "diff", Paths.geodata("lookup_lsoa21_icb22_lad22.csv"), Paths.geodata("lookup_lsoa21_sicbl24_icb24.csv"), "--old-code",
            "icb22_code", "--new-code", "icb24_code", "--blocks", Paths.geodata("lsoa21_england.geojson"), "--population",
            Paths.geodata("census21_population_lsoa21.csv"), "--out", folder.appendingPathComponent("other").path, "--report", page)
        #expect(twice.status == 64 && twice.stderr.contains(page), "\(twice.stderr)")
        #expect(try read(page) == fromRun)
    }

    @Test func catchmentsReportIsThePageOfItsFolder() throws {
        let folder = Paths.temporaryFolder()
        let out = folder.appendingPathComponent("catchments").path
        let page = folder.appendingPathComponent("run.html").path
        let r = try placemap("catchments", "--out", out, "--report", page, "-q")
        #expect(r.status == 0, "\(r.stderr)")
        let again = folder.appendingPathComponent("folder.html").path
        let back = try placemap("report", out, "-o", again)
        #expect(back.status == 0, "\(back.stderr)")
        let (fromRun, fromFolder) = (try read(page), try read(again))
        #expect(fromRun == fromFolder)
        #expect(fromRun.contains("id=\"map-trust-rxf\""))
    }
}
