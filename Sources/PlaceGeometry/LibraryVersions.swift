import CGEOS
import CPROJ

/// The GEOS and PROJ that placemap was built against and the ones it runs with.
public enum LibraryVersions {
    /// The GEOS version of the headers at build time (`GEOS_VERSION`).
    public static let geosBuilt = GEOS_VERSION
    /// The PROJ version of the headers at build time (`PROJ_VERSION_MAJOR.MINOR.PATCH`).
    public static let projBuilt = "\(PROJ_VERSION_MAJOR).\(PROJ_VERSION_MINOR).\(PROJ_VERSION_PATCH)"

    /// "GEOS 3.11.1, PROJ 9.1.1" as running.
    public static var running: String { "GEOS \(GEOSContext.geosVersion), PROJ \(CoordinateTransform.projVersion)" }

    /// A sentence naming each library whose running major.minor differs from the one built against,
    /// or nil when they agree (a different patch release is compatible).
    public static var mismatch: String? {
        var problems: [String] = []
        if !sameRelease(GEOSContext.geosVersion, geosBuilt) {
            problems.append("GEOS \(GEOSContext.geosVersion) is loaded but placemap was built for GEOS \(geosBuilt)")
        }
        if !sameRelease(CoordinateTransform.projVersion, projBuilt) {
            problems.append("PROJ \(CoordinateTransform.projVersion) is loaded but placemap was built for PROJ \(projBuilt)")
        }
        return problems.isEmpty ? nil : problems.joined(separator: "; ")
    }

    /// True when both versions have the same major and minor numbers.
    public static func sameRelease(_ a: String, _ b: String) -> Bool {
        let release = { (v: String) in v.split(whereSeparator: { !$0.isNumber }).prefix(2).map(String.init) }
        return release(a) == release(b)
    }
}
