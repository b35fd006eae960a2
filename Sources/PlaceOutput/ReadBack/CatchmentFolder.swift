import Foundation
import PlaceAnalysis
import PlaceGeometry
import PlaceIO

extension OutputFolder {
    /// catchments.json, catchments.geojson (the shapes from catchments.gpkg when it is there), trust_places.csv and trusts.csv of `folder`, each small
    /// area's share by trust from the shares table named in the provenance, and the small areas'
    /// shapes from the layer named there.
    static func catchments(_ folder: String) throws(PlacemapError) -> CatchmentRecord {
        typealias C = CatchmentColumns
        let provenance = try JSONReader.read(path: folder + "/catchments.json")
        let polygons = try GeoJSONReader.read(path: folder + "/catchments.geojson").reprojected(to: .britishNationalGrid)
        let exact = try exactShapes(folder + "/catchments.gpkg", codeField: C.trustCode)
        var fptp: [String: Shape] = [:]
        for f in polygons.features { if let code = f.properties[C.trustCode]?.text { fptp[code] = exact[code] ?? f.shape } }
        var places: [String: [CatchmentRecord.Place]] = [:]
        let placesTable = try NamedColumns(table(folder + "/trust_places.csv"), required: [])
        for r in placesTable.rows {
            let t = placesTable
            places[t.text(r, C.trustCode), default: []].append(
                (
                    t.text(r, C.placeCode), t.text(r, C.placeName),
                    Double(t.text(r, C.population)) ?? 0, Double(t.text(r, C.shareOfTrust)) ?? 0
                ))
        }
        let shares = try patientShares(provenance.member("shares")?.text)
        var blocks: [String: Shape] = [:]
        if !shares.isEmpty, let layer = try analysisLayer(provenance.member("blocks")) {
            blocks = Dictionary(zip(layer.codes, layer.features.map(\.shape)), uniquingKeysWith: { a, _ in a })
        }
        let countColumns = Self.countColumns(provenance.member("attributes"))
        let methods = [C.proportional, C.firstPastThePost]
        let trustTable = try NamedColumns(
            table(folder + "/trusts.csv"), required: [C.trustCode] + methods.flatMap { m in countColumns.map { $0 + m } })
        var trusts: [CatchmentRecord.Trust] = []
        for r in trustTable.rows {
            let code = trustTable.text(r, C.trustCode)
            var trust = CatchmentRecord.Trust(
                code: code, name: trustTable.has(C.trustName) ? trustTable.text(r, C.trustName) : code,
                populationProportional: Double(trustTable.text(r, C.populationProportional)) ?? 0,
                populationFirstPastThePost: Double(trustTable.text(r, C.populationFirstPastThePost)) ?? 0, firstPastThePost: fptp[code],
                shares: shares[code] ?? [:], places: places[code] ?? [])
            trust.countsProportional = try trustTable.counts(r, countColumns, suffix: methods[0])
            trust.countsFirstPastThePost = try trustTable.counts(r, countColumns, suffix: methods[1])
            trusts.append(trust)
        }
        return CatchmentRecord(
            trusts: trusts, blocks: blocks, blocksGeography: provenance.member("blocks", "geography")?.text ?? "small area",
            countColumns: countColumns, provenance: provenance)
    }

    /// Each small area's share of patients by trust, from the shares table `file` (OHID's columns or
    /// their usual alternatives); empty when the file is no longer there.
    static func patientShares(_ file: String?) throws(PlacemapError) -> [String: [String: Double]] {
        guard let file, FileManager.default.fileExists(atPath: file) else { return [:] }
        let t = try table(file)
        guard let a = t.firstColumn(among: ["msoa_code", "area_code", "msoa11_code", "code"]),
            let tr = t.firstColumn(among: ["trust_code", "provider_code"]),
            let v = t.firstColumn(among: ["proportion", "share", "value"])
        else { return [:] }
        var shares: [String: [String: Double]] = [:]
        for row in t.rows { if let share = Double(row[v]) { shares[row[tr], default: [:]][row[a]] = share } }
        return shares
    }
}
