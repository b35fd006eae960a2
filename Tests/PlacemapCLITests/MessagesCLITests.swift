import Foundation
import PlaceTestSupport
import Testing

/// Messages that send the user the right way (issue 25, item 7): a misspelt option is named first with
/// the nearest real one, a Shapefile's missing companion file is named, and a long-form census table
/// given as the population is called long form with the option that picks a category.
@Suite struct MessagesCLITests {
    // MARK: Unknown options

    @Test func aMisspeltOptionIsReportedBeforeTheMissingOneItMeant() throws {
        let result = try placemap("coterminosity", "--systmes", "x")
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("placemap: error: unknown option --systmes; did you mean --systems?"), "\(result.stderr)")
        #expect(!result.stderr.contains("give --places"), "\(result.stderr)")
    }

    @Test func theNearestOptionIsTheCommandsOwn() throws {
        // `--out` belongs to coterminosity, `-o/--output` to lookup: each command suggests its own.
        let folder = try placemap("coterminosity", "--places", "p", "--systems", "s", "--ot", "x")
        #expect(folder.status == 64)
        #expect(folder.stderr.contains("unknown option --ot; did you mean --out?"), "\(folder.stderr)")
        let file = try placemap("lookup", "a", "b", "--outpt", "x.csv")
        #expect(file.status == 64)
        #expect(file.stderr.contains("unknown option --outpt; did you mean --output?"), "\(file.stderr)")
        // The default command (england) is checked too, and `--name=value` is one option.
        let england = try placemap("--quiet", "--overwrite=yes")
        #expect(england.status == 64)
        #expect(england.stderr.contains("unknown option --overwrite"), "\(england.stderr)")
    }

    @Test func anOptionFarFromEveryNameGetsNoGuess() throws {
        let result = try placemap("overlap", "a", "b", "--zzzzzzzz")
        #expect(result.status == 64)
        #expect(result.stderr.contains("unknown option --zzzzzzzz\n"), "\(result.stderr)")
        #expect(result.stderr.contains("See 'placemap overlap --help'"), "\(result.stderr)")
    }

    @Test func valuesAndOldSpellingsAreNotUnknownOptions() throws {
        // A value that looks like an option belongs to the option before it; a hidden old spelling
        // still exists; `--offline` is accepted anywhere. Each run then fails on what is really missing.
        let value = try placemap("coterminosity", "--places-code", "--odd-value")
        #expect(value.status == 64)
        #expect(!value.stderr.contains("unknown option"), "\(value.stderr)")
        #expect(value.stderr.contains("--places"), "\(value.stderr)")
        let old = try placemap("coterminosity", "--population-code", "x", "--offline")
        #expect(old.status == 64)
        #expect(!old.stderr.contains("unknown option"), "\(old.stderr)")
        // After `--` nothing is an option.
        let after = try placemap("info", "--", "--not-an-option.geojson")
        #expect(!after.stderr.contains("unknown option"), "\(after.stderr)")
    }

    // MARK: Shapefile companions

    /// A Shapefile of two squares in British National Grid written by ogr2ogr, with its four files.
    func shapefile(in folder: URL) throws -> String {
        let crs = "{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::27700\"}}"
        let source = Paths.write(
            Shapes.collection(
                [
                    Shapes.feature("{\"lad_code\":\"L1\"}", Shapes.polygonJSON([Shapes.square(400_000, 300_000, 1000)])),
                    Shapes.feature("{\"lad_code\":\"L2\"}", Shapes.polygonJSON([Shapes.square(401_000, 300_000, 1000)])),
                ], extra: "\"crs\":\(crs),"), as: "lad.geojson", in: folder)
        let shp = folder.appendingPathComponent("lad.shp").path
        try GDALTools.convert(["-f", "ESRI Shapefile", shp, source])
        for ext in ["shp", "shx", "dbf", "prj"] {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("lad.\(ext)").path), "\(ext)")
        }
        return shp
    }

    @Test(.enabled(if: GDALTools.available, "needs ogr2ogr (apt-get install gdal-bin)"))
    func aShapefileWithoutItsCompanionNamesIt() throws {
        let cases: [(ext: String, status: Int32, words: String)] = [
            ("dbf", 74, "the Shapefile's table lad.dbf (its codes, names and other fields) is missing"),
            ("shx", 74, "the Shapefile's index lad.shx is missing"),
            ("prj", 64, "the Shapefile's lad.prj (its CRS) is missing"),
        ]
        for c in cases {
            let folder = Paths.temporaryFolder()
            let shp = try shapefile(in: folder)
            let whole = try placemap("info", shp)
            #expect(whole.status == 0, "\(whole.stderr)")
            try FileManager.default.removeItem(at: folder.appendingPathComponent("lad.\(c.ext)"))
            for arguments in [["info", shp], ["contiguity", shp, "--out", folder.appendingPathComponent("out").path]] {
                let result = try placemap(arguments)
                #expect(result.status == c.status, "\(c.ext) \(arguments[0]): \(result.stderr)")
                #expect(result.stderr.contains(c.words), "\(c.ext): \(result.stderr)")
                #expect(result.stderr.contains("hint: "), "\(result.stderr)")
                #expect(!result.stderr.contains("no code field") && !result.stderr.contains("not a vector format"), "\(result.stderr)")
            }
        }
    }

    @Test(.enabled(if: GDALTools.available, "needs ogr2ogr (apt-get install gdal-bin)"))
    func aShapefileWithoutItsPrjReadsWithAGivenCRS() throws {
        let folder = Paths.temporaryFolder()
        let shp = try shapefile(in: folder)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("lad.prj"))
        let result = try placemap("info", shp, "--crs", "27700")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("features:    2"), "\(result.stdout)")
    }

    @Test(.enabled(if: GDALTools.available, "needs ogr2ogr (apt-get install gdal-bin)"))
    func aZippedShapefileWithoutItsDbfNamesIt() throws {
        let folder = Paths.temporaryFolder()
        _ = try shapefile(in: folder)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("lad.dbf"))
        let zip = folder.appendingPathComponent("lad.zip").path
        let zipped = try run(
            "/usr/bin/env",
            [
                "python3", "-c",
                "import sys,zipfile\nz=zipfile.ZipFile(sys.argv[1],'w')\nfor f in sys.argv[2:]: z.write(f, f.split('/')[-1])", zip,
            ] + ["shp", "shx", "prj"].map { folder.appendingPathComponent("lad.\($0)").path })
        #expect(zipped.status == 0, "\(zipped.stderr)")
        let result = try placemap("info", zip + "/lad.shp")
        #expect(result.status == 74, "\(result.stderr)")
        #expect(result.stderr.contains("lad.dbf"), "\(result.stderr)")
    }

    // MARK: Long-form population

    /// Four 1 km blocks in a row of two by two, areas A (all four) and B1/B2 (the west and east columns),
    /// and a census table in long form: each block has a Total, an under-16 and a 16-and-over row.
    func longForm(in folder: URL) -> (a: String, b: String, blocks: String, table: String) {
        let crs = "\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::27700\"}},"
        let corners = [(400_000.0, 300_000.0), (401_000.0, 300_000.0), (400_000.0, 301_000.0), (401_000.0, 301_000.0)]
        let blocks = corners.enumerated().map { i, c in
            Shapes.feature("{\"lsoa21_code\":\"E0100000\(i + 1)\"}", Shapes.polygonJSON([Shapes.square(c.0, c.1, 1000)]))
        }
        var rows = ["lsoa21_code,age,count"]
        for i in 1...4 {
            rows += ["E0100000\(i),Total,\(100 * i)", "E0100000\(i),Aged 0 to 15,\(20 * i)", "E0100000\(i),Aged 16 and over,\(80 * i)"]
        }
        return (
            Paths.write(
                Shapes.collection(
                    [Shapes.feature("{\"a_code\":\"A\"}", Shapes.polygonJSON([Shapes.square(400_000, 300_000, 2000)]))], extra: crs),
                as: "a.geojson", in: folder),
            Paths.write(
                Shapes.collection(
                    [
                        Shapes.feature("{\"b_code\":\"B1\"}", Shapes.polygonJSON([Shapes.rectangle(400_000, 300_000, 401_000, 302_000)])),
                        Shapes.feature("{\"b_code\":\"B2\"}", Shapes.polygonJSON([Shapes.rectangle(401_000, 300_000, 402_000, 302_000)])),
                    ], extra: crs), as: "b.geojson", in: folder),
            Paths.write(Shapes.collection(blocks, extra: crs), as: "blocks.geojson", in: folder),
            Paths.write(rows.joined(separator: "\n") + "\n", as: "long.csv", in: folder)
        )
    }

    @Test func aLongFormPopulationTableIsCalledLongFormWithTheWayOn() throws {
        let folder = Paths.temporaryFolder()
        let f = longForm(in: folder)
        let result = try placemap("overlap", f.a, f.b, "--blocks", f.blocks, "--population", f.table)
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains("long.csv:3"), "\(result.stderr)")
        #expect(result.stderr.contains("this is a long-form table, a row per code and age"), "\(result.stderr)")
        #expect(
            result.stderr.contains("--population-category NAME (\"Total\", \"Aged 0 to 15\", \"Aged 16 and over\")"), "\(result.stderr)")
    }

    @Test func populationCategoryPicksTheRowsOfOneCategory() throws {
        let folder = Paths.temporaryFolder()
        let f = longForm(in: folder)
        // Blocks 1 and 3 lie in B1, 2 and 4 in B2: children 20 + 60 = 80 and 40 + 80 = 120.
        for (category, b1, b2) in [("Total", 400, 600), ("Aged 0 to 15", 80, 120)] {
            let out = folder.appendingPathComponent("o-\(b1).csv").path
            let result = try placemap(
                "overlap", f.a, f.b, "--blocks", f.blocks, "--population", f.table, "--population-category", category, "-o", out)
            #expect(result.status == 0, "\(result.stderr)")
            let lines = try String(contentsOfFile: out, encoding: .utf8).split(whereSeparator: \.isNewline)
            #expect(lines.count == 3)
            #expect(
                lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false)[7] } == ["\(b1)", "\(b2)"], "\(lines)")
            let provenance = try String(contentsOfFile: out.replacingOccurrences(of: ".csv", with: ".json"), encoding: .utf8)
            #expect(provenance.contains("\"field\": \"count where age is \(category)\""), "\(provenance)")
        }
    }

    @Test func anUnknownCategoryListsTheCategories() throws {
        let folder = Paths.temporaryFolder()
        let f = longForm(in: folder)
        let result = try placemap(
            "overlap", f.a, f.b, "--blocks", f.blocks, "--population", f.table, "--population-category", "All ages")
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains("no row has the category \"All ages\""), "\(result.stderr)")
        #expect(result.stderr.contains("the categories of age are: \"Total\", \"Aged 0 to 15\", \"Aged 16 and over\""), "\(result.stderr)")
        let alone = try placemap("overlap", f.a, f.b, "--population-category", "Total")
        #expect(alone.status == 64 && alone.stderr.contains("give --population too"), "\(alone.stderr)")
    }

    @Test func aRepeatedRowOfAWideTableIsStillARepeat() throws {
        let folder = Paths.temporaryFolder()
        let f = longForm(in: folder)
        let table = Paths.write(
            "lsoa21_code,usual_residents\nE01000001,10\nE01000002,20\nE01000001,30\n", as: "wide.csv", in: folder)
        let result = try placemap("overlap", f.a, f.b, "--blocks", f.blocks, "--population", table)
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains("code E01000001 appears again (first on line 2)"), "\(result.stderr)")
        #expect(!result.stderr.contains("long-form"), "\(result.stderr)")
    }
}
