import ArgumentParser
import PlaceGeometry
import PlaceIO
import PlaceOutput

extension VectorFormat: ExpressibleByArgument {
    /// `--format` takes the names a user may give (`gpkg`, `geopackage`, `shapefile`, …).
    public init?(argument: String) { self.init(name: argument) }
}

/// `--overwrite` and `--quiet`, in every command that writes.
struct WriteFlags: ParsableArguments {
    @Flag(help: "Replace outputs (files, or layers of a GeoPackage) that already exist; without it they are refused.")
    var overwrite = false

    @Flag(name: [.short, .long], help: "No progress or summary on stderr (errors and warnings are still shown).")
    var quiet = false

    /// The output set of this run, refusing to write over any of `inputs`.
    func outputs(inputs: [String?]) -> OutputSet {
        Console.quiet = quiet
        return OutputSet(policy: OutputPolicy(overwrite: overwrite, inputs: inputs.compactMap { $0 }))
    }
}

/// `--out DIR` for commands that write several files.
struct FolderOutput: ParsableArguments {
    @Option(help: ArgumentHelp("Output folder (created when missing).", valueName: "dir"))
    var out: String?
    @OptionGroup var flags: WriteFlags
}

/// `--report FILE` for commands whose results the HTML report draws.
struct ReportOutput: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Also write the HTML report of the results to this file: the page placemap report makes of the --out folder.",
            valueName: "file"))
    var report: String?
}

/// `--output-crs` and `--format` for commands that write a layer.
struct LayerOutputChoice: ParsableArguments {
    @Option(
        name: .customLong("output-crs"),
        help: ArgumentHelp("CRS of GeoJSON layers written: 4326 (RFC 7946) or 27700 (exact, with a crs member).", valueName: "crs"),
        transform: parsedCRS)
    var outputCRS: CRS?

    @Option(
        help: ArgumentHelp(
            "Layer format, when the file name does not say: \(VectorFormat.allCases.map(\.rawValue).joined(separator: ", ")).",
            valueName: "format"))
    var format: VectorFormat?

    /// True for 27700, false for 4326; `fallback` when not given.
    func keepsBritishNationalGrid(default fallback: Bool) throws -> Bool {
        guard let outputCRS else { return fallback }
        switch outputCRS.epsg {
        case 27700: return true
        case 4326: return false
        default: throw ValidationError("--output-crs must be 4326 or 27700 (layers are measured in 27700; GeoJSON is 4326 by RFC 7946)")
        }
    }

    func validate() throws { _ = try keepsBritishNationalGrid(default: false) }
}
