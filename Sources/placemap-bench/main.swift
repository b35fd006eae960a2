import Foundation
import PlaceAnalysis
import PlaceGeometry
import PlaceIO

// In-process timings for benchmarks/run.py. Prints one line per repeat: "seconds count".
//   placemap-bench read FILE [REPEATS]      seconds to read the layer (LayerReader: GeoJSON fast path, else GDAL); count = features
//   placemap-bench read-gdal FILE [REPEATS] the same through GDAL/OGR even for GeoJSON
//   placemap-bench same FILE                 "same N" when the GeoJSON reader and GDAL give identical features, else exit 1
//   placemap-bench overlap A B [REPEATS]    seconds to reproject, overlay and measure (files already read); count = rows
//   placemap-bench partition FILE [REPEATS] seconds to check a prepared layer for overlapping features; count = overlaps
//   placemap-bench csv FILE                  "seconds rows MiB": reads a CSV table and holds it; MiB = the growth
//                                           of resident memory while reading (VmRSS before and after, table held)
//   placemap-bench floor A B                 CPU seconds of placemap's overlay of A × B by phase, beside the floor:
//                                           parsing, reprojection and one GEOS intersection per pair that really
//                                           crosses (a piece that is neither feature whole), on one core
//   placemap-bench reproject FILE [REPEATS]  points per second of WGS 84 → EPSG:27700 on one core, PROJ alone and
//                                           the native Helmert (6) path, over the layer's vertices in calls of 512
//                                           features (as Layer.reprojected makes them), with the one-off cost of
//                                           deciding the native path and the largest difference between the two
//   placemap-bench edges BLOCKS A B          CPU seconds of the overlay BLOCKS × A and of the allocation of BLOCKS to A
//                                           and B (with the three-way pieces, no depths), with areas from the edges
//                                           (IntersectionArea) and with GEOS for every pair BoundaryRelation leaves open

func seconds(_ body: () throws -> Int) rethrows -> (Double, Int) {
    let start = DispatchTime.now().uptimeNanoseconds
    let n = try body()
    return (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, n)
}

/// CPU seconds (user + system, all threads) spent in `body`: steadier than wall time on a shared machine.
func cpuSeconds(_ body: () throws -> Int) rethrows -> (Double, Int) {
    let start = processCPU()
    let n = try body()
    return (processCPU() - start, n)
}

/// CPU seconds used by this process so far.
func processCPU() -> Double {
    var u = rusage()
    getrusage(RUSAGE_SELF.rawValue, &u)
    return Double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + Double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6
}

/// Resident memory of this process in bytes (the second field of /proc/self/statm, in pages).
func residentBytes() -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
    let fields = text.split(separator: " ")
    return fields.count > 1 ? (Int(fields[1]) ?? 0) * Int(sysconf(Int32(_SC_PAGESIZE))) : 0
}

/// The blocks, their population, the places and the systems named by `evidence` and `evidence-cost`.
func evidenceInputs(_ arguments: [String]) throws -> (AnalysisLayer, PopulationBlocks, AnalysisLayer, AnalysisLayer) {
    func layer(_ path: String) throws -> AnalysisLayer {
        let l = try LayerReader.read(path: path)
        return try AnalysisLayer(l, fields: LayerFields.detect(in: l))
    }
    let blocks = try layer(arguments[2])
    let population = try PopulationBlocks(blocks: blocks, table: CSVReader.read(path: arguments[3]))
    return (blocks, population, try layer(arguments[4]), try layer(arguments[5]))
}

func fail(_ text: String, _ code: Int32) -> Never {
    FileHandle.standardError.write(Data((text + "\n").utf8))
    exit(code)
}

let arguments = CommandLine.arguments
let usage =
    "usage: placemap-bench read|read-gdal FILE [REPEATS] | csv FILE | same FILE | overlap A B [REPEATS] | partition FILE [REPEATS] | floor A B | edges BLOCKS A B | reproject FILE [REPEATS]"
