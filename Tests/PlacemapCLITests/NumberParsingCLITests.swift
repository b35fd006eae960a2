import Foundation
import PlaceIO
import PlaceTestSupport
import Testing

/// Every table's numbers are read one way (``DecimalNumber``): attribute columns get the checks
/// population columns get, and sums that overflow are bad data.
@Suite struct NumberParsingCLITests {
    /// Four 1 km blocks in two places (west, east) and one system; each block holds 100 people.
    static func layers() -> (blocks: String, population: String, places: String, systems: String, folder: URL) {
        let folder = Paths.temporaryFolder()
        let crs = "\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::27700\"}},"
        func layer(_ items: [(String, Double, Double, Double)], _ name: String) -> String {
            Paths.write(
                Shapes.collection(
                    items.map { code, x, y, w in
                        Shapes.feature("{\"code\":\"\(code)\"}", Shapes.polygonJSON([Shapes.rectangle(x, y, x + w, y + 1000)]))
                    }, extra: crs), as: name, in: folder)
        }
        let blocks = layer(
            [
                ("B1", 400_000, 300_000, 1000), ("B2", 401_000, 300_000, 1000), ("B3", 402_000, 300_000, 1000),
                ("B4", 403_000, 300_000, 1000),
            ],
            "blocks.geojson")
        let places = layer([("W", 400_000, 300_000, 2000), ("E", 402_000, 300_000, 2000)], "places.geojson")
        let systems = layer([("S", 400_000, 300_000, 4000)], "systems.geojson")
        let population = Paths.write("code,population\nB1,100\nB2,100\nB3,100\nB4,100\n", as: "population.csv", in: folder)
        return (blocks, population, places, systems, folder)
    }

    func coterminosity(attributes: String, kind: String? = nil) throws -> (RunResult, String) {
        let l = Self.layers()
        let csv = Paths.write(attributes, as: "attributes.csv", in: l.folder)
        let out = l.folder.appendingPathComponent("out").path
        let r = try placemap(
            [
                "coterminosity", "--places", l.places, "--systems", l.systems, "--places-code", "code", "--systems-code", "code",
                "--blocks", l.blocks, "--blocks-code", "code", "--population", l.population, "--attributes", csv, "--out", out,
            ] + (kind.map { ["--attributes-kind", $0] } ?? []))
        return (r, out)
    }

    @Test func hexadecimalIsNotANumber() throws {
        let (r, out) = try coterminosity(attributes: "code,people_over_65\nB1,5\nB2,0x10\nB3,7\nB4,1\n", kind: "counts")
        #expect(r.status == 65, "\(r.stderr)")
        #expect(r.stderr.contains("attributes.csv:3,") && r.stderr.contains("field \"people_over_65\""))
        #expect(r.stderr.contains("0x10"))
        #expect(!FileManager.default.fileExists(atPath: out + "/pairs.csv"))
    }

    @Test func aNULInsideANumberIsNotANumber() throws {
        let (r, _) = try coterminosity(attributes: "code,people_over_65\nB1,5\nB2,6\nB3,10\u{0}0\nB4,1\n", kind: "counts")
        #expect(r.status == 65, "\(r.stderr)")
        #expect(r.stderr.contains("attributes.csv:4,") && r.stderr.contains("field \"people_over_65\""))
        #expect(r.stderr.contains("10\\u{0}0"))
    }

    @Test func hexadecimalInAColumnOfNumbersIsNamedEvenWithoutADeclaredKind() throws {
        let rows = (1...4).map { "B\($0),\($0 == 3 ? "0x10" : String($0))" }
        let extra = (5...20).map { "X\($0),\($0)" }
        let (r, _) = try coterminosity(attributes: "code,count_of_people\n" + (rows + extra).joined(separator: "\n") + "\n")
        #expect(r.status == 65, "\(r.stderr)")
        #expect(r.stderr.contains("attributes.csv:4,") && r.stderr.contains("count_of_people") && r.stderr.contains("0x10"))
    }

    @Test func countsWhoseSumOverflowsAreBadData() throws {
        let (r, out) = try coterminosity(attributes: "code,people_over_65\nB1,1e308\nB2,1e308\nB3,1\nB4,1\n", kind: "counts")
        #expect(r.status == 65, "\(r.stderr)")
        #expect(r.stderr.contains("attributes.csv:3,") && r.stderr.contains("field \"people_over_65\""))
        #expect(r.stderr.contains("add up to more than"))
        #expect(!FileManager.default.fileExists(atPath: out + "/systems.csv"))
    }

    @Test func populationWhoseSumOverflowsIsBadData() throws {
        let l = Self.layers()
        let population = Paths.write("code,population\nB1,1e308\nB2,1e308\nB3,1\nB4,1\n", as: "big.csv", in: l.folder)
        let r = try placemap(
            "coterminosity", "--places", l.places, "--systems", l.systems, "--places-code", "code", "--systems-code", "code",
            "--blocks", l.blocks, "--blocks-code", "code", "--population", population, "--out", l.folder.appendingPathComponent("o").path)
        #expect(r.status == 65, "\(r.stderr)")
        #expect(r.stderr.contains("big.csv:3,") && r.stderr.contains("population"))
    }

    /// An attribute column named like an output column is renamed, and the run says so: pairs.csv has
    /// one `population` column, and `report` reads the folder back.
    @Test func anAttributeNamedPopulationIsRenamedAndSaid() throws {
        let (r, out) = try coterminosity(attributes: "code,population\nB1,1\nB2,2\nB3,3\nB4,4\n", kind: "counts")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("attribute_population"))
        let pairs = try CSVReader.read(path: out + "/pairs.csv")
        #expect(pairs.header.count { $0 == "population" } == 1)
        #expect(pairs.header.contains("attribute_population"))
        let systems = try CSVReader.read(path: out + "/systems.csv")
        #expect(Set(systems.header).count == systems.header.count)
        let report = try placemap("report", out, "-o", out + "/r.html")
        #expect(report.status == 0, "\(report.stderr)")
    }
}
