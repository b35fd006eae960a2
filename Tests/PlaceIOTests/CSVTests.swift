import Foundation
import PlaceIO
import Testing

@Suite struct CSVTests {
    @Test func quotedFieldsWithCommasQuotesAndNewlines() throws {
        let text = "\u{FEFF}code,name,note\r\nE1,\"Bath, and NE Somerset\",\"said \"\"hi\"\"\"\r\nE2,\"two\nlines\",\r\n"
        let table = try CSVReader.parse(Array(text.utf8), source: "t.csv")
        #expect(table.header == ["code", "name", "note"])
        #expect(table.rows == [["E1", "Bath, and NE Somerset", "said \"hi\""], ["E2", "two\nlines", ""]])
        let written = CSVWriter.text(table)
        #expect(try CSVReader.parse(Array(written.utf8), source: "w").rows == table.rows)
        #expect(written.hasPrefix("code,name,note\r\nE1,\"Bath, and NE Somerset\",\"said \"\"hi\"\"\"\r\n"))
    }

    @Test func raggedRowSaysWhichLine() throws {
        do {
            _ = try CSVReader.parse(Array("a,b\n1,2\n3\n".utf8), source: "r.csv")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 3 && error.exitCode == 65)
            #expect(error.description.hasPrefix("r.csv:3: row has 1 fields but the header has 2"))
        }
    }

    @Test func nonUTF8AndEmptyAndUnclosedQuote() {
        #expect(throws: PlacemapError.self) { try CSVReader.parse([0x61, 0x0A, 0xFF, 0x0A], source: "x") }
        #expect(throws: PlacemapError.self) { try CSVReader.parse([], source: "x") }
        #expect(throws: PlacemapError.self) { try CSVReader.parse(Array("a\n\"open\n".utf8), source: "x") }
        #expect(throws: PlacemapError.self) { try CSVReader.parse(Array("a,a\n1,2\n".utf8), source: "x") }
    }

    @Test func missingColumnListsTheColumns() throws {
        let table = try CSVReader.parse(Array("lsoa21_code,usual_residents\nE01,5\n".utf8), source: "p.csv")
        do {
            _ = try table.column("population")
            Issue.record("expected an error")
        } catch {
            #expect(error.exitCode == 64)
            #expect(error.hint == "the columns are: lsoa21_code, usual_residents")
        }
    }
}

/// A table long enough to be encoded in runs of rows on every core is written as one run would be.
@Suite struct CSVWriterRunsTests {
    @Test func aLongTableIsWrittenRowByRowInOrder() throws {
        let rows = (0..<20_011).map { i in
            [String(format: "E%08d", i), i % 7 == 0 ? "a, \"quoted\" name" : "plain \(i)", "\(Double(i) / 3)"]
        }
        let table = CSVTable(header: ["code", "name", "value"], rows: rows)
        func quoted(_ f: String) -> String {
            f.contains(",") || f.contains("\"") ? "\"" + f.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : f
        }
        let expected = (["code,name,value"] + rows.map { $0.map(quoted).joined(separator: ",") }).map { $0 + "\r\n" }.joined()
        #expect(CSVWriter.text(table) == expected)
        #expect(try CSVReader.parse(CSVWriter.bytes(table), source: "long.csv").rows == table.rows)
    }
}
