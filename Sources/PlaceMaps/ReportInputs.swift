import Foundation
import PlaceAnalysis
import PlaceGeometry
import PlaceIO
import PlaceOutput

/// Reads what `coterminosity`, `contiguity`, `catchments` and `diff` wrote into a folder (or into its
/// immediate subfolders, as the main job writes them) into the content of a report.
public enum ReportInputs {
    /// The files that mark each analysis's output folder.
    public static let markers = ["coterminosity.json", "contiguity.json", "catchments.json", "diff.json"]

    /// The report content of `folder`; a folder holding none of the analyses' outputs is a usage error
    /// naming the files looked for.
    public static func read(folder: String, title: String? = nil) throws(InputError) -> ReportContent {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw InputError(
                .io, file: folder, message: "is not a folder",
                hint: "give the --out folder of coterminosity, contiguity, catchments or diff")
        }
        var folders = [folder]
        let children = ((try? fm.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        for child in children {
            let path = folder + "/" + child
            if fm.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue { folders.append(path) }
        }
        var content = ReportContent(title: title ?? "Placemap report: " + URL(fileURLWithPath: folder).lastPathComponent)
        for f in folders {
            if fm.fileExists(atPath: f + "/coterminosity.json") { content.coterminosity.append(try coterminosity(f)) }
        }
        for f in folders {
            if fm.fileExists(atPath: f + "/contiguity.json") {
                content.contiguity.append(try contiguity(f, background: content.coterminosity.first?.systems ?? []))
            }
            if content.catchments == nil, fm.fileExists(atPath: f + "/catchments.json") { content.catchments = try catchments(f) }
            if fm.fileExists(atPath: f + "/diff.json") { content.diffs.append(try diff(f)) }
        }
        guard !content.isEmpty else {
            let looked = folders.flatMap { f in markers.map { f + "/" + $0 } }
            throw InputError(
                .usage, file: folder, message: "holds no analysis output: looked for " + looked.joined(separator: ", "),
                hint:
                    "run placemap coterminosity, contiguity, catchments or diff with --out \(folder) first, or give --places and --systems")
        }
        return content
    }

    // MARK: Files

    static func json(_ path: String) throws(InputError) -> JSONValue {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw InputError(.io, file: path, message: "cannot be read: \(error.localizedDescription)")
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) else {
            throw InputError(.badData, file: path, message: "is not JSON", hint: "write it again with placemap")
        }
        return value(object)
    }

    static func value(_ any: Any) -> JSONValue {
        switch any {
        case let d as [String: Any]: return .object(JSONObject(d.keys.sorted().map { ($0, value(d[$0] ?? NSNull())) }))
        case let a as [Any]: return .array(a.map(value))
        case let s as String: return .string(s)
        case let n as NSNumber:
            // Foundation reads true and false as a boolean subclass of NSNumber.
            return String(describing: type(of: n)).contains("Boolean") ? .bool(n.boolValue) : .number(n.doubleValue)
        default: return .null
        }
    }

    static func member(_ v: JSONValue?, _ path: String...) -> JSONValue? {
        var v = v
        for key in path {
            guard case .object(let o)? = v else { return nil }
            v = o[key]
        }
        return v
    }

    static func table(_ path: String) throws(InputError) -> CSVTable { try CSVReader.read(path: path) }

    /// The count attributes an analysis carried (`attributes.variables` of kind `counts` in its sidecar).
    static func countColumns(_ attributes: JSONValue?) -> [String] {
        guard case .array(let variables)? = member(attributes, "variables") else { return [] }
        return variables.compactMap { v in member(v, "kind")?.text == "counts" ? member(v, "variable")?.text : nil }
    }

    /// The values of `columns` (each named with `suffix`) in row `r` of `table`; bad data naming the file
    /// and column when one is missing or not a count.
    static func counts(_ table: NamedColumns, _ r: Int, _ columns: [String], suffix: String = "") throws(InputError) -> [Double] {
        var out: [Double] = []
        for c in columns { out.append(try table.count(r, c + suffix)) }
        return out
    }

    /// Rows of `table` as dictionaries by column name.
    static func records(_ table: CSVTable) -> [[String: String]] {
        table.rows.map { row in Dictionary(zip(table.header, row).map { ($0, $1) }, uniquingKeysWith: { a, _ in a }) }
    }

