// libFuzzer target: CSV bytes as a population table and as a lookup, joined to a small block layer.
import PlaceAnalysis
import PlaceGeometry
import PlaceIO

nonisolated(unsafe) let blocks: AnalysisLayer? = {
    let features = (0..<4).map { k -> Feature in
        let x = 400_000.0 + Double(k) * 100
        let shape = Shape.polygon([[(x, 300_000), (x + 100, 300_000), (x + 100, 300_100), (x, 300_100), (x, 300_000)]])
        return Feature(properties: JSONObject([("code", .string("E0100000\(k)")), ("name", .string("b\(k)"))]), shape: shape)
    }
    let layer = Layer(name: "blocks", source: "blocks.geojson", crs: .britishNationalGrid, features: features)
    return try? AnalysisLayer(layer, fields: LayerFields(code: "code", name: "name"))
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard let blocks else { fatalError("the block layer did not build") }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let table = try? CSVReader.parse(bytes, source: "fuzz.csv"), table.header.count >= 2 else { return 0 }
    _ = try? PopulationBlocks(blocks: blocks, table: table, codeColumn: table.header[0], valueColumn: table.header[1])
    _ = try? PopulationBlocks(blocks: blocks, table: table)
    _ = try? Grouping.lookup(table, codeColumn: table.header[0], groupColumn: table.header[1], for: blocks)
    return 0
}
