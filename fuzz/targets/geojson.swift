// libFuzzer target: GeoJSON bytes through the reader. Any outcome but a crash is fine.
import PlaceIO

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = try? GeoJSONReader.parse(bytes, source: "fuzz.geojson")
    return 0
}