    /// A layer named by a provenance member (`file`, `code_field`, `name_field`), in EPSG:27700; nil when
    /// the file is no longer there.
    static func analysisLayer(_ provenance: JSONValue?) throws(InputError) -> AnalysisLayer? {
        guard let file = member(provenance, "file")?.text, FileManager.default.fileExists(atPath: file) else { return nil }
        let raw = try LayerReader.read(path: file)
        let fields = try LayerFields.detect(
            in: raw, code: member(provenance, "code_field")?.text, name: member(provenance, "name_field")?.text)
        return try AnalysisLayer(raw, fields: fields)
    }

    // MARK: Analyses

    static func coterminosity(_ folder: String) throws(InputError) -> CoterminosityView {
        let provenance = try json(folder + "/coterminosity.json")
        let layer = try GeoJSONReader.read(path: folder + "/places.geojson").reprojected(to: .britishNationalGrid)
        let weighted = member(provenance, "shares_by")?.text == "population"
        let countColumns = weighted ? Self.countColumns(member(provenance, "population", "attributes")) : []
        var pairPopulation: [String: Double] = [:]
        var pairCounts: [String: [Double]] = [:]
        if weighted {
            let pairs = try NamedColumns(
                table(folder + "/pairs.csv"), required: ["place_code", "system_code", "population", "sliver"] + countColumns)
            for r in pairs.table.rows.indices where pairs.text(r, "sliver") != "true" {
                let key = pairs.text(r, "place_code") + "|" + pairs.text(r, "system_code")
                pairPopulation[key] = Double(pairs.text(r, "population"))
                if !countColumns.isEmpty { pairCounts[key] = try counts(pairs, r, countColumns) }
            }
        }
        var places: [MapPlace] = []
        for (i, f) in layer.features.enumerated() {
            let p = f.properties
            guard let code = p["place_code"]?.text, let status = p["status"]?.text else {
                throw InputError(
                    .badData, file: folder + "/places.geojson", featureIndex: i, field: "place_code",
                    message: "has no place_code or status", hint: "this is not a places.geojson written by placemap coterminosity")
            }
            var shares: [PlaceShare] = []
            if case .array(let systems)? = p["systems"] {
                for s in systems {
                    let systemCode = member(s, "code")?.text ?? ""
                    let share = (weighted ? member(s, "population_share") : member(s, "area_share"))?.number ?? 0
                    shares.append(
                        PlaceShare(
                            systemCode: systemCode, systemName: Coterminosity.short(member(s, "name")?.text ?? systemCode), share: share,
                            population: pairPopulation[code + "|" + systemCode], counts: pairCounts[code + "|" + systemCode] ?? []))
                }
            }
            places.append(
                MapPlace(
                    code: code, name: p["place_name"]?.text ?? code, status: status, shape: f.shape, population: p["population"]?.number,
                    shares: shares))
        }
        let systemsLayer = try analysisLayer(member(provenance, "systems"))
        let shapeOf = systemsLayer.map { l in Dictionary(uniqueKeysWithValues: zip(l.codes, l.features.map(\.shape))) } ?? [:]
        let systems = records(try table(folder + "/systems.csv")).map { r in
            let code = r["system_code"] ?? ""
            return MapSystem(
                code: code, name: Coterminosity.short(r["system_name"] ?? code), shape: shapeOf[code],
                population: Double(r["population"] ?? ""))
        }
        var view = CoterminosityView(
            id: Drawing.slug(URL(fileURLWithPath: folder).lastPathComponent),
            placesGeography: member(provenance, "places", "geography")?.text ?? "places",
            systemsGeography: member(provenance, "systems", "geography")?.text ?? "systems", places: places, systems: systems,
            weighted: weighted, provenance: provenance)
        view.countColumns = countColumns
        return view
    }

