import ArgumentParser
import Foundation
import PlaceAnalysis
import PlaceIO
import PlaceMaps
import PlaceOutput

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract:
            "One self-contained HTML page of maps and tables from an analysis's output folder (or from layers, running coterminosity).",
        discussion: """
            Give the --out folder of coterminosity, contiguity, catchments or diff (or a folder holding such \
            folders, like the main job's placemap-output), or --places and --systems to run coterminosity first \
            with the same options (--attributes adds the age profile of each side of each split). A diff folder \
            gives before/after maps of the changed areas, each area's fate, the biggest moves and the places \
            whose coterminosity changed; count attributes in the tables (e.g. people by age band) give a profile \
            of each split place and each trust. The page needs no network: maps are inline SVG, the style sheet is inline, and its small \
            script (hover and filter only) can be off. --svg DIR also writes each map as an SVG file, and --png a \
            PNG beside each when rsvg-convert or chromium is installed.
            """)

    @Argument(help: ArgumentHelp("Output folder of coterminosity, contiguity, catchments or diff.", valueName: "dir")) var folder: String?

    @Option(
        name: [.customShort("o"), .customLong("output")],
        help: ArgumentHelp("The HTML file to write (default: report.html).", valueName: "file"))
    var output: String?
    @Option(help: ArgumentHelp("Also write each map as an SVG file into this folder (created when missing).", valueName: "dir"))
    var svg: String?
    @Flag(help: "With --svg, also a PNG of each map (needs rsvg-convert or chromium).") var png = false
    @Option(help: ArgumentHelp("Title of the page.", valueName: "text")) var title: String?

    @Option(help: ArgumentHelp("Places layer, to run coterminosity first (instead of a folder).", valueName: "layer")) var places: String?
    @Option(help: ArgumentHelp("Systems layer, to run coterminosity first.", valueName: "layer")) var systems: String?
    @OptionGroup(title: "Places") var placesChoice: LayerChoice<Places>
    @OptionGroup(title: "Systems") var systemsChoice: LayerChoice<Systems>
    @Option(name: .customLong("sliver-share"), help: "As for coterminosity.") var sliverShare: Double = 0.005
    @OptionGroup(title: "Population weighting") var weighting: WeightingOptions
    @OptionGroup(title: "Output") var flags: WriteFlags

    func validate() throws {
        if folder != nil, places != nil || systems != nil { throw ValidationError("give a folder or --places and --systems, not both") }
        if folder == nil, places == nil || systems == nil {
            throw ValidationError("give an analysis output folder, or --places and --systems")
        }
        if png, svg == nil { throw ValidationError("--png needs --svg DIR") }
        guard (0..<1).contains(sliverShare) else { throw ValidationError("--sliver-share must be at least 0 and below 1") }
    }

    func run() throws {
        try reportingErrors {
            let html = output ?? "report.html"
            let outputs = flags.outputs(inputs: [places, systems] + weighting.inputs)
            try outputs.reserve(html)
            let content: ReportContent
            if let folder {
                content = ReportContent(try OutputFolder.read(folder), title: title ?? ReportContent.title(folder: folder))
            } else {
                content = try coterminosity()
            }
            let report = HTMLReport(content)
            let rasteriser = png ? Rasteriser.find() : nil
            if let svg {
                try OutputSet.makeFolder(svg)
                for figure in report.figures {
                    try outputs.reserve(OutputSet.join(svg, figure.fileName))
                    if rasteriser != nil { try outputs.reserve(OutputSet.join(svg, figure.id + ".png")) }
                }
                for figure in report.figures { try outputs.add(figure.standalone, to: OutputSet.join(svg, figure.fileName)) }
            }
            try outputs.add(report.bytes, to: html)
            // The PNGs are made from the SVG files, so those go in place first.
            try outputs.publish()
            if !Console.quiet {
                print("report: \(html) (\(report.bytes.count / 1024) KB, \(report.figures.count) maps)")
                if let svg { print("maps: \(report.figures.count) SVG files in \(svg)/") }
            }
            try rasterise(report, rasteriser, outputs)
        }
    }

    /// A PNG of each map beside its SVG file, when asked for and a rasteriser is installed.
    func rasterise(_ report: HTMLReport, _ rasteriser: Rasteriser?, _ outputs: OutputSet) throws {
        guard png, let svg else { return }
        guard let rasteriser else {
            Console.warning("no PNG written: neither rsvg-convert nor chromium is installed (apt-get install librsvg2-bin)")
            return
        }
        for figure in report.figures {
            let source = OutputSet.join(svg, figure.fileName)
            try outputs.add(to: OutputSet.join(svg, figure.id + ".png")) { (temporary: String) throws(PlacemapError) in
                try rasteriser.rasterise(source, to: temporary, width: figure.document.width, height: figure.document.height)
            }
        }
        try outputs.publish()
        if !Console.quiet { print("maps: \(report.figures.count) PNG files in \(svg)/ (\(rasteriser.name))") }
    }

    func coterminosity() throws -> ReportContent {
        guard let places, let systems else { throw ValidationError("give --places and --systems") }
        var options = CoterminosityOptions()
        options.sliverShare = sliverShare
        options.population = try weighting.load()
        options.method = weighting.method ?? .largestShare
        options.progress = Console.progress("coterminosity")
        let result = try Coterminosity(
            places: placesChoice.analysisLayer(places), systems: systemsChoice.analysisLayer(systems), options: options)
        var content = ReportContent(
            title: title ?? "Placemap report: \(result.placesLayer.fields.prefix) against \(result.systemsLayer.fields.prefix)")
        content.coterminosity.append(CoterminosityView(result, id: "coterminosity"))
        return content
    }
}

/// A program that turns an SVG file into a PNG: rsvg-convert, or headless chromium's screenshot.
struct Rasteriser {
    var name: String
    var path: String

    static func find() -> Rasteriser? {
        for name in ["rsvg-convert", "chromium", "chromium-browser", "google-chrome"] {
            if let path = which(name) { return Rasteriser(name: name, path: path) }
        }
        return nil
    }

    static func which(_ name: String) -> String? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return folders.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Writes the PNG of `svg` to `target` (a temporary path of the output set).
    func rasterise(_ svg: String, to target: String, width: Double, height: Double) throws(PlacemapError) {
        // Chromium picks the image format from the file's extension.
        let written = target + ".png"
        var arguments: [String]
        if name == "rsvg-convert" {
            arguments = ["-o", written, svg]
        } else {
            arguments = [
                "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--force-device-scale-factor=2",
                "--window-size=\(Int(width.rounded(.up))),\(Int(height.rounded(.up)))", "--screenshot=\(written)",
                URL(fileURLWithPath: svg).absoluteString,
            ]
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        // Both streams into one pipe, read to its end before waiting so the tool never blocks on it.
        let messages = Pipe()
        process.standardOutput = messages
        process.standardError = messages
        do { try process.run() } catch {
            throw PlacemapError(.io, file: svg, message: "\(name) could not be started: \(error.localizedDescription)")
        }
        _ = messages.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, rename(written, target) == 0 else {
            try? FileManager.default.removeItem(atPath: written)
            throw PlacemapError(.io, file: svg, message: "\(name) wrote no PNG from it (exit \(process.terminationStatus))")
        }
    }
}
