// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Placemap",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "PlaceGeometry", targets: ["PlaceGeometry"]),
        .library(name: "PlaceIO", targets: ["PlaceIO"]),
        .library(name: "PlaceAnalysis", targets: ["PlaceAnalysis"]),
        .library(name: "PlaceOutput", targets: ["PlaceOutput"]),
        .library(name: "PlaceMaps", targets: ["PlaceMaps"]),
        .executable(name: "placemap", targets: ["placemap"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
    ],
    targets: [
        .systemLibrary(
            name: "CGEOS", pkgConfig: "geos",
            providers: [.apt(["libgeos-dev"]), .brew(["geos"])]),
        .systemLibrary(
            name: "CPROJ", pkgConfig: "proj",
            providers: [.apt(["libproj-dev", "proj-data"]), .brew(["proj"])]),
        .systemLibrary(
            name: "CGDAL", pkgConfig: "gdal",
            providers: [.apt(["libgdal-dev"]), .brew(["gdal"])]),
        .target(name: "PlaceGeometry", dependencies: ["CGEOS", "CPROJ"]),
        .target(name: "PlaceIO", dependencies: ["PlaceGeometry", "CGDAL"]),
        .target(name: "PlaceAnalysis", dependencies: ["PlaceGeometry", "PlaceIO"]),
        // The output side: tables, layers, sidecars, summaries, file naming and output safety.
        .target(name: "PlaceOutput", dependencies: ["PlaceGeometry", "PlaceIO", "PlaceAnalysis"]),
        // Drawing (projection, shared-arc simplification, labels, palettes → SVG) and the HTML report.
        .target(name: "PlaceMaps", dependencies: ["PlaceGeometry", "PlaceIO", "PlaceAnalysis", "PlaceOutput"]),
        .executableTarget(
            name: "placemap",
            dependencies: [
                "PlaceGeometry", "PlaceIO", "PlaceAnalysis", "PlaceOutput", "PlaceMaps",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // In-process timings for benchmarks/ (not installed, not part of the library).
        .executableTarget(name: "placemap-bench", dependencies: ["PlaceGeometry", "PlaceIO", "PlaceAnalysis", "PlaceOutput"]),
        // Paths, processes and the Python oracle, shared by the test targets only.
        .target(name: "PlaceTestSupport", dependencies: ["PlaceIO"], path: "Tests/Support"),
        .testTarget(name: "PlaceGeometryTests", dependencies: ["PlaceGeometry", "PlaceTestSupport"]),
        .testTarget(name: "PlaceIOTests", dependencies: ["PlaceIO", "PlaceTestSupport"]),
        .testTarget(name: "PlaceAnalysisTests", dependencies: ["PlaceAnalysis", "PlaceOutput", "PlaceTestSupport"]),
        .testTarget(name: "PlaceOutputTests", dependencies: ["PlaceOutput", "PlaceTestSupport"]),
        .testTarget(name: "PlaceMapsTests", dependencies: ["PlaceMaps", "PlaceTestSupport"]),
        .testTarget(name: "PlacemapCLITests", dependencies: ["placemap", "PlaceIO", "PlaceTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
