// libFuzzer target: CSV bytes through the reader, every field read as a count (the population and
// lookup paths), and a round trip through the writer for tables that parse.
import PlaceIO

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let table = try? CSVReader.parse(bytes, source: "fuzz.csv") else { return 0 }
    for r in table.rows.indices {
        _ = table.line(ofRow: r)
        for c in table.header.indices { _ = try? table.count(row: r, column: c) }
    }
    guard let again = try? CSVReader.parse(CSVWriter.bytes(table), source: "again.csv") else { fatalError("a written table does not parse") }
    guard again.header == table.header, again.rows == table.rows else { fatalError("CSV round trip changed the table") }
    return 0
}
