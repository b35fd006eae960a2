/// Which properties of a layer hold each feature's code and name.
///
/// Detected from ONS-style names (`LAD24CD`/`LAD24NM`) or `*_code`/`*_name` pairs, or given
/// explicitly. `prefix` is the geography and vintage, e.g. "LAD24", used to name output columns.
public struct LayerFields: Sendable, Equatable {
    public var code: String
    public var name: String?

    public init(code: String, name: String?) {
        self.code = code
        self.name = name
    }

    /// Detects the fields, letting `code` or `name` override either; a usage error when there is no
    /// code field, naming the properties there are.
    public static func detect(in layer: Layer, code: String? = nil, name: String? = nil) throws(PlacemapError) -> LayerFields {
        let keys = layer.features.first?.properties.keys ?? []
        if let code {
            guard layer.features.isEmpty || keys.contains(code) else {
                throw PlacemapError(
                    .usage, file: layer.source, field: code, message: "no such property",
                    hint: "the properties are: " + keys.joined(separator: ", "))
            }
            return LayerFields(code: code, name: name ?? partner(of: code, in: keys))
        }
        guard let found = keys.first(where: { isCodeField($0) }) else {
            throw PlacemapError(
                .usage, file: layer.source, message: "no code field found (looked for XXnnCD or *_code)",
                hint: "name it with the layer's code option (--code, or by role --places-code, --systems-code, …); the properties are: "
                    + keys.joined(separator: ", "))
        }
        return LayerFields(code: found, name: name ?? partner(of: found, in: keys))
    }

    static func isCodeField(_ key: String) -> Bool {
        let k = key.lowercased()
        if k.hasSuffix("_code") || k == "code" { return true }
        guard k.hasSuffix("cd"), k.count >= 4 else { return false }
        return k.dropLast(2).last?.isNumber == true
    }

    /// The name field that goes with a code field: "icb24_code" → "icb24_name", "LAD24CD" → "LAD24NM".
    public static func partner(of code: String, in keys: [String]) -> String? {
        let candidates: [String]
        if code.lowercased().hasSuffix("_code") {
            let stem = String(code.dropLast(5))
            candidates = [stem + "_name", stem + "_NAME", stem + "_Name"]
        } else if code.lowercased() == "code" {
            candidates = ["name", "NAME", "Name"]
        } else {
            let stem = String(code.dropLast(2))
            candidates = [stem + "NM", stem + "nm", stem + "NMW"]
        }
        return candidates.first { keys.contains($0) }
    }

    /// The geography and vintage in upper case: "LAD24CD" → "LAD24", "ltla24_code" → "LTLA24".
    public var prefix: String {
        let k = code
        if k.lowercased().hasSuffix("_code") { return String(k.dropLast(5)).uppercased() }
        if k.lowercased().hasSuffix("cd") { return String(k.dropLast(2)).uppercased() }
        return k.uppercased()
    }

    /// Every feature's code and name, failing on a missing or empty code.
    public func values(in layer: Layer) throws(PlacemapError) -> [(code: String, name: String)] {
        var out: [(String, String)] = []
        out.reserveCapacity(layer.features.count)
        for (i, f) in layer.features.enumerated() {
            guard let c = f.properties[code]?.text, !c.isEmpty else {
                throw PlacemapError(
                    .badData, file: layer.source, featureIndex: i, field: code, message: "the code is missing or empty",
                    hint:
                        "every feature needs a code; fix the feature or choose another field with the layer's code option (--code, --places-code, …)"
                )
            }
            out.append((c, name.flatMap { f.properties[$0]?.text } ?? ""))
        }
        return out
    }

    /// Codes that occur more than once, with the feature indices of each, in file order.
    public func duplicates(in layer: Layer) -> [(code: String, indices: [Int])] {
        var seen: [String: [Int]] = [:]
        var order: [String] = []
        for (i, f) in layer.features.enumerated() {
            guard let c = f.properties[code]?.text else { continue }
            if seen[c] == nil { order.append(c) }
            seen[c, default: []].append(i)
        }
        return order.compactMap { c in seen[c].flatMap { $0.count > 1 ? (c, $0) : nil } }
    }

    /// Codes and names, failing on duplicates too: the form analyses need.
    public func uniqueValues(in layer: Layer) throws(PlacemapError) -> [(code: String, name: String)] {
        let values = try values(in: layer)
        var seen = Set<String>(minimumCapacity: values.count)
        guard !values.allSatisfy({ seen.insert($0.code).inserted }) else { return values }
        if let (c, indices) = duplicates(in: layer).first {
            throw PlacemapError(
                .badData, file: layer.source, featureIndex: indices[1], featureCode: c, field: code,
                message: "duplicate code: features \(indices.map(String.init).joined(separator: ", ")) share it",
                hint: "dissolve the duplicates into one feature (placemap dissolve) or choose another code field")
        }
        return values
    }
}
