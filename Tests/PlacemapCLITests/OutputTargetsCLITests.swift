import Foundation
import PlaceTestSupport
import Testing

/// Output targets that used to surprise (issue 25, item 6): a table never lands as CSV text in a file
/// named like a layer format, a folder output is never a PostGIS connection or an existing file, and a
/// FIFO nobody reads ends the run with a message.
@Suite struct OutputTargetsCLITests {
    /// Two 1 km squares A1, A2 side by side and one 2 km rectangle B1 over both, in British National Grid.
    func layers(in folder: URL) -> (a: String, b: String) {
        let crs = "\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::27700\"}},"
        let a = Shapes.collection(
            [
                Shapes.feature("{\"a_code\":\"A1\"}", Shapes.polygonJSON([Shapes.square(400_000, 300_000, 1000)])),
                Shapes.feature("{\"a_code\":\"A2\"}", Shapes.polygonJSON([Shapes.square(401_000, 300_000, 1000)])),
            ], extra: crs)
        let b = Shapes.collection(
            [Shapes.feature("{\"b_code\":\"B1\"}", Shapes.polygonJSON([Shapes.rectangle(400_000, 300_000, 402_000, 301_000)]))], extra: crs)
        return (Paths.write(a, as: "a.geojson", in: folder), Paths.write(b, as: "b.geojson", in: folder))
    }

    @Test func aTableIsNeverWrittenUnderALayerFormatsName() throws {
        let folder = Paths.temporaryFolder()
        let (a, b) = layers(in: folder)
        for name in ["x.gpkg", "x.gpkg:lookup", "x.fgb", "x.shp", "x.geojson"] {
            for command in ["lookup", "overlap"] {
                let target = folder.appendingPathComponent(name).path
                let result = try placemap(command, a, b, "-o", target)
                #expect(result.status == 64, "\(command) -o \(name): \(result.stderr)")
                #expect(result.stderr.contains("but this output is a CSV table"), "\(result.stderr)")
                #expect(result.stderr.contains("-o x.csv"), "\(result.stderr)")
                #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("x.gpkg").path), "\(name)")
                #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path), "\(name)")
            }
        }
        let postgis = try placemap("lookup", a, b, "-o", "PG:dbname=nowhere")
        #expect(postgis.status == 64 && postgis.stderr.contains("names a PostGIS connection"), "\(postgis.stderr)")
        // The right spelling works.
        let csv = folder.appendingPathComponent("x.csv").path
        let ok = try placemap("lookup", a, b, "-o", csv)
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(try String(contentsOfFile: csv, encoding: .utf8).hasPrefix("ACD,ANM,BCD,BNM"))
    }

    @Test func aFolderOutputIsNeitherPostGISNorAFile() throws {
        let folder = Paths.temporaryFolder()
        let (a, _) = layers(in: folder)
        let postgis = try placemap("contiguity", a, "--out", "PG:dbname=gis host=localhost", in: folder)
        #expect(postgis.status == 64, "\(postgis.stderr)")
        #expect(postgis.stderr.contains("is a PostGIS connection") && postgis.stderr.contains("ogr2ogr -f PostgreSQL"), "\(postgis.stderr)")
        let made = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(Set(made) == ["a.geojson", "b.geojson"], "a folder named after the connection: \(made)")
        let file = Paths.write("keep me\n", as: "notes.txt", in: folder)
        let onFile = try placemap("contiguity", a, "--out", file)
        #expect(onFile.status == 64, "\(onFile.stderr)")
        #expect(onFile.stderr.contains("--out names a folder, and this is a file"), "\(onFile.stderr)")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "keep me\n")
    }

    @Test func aFIFOWithNoReaderTimesOutWithAMessage() throws {
        let folder = Paths.temporaryFolder()
        let (a, b) = layers(in: folder)
        let fifo = folder.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let start = Date()
        let result = try run(Paths.placemap, ["lookup", a, b, "-o", fifo], environment: ["PLACEMAP_FIFO_TIMEOUT": "1"])
        let seconds = Date().timeIntervalSince(start)
        #expect(result.status == 74, "\(result.stderr)")
        #expect(
            result.stderr.contains("no reader opened within 1 s") && result.stderr.contains("PLACEMAP_FIFO_TIMEOUT"), "\(result.stderr)")
        #expect(seconds < 30, "\(seconds)")
        // With a reader, the FIFO receives the table and stays a FIFO.
        let copy = folder.appendingPathComponent("received.csv").path
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/bin/sh")
        reader.arguments = ["-c", "cat \"$0\" > \"$1\"", fifo, copy]
        try reader.run()
        let written = try run(Paths.placemap, ["lookup", a, b, "-o", fifo], environment: ["PLACEMAP_FIFO_TIMEOUT": "20"])
        reader.waitUntilExit()
        #expect(written.status == 0, "\(written.stderr)")
        #expect(try String(contentsOfFile: copy, encoding: .utf8).hasPrefix("ACD,ANM,BCD,BNM"))
        var info = stat()
        #expect(stat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
    }
}

