import ArgumentParser
import PlaceAnalysis
import PlaceIO

/// The main job on the bundled data.
struct England: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The main job: describe the bundled England layers (run with no arguments).")

    func run() throws {
        try reportingErrors {
            for file in ["lsoa21_england.geojson", "lad24_england.geojson", "icb22_england.geojson", "msoa11_england.geojson"] {
                let (layer, fields) = try LayerOptions().read(try DataFolder.path(file))
                print(try LayerDescription(layer: layer, fields: fields).text)
                print("")
            }
        }
    }
}
