import CGDAL

/// The attribute columns a layer is written with: one per property key in order of first
/// appearance, typed by the values (whole numbers INTEGER, other numbers REAL, booleans as
/// boolean integers, text and anything mixed as strings), with names made unique (ignoring case)
/// and short enough for the format.
struct OGRColumns {
    var keys: [String] = []
    var names: [String] = []
    var types: [OGRFieldType] = []
    var subTypes: [OGRFieldSubType] = []
    /// The widest string of each column in bytes (Shapefiles need a width).
    var widths: [Int] = []
    /// What was renamed, to tell the user.
    var renamed: [(key: String, name: String)] = []

    /// `reserved` are names the format uses itself (the FID and geometry columns); `maxLength`
    /// limits names in bytes (10 for a Shapefile's dBASE table).
    init(_ layer: Layer, reserved: [String], maxLength: Int? = nil) {
        enum Kind { case bool, integer, real, string }
        var kinds: [String: Set<Kind>] = [:]
        var width: [String: Int] = [:]
        for f in layer.features {
            for (k, v) in f.properties.members {
                if kinds[k] == nil { keys.append(k) }
                var kind = kinds[k] ?? []
                switch v {
                case .null: break
                case .bool: kind.insert(.bool)
                case .number(let n): kind.insert(n.rounded() == n && abs(n) < 9e15 ? .integer : .real)
                case .string(let s):
                    kind.insert(.string)
                    width[k] = max(width[k] ?? 0, s.utf8.count)
                case .array, .object:
                    kind.insert(.string)
                    width[k] = max(width[k] ?? 0, JSONText.text(v).utf8.count)
                }
                kinds[k] = kind
            }
        }
        var used = Set(reserved.map { $0.lowercased() })
        for k in keys {
            let kind = kinds[k] ?? []
            if kind == [.bool] {
                types.append(OFTInteger)
                subTypes.append(OFSTBoolean)
            } else if !kind.isEmpty, kind.isSubset(of: [.integer]) {
                types.append(OFTInteger64)
                subTypes.append(OFSTNone)
            } else if !kind.isEmpty, kind.isSubset(of: [.integer, .real]) {
                types.append(OFTReal)
                subTypes.append(OFSTNone)
            } else {
                types.append(OFTString)
                subTypes.append(OFSTNone)
            }
            widths.append(width[k] ?? 1)
            var name = maxLength.map { OGRColumns.prefix(k, bytes: $0) } ?? k
            var n = 1
            while used.contains(name.lowercased()) {
                let suffix = "_\(n)"
                name = maxLength.map { OGRColumns.prefix(k, bytes: $0 - suffix.utf8.count) + suffix } ?? k + suffix
                n += 1
            }
            used.insert(name.lowercased())
            names.append(name)
            if name != k { renamed.append((k, name)) }
        }
    }

    /// The longest prefix of `text` of at most `bytes` UTF-8 bytes.
    private static func prefix(_ text: String, bytes: Int) -> String {
        var out = ""
        for c in text {
            guard out.utf8.count + String(c).utf8.count <= bytes else { break }
            out.append(c)
        }
        return out
    }
}