guard arguments.count >= 3 else { fail(usage, 64) }
do {
    switch arguments[1] {
    case "read":
        for _ in 0..<(arguments.count > 3 ? Int(arguments[3]) ?? 1 : 1) {
            let (t, n) = try seconds { try LayerReader.read(path: arguments[2]).features.count }
            print(String(format: "%.4f %d", t, n))
        }
    case "csv":
        let before = residentBytes()
        let start = DispatchTime.now().uptimeNanoseconds
        let table = try CSVReader.read(path: arguments[2])
        let t = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let grown = residentBytes() - before
        print(String(format: "%.4f %d %.1f", t, table.rows.count, Double(grown) / 1_048_576))
        withExtendedLifetime(table) {}
    case "read-gdal":
        for _ in 0..<(arguments.count > 3 ? Int(arguments[3]) ?? 1 : 1) {
            let (t, n) = try seconds { try LayerReader.readThroughGDAL(path: arguments[2]).features.count }
            print(String(format: "%.4f %d", t, n))
        }
    case "same":
        let fast = try GeoJSONReader.read(path: arguments[2])
        let gdal = try LayerReader.readThroughGDAL(path: arguments[2])
        let same =
            fast.crs == gdal.crs && fast.features.map(\.shape) == gdal.features.map(\.shape)
            && fast.features.map(\.properties) == gdal.features.map(\.properties)
        print(same ? "same \(fast.features.count)" : "different")
        if !same { exit(1) }
    case "edges" where arguments.count >= 5:
        let layers = try arguments[2...4].map { path in
            let l = try GeoJSONReader.read(path: path)
            return try AnalysisLayer(l, fields: LayerFields.detect(in: l))
        }
        for edges in [true, false] {
            var settled = PairSettlement()
            let (overlay, pieces) = try cpuSeconds {
                let r = try Overlay.settled(layers[0], layers[1], areasFromEdges: edges)
                settled = r.settlement
                return r.pieces.joined().count
            }
            var allocated = PairSettlement()
            let (allocation, _) = try cpuSeconds {
                let r = try BlockAllocation(
                    blocks: layers[0], layers: [layers[1], layers[2]], pairs: [Pair(0, 1)], minorityDepths: false, areasFromEdges: edges)
                allocated = r.settlement
                return r.pieces.count
            }
            print(
                String(
                    format:
                        "%@: overlay %.3f s CPU (%d pieces; pairs from coordinates %d, GEOS %d), allocation %.3f s CPU (from coordinates %d, GEOS %d)",
                    edges ? "areas from edges" : "GEOS areas", overlay, pieces, settled.coordinates, settled.geos, allocation,
                    allocated.coordinates, allocated.geos))
        }
    case "reproject":
        let layer = try GeoJSONReader.read(path: arguments[2])
        var calls: [[Double]] = []
        for start in stride(from: 0, to: layer.features.count, by: 512) {
            calls.append(layer.features[start..<min(start + 512, layer.features.count)].flatMap(\.shape.coordinates))
        }
        let points = calls.reduce(0) { $0 + $1.count / 2 }
        var proj: CoordinateTransform?
        var native: CoordinateTransform?
        let (plain, _) = try seconds {
            proj = try CoordinateTransform(from: .wgs84, to: .britishNationalGrid, native: false)
            return 0
        }
        let (deciding, _) = try seconds {
            native = try CoordinateTransform(from: .wgs84, to: .britishNationalGrid)
            return 0
        }
        guard let proj, let native else { fail("no transform", 70) }
        print(
            String(
                format: "creating the transform: PROJ alone %.4f s, with the native path decided %.4f s (%@)", plain, deciding,
                OSGBHelmertCheck.forward.reason))
        for _ in 0..<(arguments.count > 3 ? Int(arguments[3]) ?? 1 : 1) {
            var byPROJ = calls
            var byNative = calls
            let (tp, _) = try seconds {
                for i in byPROJ.indices { try proj.transform(&byPROJ[i]) }
                return 0
            }
            let (tn, _) = try seconds {
                for i in byNative.indices { try native.transform(&byNative[i]) }
                return 0
            }
            var largest = 0.0
            for (a, b) in zip(byPROJ, byNative) {
                for p in stride(from: 0, to: a.count, by: 2) { largest = max(largest, hypot(a[p] - b[p], a[p + 1] - b[p + 1])) }
            }
            print(
                String(
                    format:
                        "%d points: PROJ %.4f s (%.2f M points/s), native %.4f s (%.2f M points/s, %d native), %.1f×; largest difference %.3g m",
                    points, tp, Double(points) / tp / 1e6, tn, Double(points) / tn / 1e6, native.nativePoints, tp / tn, largest))
        }
    case "overlap" where arguments.count >= 4:
        let a = try GeoJSONReader.read(path: arguments[2])
        let b = try GeoJSONReader.read(path: arguments[3])
        for _ in 0..<(arguments.count > 4 ? Int(arguments[4]) ?? 1 : 1) {
            let (t, n) = try seconds {
                let la = try AnalysisLayer(a, fields: LayerFields.detect(in: a))
                let lb = try AnalysisLayer(b, fields: LayerFields.detect(in: b))
                return try OverlapResult(a: la, b: lb, options: OverlapOptions()).rows.count
            }
            print(String(format: "%.4f %d", t, n))
        }
    case "floor" where arguments.count >= 4:
        var a: Layer?
        var b: Layer?
        let (parse, _) = try cpuSeconds {
            (a, b) = (try GeoJSONReader.read(path: arguments[2]), try GeoJSONReader.read(path: arguments[3]))
            return 0
        }
        guard let a, let b else { fail("no layers", 65) }
        let (reproject, _) = try cpuSeconds {
            _ = try a.reprojected(to: .britishNationalGrid)
            _ = try b.reprojected(to: .britishNationalGrid)
            return 0
        }
        var la: AnalysisLayer?
        var lb: AnalysisLayer?
        let (prepare, _) = try cpuSeconds {
            la = try AnalysisLayer(a, fields: LayerFields.detect(in: a))
            lb = try AnalysisLayer(b, fields: LayerFields.detect(in: b))
            return 0
        }
        guard let la, let lb else { fail("no layers", 65) }
        var rows: [OverlapRow] = []
        let (overlay, _) = try cpuSeconds {
            rows = try OverlapResult(a: la, b: lb, options: OverlapOptions()).rows
            return rows.count
        }
        let crossing = rows.filter { $0.shareOfA < 1 - 1e-9 && $0.shareOfB < 1 - 1e-9 }
        let context = GEOSContext()
        let ga = try la.features.map { try Geometry($0.shape, in: context) }
        let gb = try lb.features.map { try Geometry($0.shape, in: context) }
        let (intersections, _) = try cpuSeconds {
            for r in crossing { _ = try ga[r.a].intersection(gb[r.b]).area() }
            return crossing.count
        }
        let floor = parse + reproject + intersections
        print(
            String(
                format: "parse %.3f reproject %.3f check-and-index %.3f overlay %.3f (%d pieces)", parse, reproject,
                prepare - reproject, overlay, rows.count))
        print(String(format: "floor: parse + reproject + %d crossing intersections %.3f = %.3f", crossing.count, intersections, floor))
        print(
            String(
                format: "placemap: parse + prepare + overlay = %.3f, %.2f× the floor", parse + prepare + overlay,
                (parse + prepare + overlay) / floor))
    case "phases":
        // CPU seconds per phase of the main job's analysis (placemap-bench phases GEODATA), to see where the time goes.
        let g = arguments[2]
        var cpu: Double = 0
        func lap(_ name: String, _ body: () throws -> Void) throws {
            let start = processCPU()
            try body()
            let t = processCPU() - start
            cpu += t
            print(String(format: "%-36@ %.3f", name as NSString, t))
        }
        // The main job's own phases (EnglandJob), one by one.
        var blocks: AnalysisLayer?
        try lap("read, reproject, check LSOAs") { blocks = try EnglandJob.readBlocks(g) }
        guard let blocks else { fail("no blocks", 65) }
        var population: PopulationBlocks?
        try lap("population table and age bands") { population = try EnglandJob.readPopulation(g, blocks: blocks) }
        guard let population else { fail("no population", 65) }
        var areas: (places: [(String, AnalysisLayer)], systems: AnalysisLayer)?
        try lap("area layers") { areas = try EnglandJob.readAreas(g) }
        guard let areas else { fail("no areas", 65) }
        var allocation: BlockAllocation?
        try lap("allocation pass (3 layers)") {
            allocation = try BlockAllocation(blocks: blocks, layers: areas.places.map(\.1) + [areas.systems])
        }
        for (_, places) in areas.places {
            try lap("coterminosity \(places.fields.prefix) (overlay, evidence)") {
                _ = try EnglandJob.compare(places, areas.systems, population: population, allocation: allocation)
            }
        }
        try lap("contiguity graph of the LSOAs") {
            _ = ContiguityReport(try ContiguityGraph(blocks), grouping: try EnglandJob.grouping(g, blocks: blocks))
        }
        print(String(format: "%-36@ %.3f", "total" as NSString, cpu))
    case "evidence" where arguments.count >= 6:
        // placemap-bench evidence BLOCKS POPULATION PLACES SYSTEMS: the interior evidence, group by group.
        let (blocks, population, places, systems) = try evidenceInputs(arguments)
        let (t, _) = try seconds {
            let allocation = try BlockAllocation(blocks: blocks, layers: [places, systems])
            let e = try InteriorEvidence(allocation: allocation, places: 0, systems: 1, people: population.population)
            print(String(format: "misregistration places %.1f systems %.1f", e.placesMisregistration, e.systemsMisregistration))
            for l in 0..<2 {
                let d = allocation.minority[l].map(\.depth).sorted()
                if !d.isEmpty {
                    print(
                        "layer \(l): \(d.count) minority pieces; p50 \(d[d.count / 2]) p99 \(d[d.count * 99 / 100]) p999 \(d[d.count * 999 / 1000]) max \(d.last!)"
                    )
                }
            }
            for g in e.groups {
                print(
                    "\(places.codes[g.place]) \(places.names[g.place]) / \(systems.codes[g.system]): \(g.blocks.count) blocks \(Int(g.population)) people depth \(Int(g.depth)) \(g.kind.rawValue) neighbour \(g.neighbour.map { places.names[$0] } ?? "-")"
                )
            }
            return 0
        }
        print("seconds", t)
    case "evidence-cost" where arguments.count >= 6:
        // placemap-bench evidence-cost BLOCKS POPULATION PLACES SYSTEMS [REPEATS]: seconds for the allocation
        // pass without interior evidence, then with it (minority depths in the pass, group depths after); CPU seconds.
        let (blocks, population, places, systems) = try evidenceInputs(arguments)
        for _ in 0..<(arguments.count > 6 ? Int(arguments[6]) ?? 1 : 1) {
            let (without, _) = try cpuSeconds {
                try BlockAllocation(blocks: blocks, layers: [places, systems], minorityDepths: false).pieces.count
            }
            let (with, n) = try cpuSeconds {
                let allocation = try BlockAllocation(blocks: blocks, layers: [places, systems])
                return try InteriorEvidence(allocation: allocation, places: 0, systems: 1, people: population.population).groups.count
            }
            print(String(format: "%.4f %.4f %d", without, with, n))
        }
    case "partition":
        let raw = try GeoJSONReader.read(path: arguments[2])
        let layer = try AnalysisLayer(raw, fields: LayerFields.detect(in: raw))
        for _ in 0..<(arguments.count > 3 ? Int(arguments[3]) ?? 1 : 1) {
            let (t, n) = try seconds { try PartitionCheck.overlaps(in: layer, measuring: arguments.count <= 4).count }
            print(String(format: "%.4f %d", t, n))
        }
    default:
        fail(usage, 64)
    }
} catch {
    fail("placemap-bench: \(error)", 65)
}