    static func contiguity(_ folder: String, background: [MapSystem]) throws(InputError) -> ContiguityView {
        let provenance = try json(folder + "/contiguity.json")
        let names = Dictionary(background.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        var groups: [ContiguityView.Group] = []
        let groupsFile = folder + "/groups.csv"
        if FileManager.default.fileExists(atPath: groupsFile) {
            for r in records(try table(groupsFile)) {
                let code = r["group"] ?? ""
                groups.append(
                    ContiguityView.Group(
                        code: code, name: names[code] ?? code, members: Int(r["n_members"] ?? "") ?? 0,
                        pieces: Int(r["n_pieces"] ?? "") ?? 1,
                        exclaves: (r["exclaves"] ?? "").split(separator: ";").map(String.init)))
            }
        }
        var shapes: [String: Shape] = [:]
        var exclaveNames: [String: String] = [:]
        let wanted = Set(groups.flatMap(\.exclaves))
        if !wanted.isEmpty, let layer = try analysisLayer(member(provenance, "layer")) {
            for (i, code) in layer.codes.enumerated() where wanted.contains(code) {
                shapes[code] = layer.features[i].shape
                exclaveNames[code] = layer.names[i]
            }
        }
        return ContiguityView(
            id: Drawing.slug(URL(fileURLWithPath: folder).lastPathComponent),
            layerGeography: member(provenance, "layer", "geography")?.text ?? "features", groups: groups, exclaveShapes: shapes,
            exclaveNames: exclaveNames, background: background, provenance: provenance)
    }

    static func catchments(_ folder: String) throws(InputError) -> CatchmentView {
        let provenance = try json(folder + "/catchments.json")
        let polygons = try GeoJSONReader.read(path: folder + "/catchments.geojson").reprojected(to: .britishNationalGrid)
        var fptp: [String: Shape] = [:]
        for f in polygons.features { if let code = f.properties["trust_code"]?.text { fptp[code] = f.shape } }
        var places: [String: [(code: String, name: String, population: Double, shareOfTrust: Double)]] = [:]
        for r in records(try table(folder + "/trust_places.csv")) {
            places[r["trust_code"] ?? "", default: []].append(
                (r["place_code"] ?? "", r["place_name"] ?? "", Double(r["population"] ?? "") ?? 0, Double(r["share_of_trust"] ?? "") ?? 0))
        }
        // Each small area's share by trust, from the shares table named in the provenance.
        var shares: [String: [String: Double]] = [:]
        if let file = member(provenance, "shares")?.text, FileManager.default.fileExists(atPath: file) {
            let t = try table(file)
            if let a = t.firstColumn(among: ["msoa_code", "area_code", "msoa11_code", "code"]),
                let tr = t.firstColumn(among: ["trust_code", "provider_code"]),
                let v = t.firstColumn(among: ["proportion", "share", "value"])
            {
                for row in t.rows { if let share = Double(row[v]) { shares[row[tr], default: [:]][row[a]] = share } }
            }
        }
        var blocks: [String: Shape] = [:]
        if !shares.isEmpty, let layer = try analysisLayer(member(provenance, "blocks")) {
            blocks = Dictionary(zip(layer.codes, layer.features.map(\.shape)), uniquingKeysWith: { a, _ in a })
        }
        let countColumns = Self.countColumns(member(provenance, "attributes"))
        let methods = ["_proportional", "_first_past_the_post"]
        let trustTable = try NamedColumns(
            table(folder + "/trusts.csv"), required: ["trust_code"] + methods.flatMap { m in countColumns.map { $0 + m } })
        var trusts: [CatchmentView.Trust] = []
        for (i, r) in records(trustTable.table).enumerated() {
            let code = r["trust_code"] ?? ""
            var trust = CatchmentView.Trust(
                code: code, name: r["trust_name"] ?? code, populationProportional: Double(r["population_proportional"] ?? "") ?? 0,
                populationFirstPastThePost: Double(r["population_first_past_the_post"] ?? "") ?? 0, firstPastThePost: fptp[code],
                shares: shares[code] ?? [:], places: places[code] ?? [])
            trust.countsProportional = try counts(trustTable, i, countColumns, suffix: methods[0])
            trust.countsFirstPastThePost = try counts(trustTable, i, countColumns, suffix: methods[1])
            trusts.append(trust)
        }
        var view = CatchmentView(
            trusts: trusts, blocks: blocks, blocksGeography: member(provenance, "blocks", "geography")?.text ?? "small area",
            provenance: provenance)
        view.countColumns = countColumns
        return view
    }
}
