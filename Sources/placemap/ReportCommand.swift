import ArgumentParser
import Foundation
import PlaceAnalysis
import PlaceIO
import PlaceMaps

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "One self-contained HTML page of maps and tables from an analysis's output folder (or from layers, running coterminosity).",
        discussion: """
            Give the --out folder of coterminosity, contiguity or catchments (or a folder holding such folders, \
            like the main job's placemap-output), or --places and --systems to run coterminosity first with the \
            same options. The page needs no network: maps are inline SVG, the style sheet is inline, and its small \
            script (hover and filter only) can be off. --svg DIR also writes each map as an SVG file, and --png a \
            PNG beside each when rsvg-convert or chromium is installed.
            """)

    @Argument(help: "Output folder of coterminosity, contiguity or catchments.") var folder: String?

    @Option(name: [.customShort("o"), .customLong("output")], help: "The HTML file to write.") var output: String = "report.html"
    @Flag(help: "Replace the HTML (and SVG, PNG) files when they exist.") var overwrite = false
    @Option(help: "Also write each map as an SVG file into this folder (created when missing).") var svg: String?
    @Flag(help: "With --svg, also a PNG of each map (needs rsvg-convert or chromium).") var png = false
    @Option(help: "Title of the page.") var title: String?

    @Option(help: "Places layer, to run coterminosity first (instead of a folder).") var places: String?
    @Option(help: "Systems layer, to run coterminosity first.") var systems: String?
    @Option(name: .customLong("places-code"), help: "Property of the places holding codes.") var placesCode: String?
    @Option(name: .customLong("places-name"), help: "Property of the places holding names.") var placesName: String?
    @Option(name: .customLong("systems-code"), help: "Property of the systems holding codes.") var systemsCode: String?
    @Option(name: .customLong("systems-name"), help: "Property of the systems holding names.") var systemsName: String?
    @Option(name: .customLong("sliver-share"), help: "As for coterminosity.") var sliverShare: Double = 0.005
    @OptionGroup var population: PopulationOptions

    func validate() throws {
        if folder != nil, places != nil || systems != nil { throw ValidationError("give a folder or --places and --systems, not both") }
        if folder == nil, places == nil || systems == nil { throw ValidationError("give an analysis output folder, or --places and --systems") }
        if png, svg == nil { throw ValidationError("--png needs --svg DIR") }
        guard (0..<1).contains(sliverShare) else { throw ValidationError("--sliver-share must be at least 0 and below 1") }
    }

    func run() throws {
        try reportingErrors {
            let content: ReportContent
            if let folder {
                content = try ReportInputs.read(folder: folder, title: title)
            } else {
                content = try coterminosity()
            }
            let report = HTMLReport(content)
            var targets = [output]
            let rasteriser = png ? Rasteriser.find() : nil
            if let svg {
                targets += report.figures.map { svg + "/" + $0.fileName }
                if rasteriser != nil { targets += report.figures.map { svg + "/" + $0.id + ".png" } }
            }
            try refuseToReplace(targets)
            try AtomicFile.write(report.bytes, to: output)
            print("report: \(output) (\(report.bytes.count / 1024) KB, \(report.figures.count) maps)")
            guard let svg else { return }
            try AtomicFile.makeFolder(svg)
            for figure in report.figures { try AtomicFile.write(Array(figure.standalone.utf8), to: svg + "/" + figure.fileName) }
            print("maps: \(report.figures.count) SVG files in \(svg)/")
            guard png else { return }
            guard let rasteriser else {
                note("placemap: no PNG written: neither rsvg-convert nor chromium is installed (apt-get install librsvg2-bin)")
                return
            }
            for figure in report.figures {
                let source = svg + "/" + figure.fileName
                let target = svg + "/" + figure.id + ".png"
                try rasteriser.rasterise(source, to: target, width: figure.document.width, height: figure.document.height)
            }
            print("maps: \(report.figures.count) PNG files in \(svg)/ (\(rasteriser.name))")
        }
    }

    func refuseToReplace(_ paths: [String]) throws {
        guard !overwrite else { return }
        if let existing = paths.first(where: { FileManager.default.fileExists(atPath: $0) }) {
            throw InputError(.usage, file: existing, message: "exists already", hint: "give --overwrite to replace it, or another name")
        }
    }

    func coterminosity() throws -> ReportContent {
        guard let places, let systems else { throw ValidationError("give --places and --systems") }
        var options = CoterminosityOptions()
        options.sliverShare = sliverShare
        options.population = try population.load()
        options.method = population.method ?? .largestShare
        options.progress = progressLine("coterminosity")
        let result = try Coterminosity(
            places: FieldChoice(code: placesCode, name: placesName).analysisLayer(places),
            systems: FieldChoice(code: systemsCode, name: systemsName).analysisLayer(systems), options: options)
        var content = ReportContent(title: title ?? "Placemap report: \(result.placesLayer.fields.prefix) against \(result.systemsLayer.fields.prefix)")
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

    /// Writes `target` through a temporary file beside it, so a failure leaves no half-written PNG.
    func rasterise(_ svg: String, to target: String, width: Double, height: Double) throws {
        try AtomicFile.write(to: target) { (temporary: String) throws(InputError) in
            // Chromium picks the image format from the file's extension.
            let written = temporary + ".png"
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
                throw InputError(.io, file: target, message: "\(name) could not be started: \(error.localizedDescription)")
            }
            _ = messages.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus == 0, rename(written, temporary) == 0 else {
                try? FileManager.default.removeItem(atPath: written)
                throw InputError(.io, file: target, message: "\(name) wrote no PNG (exit \(process.terminationStatus)) from \(svg)")
            }
        }
    }
}
