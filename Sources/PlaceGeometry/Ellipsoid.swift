import Foundation

/// An ellipsoid with the derived constants PROJ computes from a and 1/f (`pj_calc_ellipsoid_params`),
/// and PROJ's `cart` conversions.
struct Ellipsoid: Sendable {
    let a: Double
    let b: Double
    /// First eccentricity squared.
    let es: Double
    /// Second eccentricity squared.
    let secondEs: Double
    /// Third flattening.
    let n: Double

    init(semiMajorAxis a: Double, inverseFlattening: Double) {
        let f = 1 / inverseFlattening
        self.a = a
        es = 2 * f - f * f
        // PROJ goes through the angular eccentricity.
        let angular = asin(es.squareRoot())
        let e2 = tan(angular)
        secondEs = e2 * e2
        n = pow(tan(angular / 2), 2)
        b = (1 - f) * a
    }

    /// Geodetic longitude and latitude (radians, height 0) → geocentric X, Y, Z in metres.
    @inline(__always)
    func geocentric(longitude: Double, latitude: Double) -> (x: Double, y: Double, z: Double) {
        let sinLat = sin(latitude)
        let cosLat = cos(latitude)
        // Radius of curvature in the prime vertical.
        let nu = a / (1 - es * sinLat * sinLat).squareRoot()
        return (nu * cosLat * cos(longitude), nu * cosLat * sin(longitude), nu * (1 - es) * sinLat)
    }

    /// Geocentric X, Y, Z → geodetic longitude and latitude in radians, by Bowring's formula with the
    /// parametric latitude as its starting point (the height is not needed).
    @inline(__always)
    func geodetic(_ p: (x: Double, y: Double, z: Double)) -> (longitude: Double, latitude: Double) {
        let distance = hypot(p.x, p.y)
        let sinParametric = p.z * a
        let cosParametric = distance * b
        let norm = hypot(sinParametric, cosParametric)
        let c = norm == 0 ? 1 : cosParametric / norm
        let s = norm == 0 ? 0 : sinParametric / norm
        let numerator = p.z + secondEs * b * s * s * s
        let denominator = distance - es * a * c * c * c
        let latitude = denominator <= 0 ? (p.z >= 0 ? Double.pi / 2 : -Double.pi / 2) : atan(numerator / denominator)
        return (atan2(p.y, p.x), latitude)
    }
}
