import PlaceIO
import Testing

/// Whole JSON documents (the provenance sidecars), over the GeoJSON reader's scanner.
@Suite struct JSONReaderTests {
    @Test func objectsKeepTheirMembersInFileOrder() throws {
        let text =
            #"{"tool": "placemap", "analysis": "diff", "old": {"geography": "ICB22", "areas": 42}, "ok": true, "n": null, "xs": [1, 2.5]}"#
        let v = try JSONReader.parse(Array(text.utf8), source: "diff.json")
        guard case .object(let o) = v else {
            Issue.record("not an object: \(v)")
            return
        }
        #expect(o.keys == ["tool", "analysis", "old", "ok", "n", "xs"])
        #expect(v.member("old", "geography") == .string("ICB22") && v.member("old", "areas")?.number == 42)
        #expect(v.member("ok") == .bool(true) && v.member("n") == .null && v.member("xs") == .array([.number(1), .number(2.5)]))
        #expect(v.member("old", "missing") == nil && v.member("tool", "deeper") == nil)
    }

    @Test func badJSONIsBadDataWithLineAndColumn() {
        for (text, line, column) in [("{\n  \"a\": 1,\n  \"b\" 2\n}", 3, 7), ("{\"a\": 1} x", 1, 10), ("", 1, 1)] {
            do {
                _ = try JSONReader.parse(Array(text.utf8), source: "x.json")
                Issue.record("\(text) was read")
            } catch {
                #expect(error.exitCode == 65 && error.file == "x.json" && error.line == line && error.column == column, "\(error)")
            }
        }
    }
}