/// Coterminosity's places map into a project GeoPackage (issue 25, item 6).
@Suite(.enabled(if: GDALTools.available, "needs ogr2ogr and ogrinfo (apt-get install gdal-bin)"))
struct ProjectGeoPackageCLITests {
    @Test func coterminosityWritesIntoAnExistingGeoPackageKeepingItsLayersAndStyles() throws {
        let folder = Paths.temporaryFolder()
        let (a, b) = OutputTargetsCLITests().layers(in: folder)
        let project = folder.appendingPathComponent("project.gpkg").path
        try GDALTools.convert(["-f", "GPKG", project, a, "-nln", "lad"])
        try GDALTools.execute(
            project,
            "CREATE TABLE layer_styles (id INTEGER PRIMARY KEY, f_table_catalog TEXT, f_table_schema TEXT, f_table_name TEXT, "
                + "f_geometry_column TEXT, styleName TEXT, styleQML TEXT, styleSLD TEXT, useAsDefault BOOLEAN, description TEXT, "
                + "owner TEXT, ui TEXT, update_time DATETIME)")
        try GDALTools.execute(project, "INSERT INTO layer_styles (f_table_name, styleName, styleQML) VALUES ('lad', 'mine', '<qgis/>')")
        let result = try placemap(
            "coterminosity", "--places", a, "--systems", b, "--out", folder.appendingPathComponent("cot").path, "--map",
            project + ":status", "--quiet")
        #expect(result.status == 0, "\(result.stderr)")
        let layers = try GDALTools.query(project, "SELECT table_name FROM gpkg_contents ORDER BY table_name").compactMap {
            $0["table_name"]
        }
        #expect(Set(layers).isSuperset(of: ["lad", "status"]), "\(layers)")
        let styles = try GDALTools.query(project, "SELECT f_table_name, styleName FROM layer_styles ORDER BY f_table_name")
        #expect(styles.map { $0["f_table_name"] ?? "" } == ["lad", "status"], "\(styles)")
        #expect(styles.first?["styleName"] == "mine")
        let places = try GDALTools.query(project, "SELECT COUNT(*) AS n FROM status")
        #expect(places.first?["n"] == "2")
        #expect(try GDALTools.query(project, "SELECT COUNT(*) AS n FROM lad").first?["n"] == "2")
        // The layer again without --overwrite: refused, named by the user's file, the GeoPackage unchanged.
        let before = try Data(contentsOf: URL(fileURLWithPath: project))
        let again = try placemap(
            "coterminosity", "--places", a, "--systems", b, "--out", folder.appendingPathComponent("cot2").path, "--map",
            project + ":status")
        #expect(again.status == 64 && again.stderr.contains("project.gpkg: already has a layer \"status\""), "\(again.stderr)")
        #expect(
            again.stderr.contains("--overwrite") && !again.stderr.contains("coterminosity:"), "refused before any work: \(again.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: project)) == before)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("cot2").path))
    }

    @Test func aLayerTargetInAnInputGeoPackageIsRefusedBeforeAnyWork() throws {
        let folder = Paths.temporaryFolder()
        let (a, b) = OutputTargetsCLITests().layers(in: folder)
        let project = folder.appendingPathComponent("project.gpkg").path
        try GDALTools.convert(["-f", "GPKG", project, a, "-nln", "lad"])
        for arguments in [
            [
                "coterminosity", "--places", project + ":lad", "--systems", b, "--out", folder.appendingPathComponent("cot").path, "--map",
                project + ":status",
            ],
            ["overlap", project + ":lad", b, "--pieces", project + ":pieces"],
        ] {
            let result = try placemap(arguments)
            #expect(result.status == 64, "\(result.stderr)")
            #expect(result.stderr.contains("is also an input of this run"), "\(result.stderr)")
            // Before any work: nothing was read, so nothing was said about the layers.
            #expect(!result.stderr.contains("overlap:") && !result.stderr.contains("coterminosity:"), "\(result.stderr)")
        }
    }
}
