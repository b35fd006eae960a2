import PlaceAnalysis
import PlaceIO

/// The files each folder-writing analysis puts in its `--out` folder, and their staging.
public enum FolderOutputs {
    public static let coterminosity = [
        "places.csv", "pairs.csv", "systems.csv", "border.csv", "places.geojson", "places.gpkg", "coterminosity.json",
    ]

    /// What `diff` writes; places.csv and systems.csv only with places.
    public static func diff(places: Bool) -> [String] {
        ["moves.csv", "areas.csv"] + (places ? ["places.csv", "systems.csv"] : []) + [
            "changed_blocks.geojson", "changed_blocks.gpkg", "diff.json",
        ]
    }

    public static func contiguity(grouped: Bool) -> [String] {
        ["edges.csv", "components.csv"] + (grouped ? ["groups.csv"] : []) + ["contiguity.json"]
    }

    public static func catchments(minShare: Bool) -> [String] {
        [
            "trusts.csv", "trust_places.csv", "trust_systems.csv", "places_served.csv", "msoa_population.csv", "catchments.geojson",
            "catchments.gpkg",
        ] + (minShare ? ["catchments_min_share.geojson"] : []) + ["catchments.json"]
    }
}

extension OutputSet {
    /// places.csv, pairs.csv, systems.csv, border.csv, places.geojson (RFC 7946), places.gpkg (EPSG:27700, with
    /// `placesStyle` as its QGIS style when given), coterminosity.json. OGR writes the GeoPackage while
    /// the other files are encoded.
    public func add(_ r: Coterminosity, folder: String, placesStyle: LayerStyle? = nil) throws(PlacemapError) {
        let path = { (name: String) in OutputSet.join(folder, name) }
        let options = LayerOutputOptions(provenance: r.provenance)
        var styled = options
        styled.style = placesStyle
        let map = r.placesMap
        try add(writing: { () throws(PlacemapError) in try self.add(map, to: path("places.gpkg"), options: styled) }) {
            () throws(PlacemapError) in
            [
                EncodedFile(r.placesTable, path: path("places.csv")), EncodedFile(r.pairsTable, path: path("pairs.csv")),
                EncodedFile(r.systemsTable, path: path("systems.csv")), EncodedFile(r.borderTable, path: path("border.csv")),
                try EncodedFile(geoJSON: map, path: path("places.geojson"), options: options),
                EncodedFile(r.provenance, path: path("coterminosity.json")),
            ]
        }
    }

    /// moves.csv, areas.csv, places.csv and systems.csv (with places), changed_blocks.geojson and (with
    /// `geoPackage`) .gpkg, diff.json. OGR writes the GeoPackage while the other files are encoded.
    public func add(_ r: FootprintDiff, coterminosity: FootprintCoterminosity?, folder: String, geoPackage: Bool = true)
        throws(PlacemapError)
    {
        let path = { (name: String) in OutputSet.join(folder, name) }
        let provenance = r.provenance(coterminosity: coterminosity)
        let options = LayerOutputOptions(provenance: provenance)
        let changed = r.changedBlocksLayer
        try add(writing: { () throws(PlacemapError) in
            if geoPackage { try self.add(changed, to: path("changed_blocks.gpkg"), options: options) }
        }) { () throws(PlacemapError) in
            var files = [EncodedFile(r.movesTable, path: path("moves.csv")), EncodedFile(r.areasTable, path: path("areas.csv"))]
            if let c = coterminosity {
                files += [EncodedFile(c.placesTable, path: path("places.csv")), EncodedFile(c.systemsTable, path: path("systems.csv"))]
            }
            files.append(try EncodedFile(geoJSON: changed, path: path("changed_blocks.geojson"), options: options))
            files.append(EncodedFile(provenance, path: path("diff.json")))
            return files
        }
    }

    /// edges.csv and components.csv (with `graph`), groups.csv (with groups) and contiguity.json.
    public func add(_ r: ContiguityReport, folder: String, graph: Bool = true) throws(PlacemapError) {
        let path = { (name: String) in OutputSet.join(folder, name) }
        if graph {
            try add(r.edgesTable, to: path("edges.csv"))
            try add(r.componentsTable, to: path("components.csv"))
        }
        if r.grouping != nil { try add(r.groupsTable, to: path("groups.csv")) }
        try add(Provenance.contiguity(r), to: path("contiguity.json"))
    }

    /// groups.csv and contiguity.json of groups' pieces found without the whole graph.
    public func add(_ r: RookPieces, folder: String) throws(PlacemapError) {
        try add(r.groupsTable, to: OutputSet.join(folder, "groups.csv"))
        try add(Provenance.rookPieces(r), to: OutputSet.join(folder, "contiguity.json"))
    }

    /// The catchment tables, the first-past-the-post polygons (GeoJSON and GeoPackage), the
    /// min-share polygons when asked for, and catchments.json. OGR writes the GeoPackage while the
    /// other files are encoded.
    public func add(_ r: CatchmentReport, folder: String) throws(PlacemapError) {
        let path = { (name: String) in OutputSet.join(folder, name) }
        let options = LayerOutputOptions(provenance: r.provenance)
        let first = r.firstPastThePostLayer
        try add(writing: { () throws(PlacemapError) in try self.add(first, to: path("catchments.gpkg"), options: options) }) {
            () throws(PlacemapError) in
            var files = [
                EncodedFile(r.trustsTable, path: path("trusts.csv")), EncodedFile(r.trustPlacesTable, path: path("trust_places.csv")),
                EncodedFile(r.trustSystemsTable, path: path("trust_systems.csv")),
                EncodedFile(r.placesServedTable, path: path("places_served.csv")),
                EncodedFile(r.blockPopulationTable, path: path("msoa_population.csv")),
                try EncodedFile(geoJSON: first, path: path("catchments.geojson"), options: options),
            ]
            if let layer = r.minShareLayer {
                files.append(try EncodedFile(geoJSON: layer, path: path("catchments_min_share.geojson"), options: options))
            }
            files.append(EncodedFile(r.provenance, path: path("catchments.json")))
            return files
        }
    }
}
