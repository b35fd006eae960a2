import PlaceAnalysis
import PlaceGeometry
import PlaceIO

extension OutputFolder {
    /// coterminosity.json, places.geojson (the shapes from places.gpkg when it is there), pairs.csv
    /// (with population) and systems.csv of `folder`, and the systems' shapes from the layer named in
    /// the provenance.
    static func coterminosity(_ folder: String) throws(PlacemapError) -> CoterminosityRecord {
        typealias C = CoterminosityColumns
        let provenance = try JSONReader.read(path: folder + "/coterminosity.json")
        let layer = try GeoJSONReader.read(path: folder + "/places.geojson").reprojected(to: .britishNationalGrid)
        let weighted = provenance.member("shares_by")?.text == "population"
        let countColumns = weighted ? Self.countColumns(provenance.member("population", "attributes")) : []
        var pairPopulation: [String: Double] = [:]
        var pairCounts: [String: [Double]] = [:]
        if weighted {
            let pairs = try NamedColumns(
                table(folder + "/pairs.csv"), required: [C.placeCode, C.systemCode, C.population, C.sliver] + countColumns)
            for r in pairs.rows where pairs.text(r, C.sliver) != "true" {
                let key = pairs.text(r, C.placeCode) + "|" + pairs.text(r, C.systemCode)
                pairPopulation[key] = Double(pairs.text(r, C.population))
                if !countColumns.isEmpty { pairCounts[key] = try pairs.counts(r, countColumns) }
            }
        }
        let exact = try exactShapes(folder + "/places.gpkg", codeField: C.placeCode)
        var places: [CoterminosityRecord.Place] = []
        for (i, f) in layer.features.enumerated() {
            let p = f.properties
            guard let code = p[C.placeCode]?.text, let status = p[C.status]?.text else {
                throw PlacemapError(
                    .badData, file: folder + "/places.geojson", featureIndex: i, field: C.placeCode,
                    message: "has no place_code or status", hint: "this is not a places.geojson written by placemap coterminosity")
            }
            var shares: [CoterminosityRecord.Share] = []
            if case .array(let systems)? = p[C.systems] {
                for s in systems {
                    let systemCode = s.member(C.code)?.text ?? ""
                    let key = code + "|" + systemCode
                    shares.append(
                        CoterminosityRecord.Share(
                            systemCode: systemCode, systemName: Coterminosity.short(s.member(C.name)?.text ?? systemCode),
                            share: s.member(weighted ? C.populationShare : C.areaShare)?.number ?? 0,
                            population: pairPopulation[key], counts: pairCounts[key] ?? []))
                }
            }
            places.append(
                CoterminosityRecord.Place(
                    code: code, name: p[C.placeName]?.text ?? code, status: status, shape: exact[code] ?? f.shape,
                    population: p[C.population]?.number,
                    shares: shares))
        }
        let systemsLayer = try analysisLayer(provenance.member("systems"))
        let shapeOf = systemsLayer.map { l in Dictionary(zip(l.codes, l.features.map(\.shape)), uniquingKeysWith: { a, _ in a }) } ?? [:]
        let systemsTable = try NamedColumns(table(folder + "/systems.csv"), required: [])
        let systems = systemsTable.rows.map { r in
            let code = systemsTable.text(r, C.systemCode)
            let name = systemsTable.text(r, C.systemName)
            return CoterminosityRecord.System(
                code: code, name: Coterminosity.short(systemsTable.has(C.systemName) ? name : code), shape: shapeOf[code],
                population: Double(systemsTable.text(r, C.population)))
        }
        return CoterminosityRecord(
            placesGeography: provenance.member("places", "geography")?.text ?? "places",
            systemsGeography: provenance.member("systems", "geography")?.text ?? "systems", places: places, systems: systems,
            weighted: weighted, countColumns: countColumns, provenance: provenance)
    }
}
