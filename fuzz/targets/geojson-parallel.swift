// libFuzzer target: GeoJSON bytes through the reader's parallel path (structural scan, chunks
// parsed on every core), which normally needs a file over 1 MiB, with the threshold lowered.
@testable import PlaceIO

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    GeoJSONReader.parallelThreshold = 16
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = try? GeoJSONReader.parse(bytes, source: "fuzz.geojson")
    return 0
}
