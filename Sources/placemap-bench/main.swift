import Foundation
import PlaceIO

// In-process timings for benchmarks/run.py. Usage: placemap-bench read FILE [REPEATS]
// Prints one line per repeat: "seconds features".

func seconds(_ body: () throws -> Int) rethrows -> (Double, Int) {
    let start = DispatchTime.now().uptimeNanoseconds
    let n = try body()
    return (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, n)
}

let arguments = CommandLine.arguments
guard arguments.count >= 3, arguments[1] == "read" else {
    FileHandle.standardError.write(Data("usage: placemap-bench read FILE [REPEATS]\n".utf8))
    exit(64)
}
let repeats = arguments.count > 3 ? Int(arguments[3]) ?? 1 : 1
do {
    for _ in 0..<repeats {
        let (t, n) = try seconds { try GeoJSONReader.read(path: arguments[2]).features.count }
        print(String(format: "%.4f %d", t, n))
    }
} catch {
    FileHandle.standardError.write(Data("placemap-bench: \(error)\n".utf8))
    exit(65)
}
