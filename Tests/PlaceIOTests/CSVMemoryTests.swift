import Foundation
import PlaceTestSupport
import Testing

@testable import PlaceIO

/// A CSV table's memory per row (issue 25: a 10⁶-row table cost about 380 MB) and its limits.
@Suite struct CSVMemoryTests {
    /// Rows shaped like the census population table: a code, a name of 19 characters and a count.
    static func censusLike(rows: Int) -> String {
        var text = "lsoa21_code,lsoa21_name,usual_residents\n"
        text.reserveCapacity(36 * rows + 64)
        for i in 0..<rows {
            let n = String(i)
            text +=
                "E" + String(repeating: "0", count: max(0, 8 - n.count)) + n + ",Somewhere Else \(i % 10_000)A," + String(1000 + i % 900)
                + "\n"
        }
        return text
    }

    /// The built `placemap-bench` beside `placemap`.
    static var bench: String {
        URL(fileURLWithPath: Paths.placemap).deletingLastPathComponent().appendingPathComponent("placemap-bench").path
    }

    @Test func aTableCostsFewBytesPerRow() throws {
        // Measured in its own process (resident memory before and after the read, the table held),
        // so other tests running beside this one do not count. Packed rows: about 60 bytes a row;
        // [[String]] took about 300.
        let rows = 200_000
        let path = Paths.write(Self.censusLike(rows: rows), as: "population.csv")
        let result = try run(Self.bench, ["csv", path])
        #expect(result.status == 0, "\(result.stderr)")
        let fields = result.stdout.split(separator: " ")
        #expect(fields.count == 3 && Int(fields[1]) == rows, "\(result.stdout)")
        let mib = Double(fields.last.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } ?? "") ?? .infinity
        let perRow = mib * 1_048_576 / Double(rows)
        #expect(perRow < 120, "\(perRow) bytes a row")
    }

    @Test func packedRowsReadBackTheFields() throws {
        let table = try CSVReader.parse(Array("a,b\n1,\"x,y\"\n\n2,\n".utf8), source: "t.csv")
        #expect(table.rows == [["1", "x,y"], ["2", ""]])
        #expect(table.rowLines == [2, 4])
        #expect(table.rows[1][0] == "2" && table.rows.count == 2 && table.rows.width == 2)
        var rows = table.rows
        rows.set("3", row: 1, column: 0)
        rows.append(["4", "z"])
        #expect(rows == [["1", "x,y"], ["3", ""], ["4", "z"]])
        #expect(rows.removeLast() == ["4", "z"] && rows.count == 2)
    }

    @Test func aLeadingByteOrderMarkInACellSurvivesAWriteAndARead() throws {
        // A header cell starting with U+FEFF would be taken for the file's byte-order mark unquoted.
        let table = CSVTable(header: ["\u{FEFF}code", "name"], rows: [["\u{FEFF}E1", "one"]])
        let read = try CSVReader.parse(CSVWriter.bytes(table), source: "w.csv")
        #expect(read.header == table.header)
        #expect(read.rows == table.rows)
    }

    @Test func aReadPastTheLimitIsRefusedWithTheFigures() throws {
        // Before the read: a 1 GiB CSV against a 2 GiB limit (3 bytes a byte of file, and the base).
        let before = try #require(throws: PlacemapError.self) {
            try MemoryBudget.check(bytes: 1 << 30, file: "big.csv", limit: 2 << 30, bytesPerFileByte: 3, kind: "CSV")
        }
        #expect(
            before.exitCode == 74 && before.message.contains("1024 MiB of CSV needs about 3328 MiB") && before.message.contains("2048 MiB"))
        // During the read: the process uses 900 MiB of 1000, the next growth needs 100 MiB more.
        let meter = MemoryMeter(file: "layer.gpkg", what: "features", limit: 1000 << 20)
        let during = try #require(throws: PlacemapError.self) {
            try meter.check(index: 5000, growth: 100 << 20, limit: 1000 << 20, inUse: 900 << 20)
        }
        #expect(during.exitCode == 74 && during.file == "layer.gpkg")
        #expect(
            during.message.contains("after 5000 features the process uses 900 MiB") && during.message.contains("at most 1000 MiB"),
            "\(during.message)")
        #expect(throws: Never.self) { try meter.check(index: 5000, growth: 0, limit: 1000 << 20, inUse: 500 << 20) }
        // Without a limit nothing is checked.
        var free = MemoryMeter(file: "x", what: "rows", limit: nil)
        #expect(throws: Never.self) { try free.add(Int.max / 2, index: 1, growth: Int.max / 2) }
    }
}
