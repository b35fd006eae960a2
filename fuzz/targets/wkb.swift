// libFuzzer target: GeoPackage geometry blobs (well-known binary) through the WKB reader.
@testable import PlaceIO

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var reader = WKBReader(bytes, at: 0)
    _ = try? reader.shape()
    return 0
}
