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
    /// `placesStyle` as its QGIS style when given), coterminosity.json.
    public func add(_ r: Coterminosity, folder: String, placesStyle: LayerStyle? = nil) throws(PlacemapError) {
        let path = { (name: String) in OutputSet.join(folder, name) }
        try add(r.placesTable, to: path("places.csv"))
        try add(r.pairsTable, to: path("pairs.csv"))
        try add(r.systemsTable, to: path("systems.csv"))
        try add(r.borderTable, to: path("border.csv"))
        let options = LayerOutputOptions(provenance: r.provenance)
        try add(r.placesMap, to: path("places.geojson"), options: options)
        var styled = options
        styled.style = placesStyle
        try add(r.placesMap, to: path("places.gpkg"), options: styled)
        try add(r.provenance, to: path("coterminosity.json"))
    }

    /// moves.csv, areas.csv, places.csv and systems.csv (with places), changed_blocks.geojson and (with
    /// `geoPackage`) .gpkg, diff.json.
    public func add(_ r: FootprintDiff, coterminosity: FootprintCoterminosity?, folder: String, geoPackage: Bool = true)
        throws(PlacemapError)
    {
        let path = { (name: String) in OutputSet.join(folder, name) }
        try add(r.movesTable, to: path("moves.csv"))
        try add(r.areasTable, to: path("areas.csv"))
        let provenance = r.provenance(coterminosity: coterminosity)
        if let c = coterminosity {
            try add(c.placesTable, to: path("places.csv"))
            try add(c.systemsTable, to: path("systems.csv"))
        }
        let options = LayerOutputOptions(provenance: provenance)
        try add(r.changedBlocksLayer, to: path("changed_blocks.geojson"), options: options)
        if geoPackage { try add(r.changedBlocksLayer, to: path("changed_blocks.gpkg"), options: options) }
        try add(provenance, to: path("diff.json"))
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
    /// min-share polygons when asked for, and catchments.json.
    public func add(_ r: CatchmentReport, folder: String) throws(PlacemapError) {
        let path = { (name: String) in OutputSet.join(folder, name) }
        try add(r.trustsTable, to: path("trusts.csv"))
        try add(r.trustPlacesTable, to: path("trust_places.csv"))
        try add(r.trustSystemsTable, to: path("trust_systems.csv"))
        try add(r.placesServedTable, to: path("places_served.csv"))
        try add(r.blockPopulationTable, to: path("msoa_population.csv"))
        let options = LayerOutputOptions(provenance: r.provenance)
        let first = r.firstPastThePostLayer
        try add(first, to: path("catchments.geojson"), options: options)
        try add(first, to: path("catchments.gpkg"), options: options)
        if let minShareLayer = r.minShareLayer {
            try add(minShareLayer, to: path("catchments_min_share.geojson"), options: options)
        }
        try add(r.provenance, to: path("catchments.json"))
    }
}
