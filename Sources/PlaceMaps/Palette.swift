/// Colours of the maps: the UK Government Analysis Function palettes (colour-blind safe), with the
/// status of a place never shown by colour alone (split places also get a heavy outline and a label).
public enum Palette {
    /// Analysis Function categorical colours: dark blue, turquoise, dark pink, orange, dark grey, light purple.
    public static let categorical = ["#12436D", "#28A197", "#801650", "#F46A25", "#3D3D3D", "#A285D1"]

    /// The fill of each place status: Analysis Function colours and tints whose luminances form a
    /// ladder (split 0.06, outside 0.16, coterminous 0.28, undecidable 0.42, partly outside 0.67), so
    /// that every pair is also told apart in greyscale (contrast at least 1.4:1).
    public static func status(_ status: String) -> String {
        switch status {
        case "coterminous": return "#28A197"
        case "split": return "#801650"
        case "undecidable": return "#F6965A"
        case "partly outside": return "#DCD0F0"
        default: return "#707070"
        }
    }

    /// Every status a place can have, in the order of the legends and tables.
    public static let statuses = ["coterminous", "split", "undecidable", "partly outside", "outside"]

    /// A status as a CSS class name (`partly outside` → `partly-outside`).
    public static func statusClass(_ status: String) -> String {
        status.replacingOccurrences(of: " ", with: "-")
    }

    /// What each status means, for legends: `systems` names the systems' geography (e.g. `ICB24`).
    public static func statusLabel(_ status: String, systems: String) -> String {
        switch status {
        case "coterminous": return "Coterminous: wholly in one \(systems)"
        case "split": return "Split between \(systems)s (outlined, labelled)"
        case "undecidable": return "Undecidable: the layers disagree too much to tell"
        case "partly outside": return "Partly outside every \(systems)"
        case "outside": return "Outside every \(systems)"
        default: return status
        }
    }
    /// Outlines of systems drawn over places.
    public static let outline = "#12436D"
    public static let text = "#0B0C0C"
    public static let background = "#FFFFFF"
    public static let highlight = "#F46A25"
    public static let context = "#E6E6E6"

    /// A sequential palette of `n` steps from a pale tint to the Analysis Function dark blue (#12436D).
    public static func sequential(_ n: Int) -> [String] {
        let light = (0xD2, 0xE3, 0xF3)
        let dark = (0x12, 0x43, 0x6D)
        return (0..<n).map { i in
            let t = n == 1 ? 1 : Double(i) / Double(n - 1)
            let mix = { (a: Int, b: Int) in Int((Double(a) + (Double(b) - Double(a)) * t).rounded()) }
            return hex(mix(light.0, dark.0), mix(light.1, dark.1), mix(light.2, dark.2))
        }
    }

    static func hex(_ r: Int, _ g: Int, _ b: Int) -> String {
        let digits = Array("0123456789ABCDEF")
        return "#" + [r, g, b].map { String(digits[$0 / 16]) + String(digits[$0 % 16]) }.joined()
    }

    /// WCAG relative luminance of a `#RRGGBB` colour.
    public static func luminance(_ colour: String) -> Double {
        let digits = Array(colour.dropFirst())
        guard digits.count == 6 else { return 0 }
        func channel(_ i: Int) -> Double {
            let v = Double(Int(String(digits[i..<(i + 2)]), radix: 16) ?? 0) / 255
            return v <= 0.03928 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4)
    }

    /// WCAG contrast ratio between two colours (1 to 21).
    public static func contrast(_ a: String, _ b: String) -> Double {
        let (la, lb) = (luminance(a), luminance(b))
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
