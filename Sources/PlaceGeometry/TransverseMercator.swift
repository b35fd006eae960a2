import Foundation

/// The ellipsoidal transverse Mercator projection as PROJ computes it by default (`+proj=tmerc`,
/// `algo=poder_engsager`): Poder and Engsager's extended form, geodetic ↔ Gaussian latitude and
/// spherical ↔ ellipsoidal transverse Mercator by sixth-order series in the third flattening n
/// (Krüger; König & Weise), each summed by Clenshaw's method.
struct TransverseMercator: Sendable {
    /// Six series coefficients (the last two lanes unused), held inline.
    typealias Coefficients = SIMD8<Double>

    /// Geodetic → Gaussian latitude coefficients, and back.
    private let toGaussian: Coefficients
    private let fromGaussian: Coefficients
    /// Spherical → ellipsoidal normalised northing/easting coefficients, and back.
    private let toEllipsoidal: Coefficients
    private let fromEllipsoidal: Coefficients
    /// The normalised meridian quadrant times the scale factor.
    private let quadrant: Double
    /// The normalised northing of the latitude of origin, negated.
    private let originNorthing: Double
    private let a: Double
    private let centralMeridian: Double
    private let falseEasting: Double
    private let falseNorthing: Double

    /// Beyond this normalised easting (150° of spherical longitude) PROJ refuses the point.
    static let easternLimit = 2.623395162778

    init(
        ellipsoid: Ellipsoid, latitudeOfOrigin: Double, centralMeridian: Double, scale: Double, falseEasting: Double,
        falseNorthing: Double
    ) {
        let n = ellipsoid.n
        // Each coefficient is n^k times a polynomial in n, evaluated by Horner’s rule as PROJ does.
        var p = n
        var gb = Coefficients()
        var bg = Coefficients()
        gb[0] = n * (2 + n * (-2 / 3.0 + n * (-2 + n * (116 / 45.0 + n * (26 / 45.0 + n * (-2854 / 675.0))))))
        bg[0] = n * (-2 + n * (2 / 3.0 + n * (4 / 3.0 + n * (-82 / 45.0 + n * (32 / 45.0 + n * (4642 / 4725.0))))))
        p *= n
        gb[1] = p * (7 / 3.0 + n * (-8 / 5.0 + n * (-227 / 45.0 + n * (2704 / 315.0 + n * (2323 / 945.0)))))
        bg[1] = p * (5 / 3.0 + n * (-16 / 15.0 + n * (-13 / 9.0 + n * (904 / 315.0 + n * (-1522 / 945.0)))))
        p *= n
        gb[2] = p * (56 / 15.0 + n * (-136 / 35.0 + n * (-1262 / 105.0 + n * (73814 / 2835.0))))
        bg[2] = p * (-26 / 15.0 + n * (34 / 21.0 + n * (8 / 5.0 + n * (-12686 / 2835.0))))
        p *= n
        gb[3] = p * (4279 / 630.0 + n * (-332 / 35.0 + n * (-399572 / 14175.0)))
        bg[3] = p * (1237 / 630.0 + n * (-12 / 5.0 + n * (-24832 / 14175.0)))
        p *= n
        gb[4] = p * (4174 / 315.0 + n * (-144838 / 6237.0))
        bg[4] = p * (-734 / 315.0 + n * (109598 / 31185.0))
        p *= n
        gb[5] = p * (601676 / 22275.0)
        bg[5] = p * (444337 / 155925.0)

        let n2 = n * n
        quadrant = scale / (1 + n) * (1 + n2 * (1 / 4.0 + n2 * (1 / 64.0 + n2 / 256.0)))
        var ug = Coefficients()
        var gu = Coefficients()
        ug[0] = n * (-0.5 + n * (2 / 3.0 + n * (-37 / 96.0 + n * (1 / 360.0 + n * (81 / 512.0 + n * (-96199 / 604800.0))))))
        gu[0] = n * (0.5 + n * (-2 / 3.0 + n * (5 / 16.0 + n * (41 / 180.0 + n * (-127 / 288.0 + n * (7891 / 37800.0))))))
        ug[1] = n2 * (-1 / 48.0 + n * (-1 / 15.0 + n * (437 / 1440.0 + n * (-46 / 105.0 + n * (1_118_711 / 3870720.0)))))
        gu[1] = n2 * (13 / 48.0 + n * (-3 / 5.0 + n * (557 / 1440.0 + n * (281 / 630.0 + n * (-1_983_433 / 1935360.0)))))
        p = n2 * n
        ug[2] = p * (-17 / 480.0 + n * (37 / 840.0 + n * (209 / 4480.0 + n * (-5569 / 90720.0))))
        gu[2] = p * (61 / 240.0 + n * (-103 / 140.0 + n * (15061 / 26880.0 + n * (167603 / 181440.0))))
        p *= n
        ug[3] = p * (-4397 / 161280.0 + n * (11 / 504.0 + n * (830251 / 7257600.0)))
        gu[3] = p * (49561 / 161280.0 + n * (-179 / 168.0 + n * (6_601_661 / 7257600.0)))
        p *= n
        ug[4] = p * (-4583 / 161280.0 + n * (108847 / 3991680.0))
        gu[4] = p * (34729 / 80640.0 + n * (-3_418_889 / 1995840.0))
        p *= n
        ug[5] = p * (-20_648_693 / 638668800.0)
        gu[5] = p * (212_378_941 / 319334400.0)

        toGaussian = bg
        fromGaussian = gb
        toEllipsoidal = gu
        fromEllipsoidal = ug
        let origin = Self.gaussian(bg, latitudeOfOrigin, cos(2 * latitudeOfOrigin), sin(2 * latitudeOfOrigin))
        originNorthing = -quadrant * (origin + Self.sineSeries(gu, 2 * origin))
        a = ellipsoid.a
        self.centralMeridian = centralMeridian
        self.falseEasting = falseEasting
        self.falseNorthing = falseNorthing
    }

    /// B + Σ c[k]·sin(2(k+1)B) by Clenshaw's recurrence, given cos 2B and sin 2B.
    @inline(__always)
    private static func gaussian(_ c: Coefficients, _ b: Double, _ cos2B: Double, _ sin2B: Double) -> Double {
        let twoCos = 2 * cos2B
        var h1 = c[5]
        var h2 = 0.0
        var h = 0.0
        for k in stride(from: 4, through: 0, by: -1) {
            h = -h2 + twoCos * h1 + c[k]
            h2 = h1
            h1 = h
        }
        return b + h * sin2B
    }

    /// Σ c[k]·sin((k+1)x) by Clenshaw's recurrence.
    private static func sineSeries(_ c: Coefficients, _ x: Double) -> Double {
        let twoCos = 2 * cos(x)
        var h1 = 0.0
        var h = c[5]
        for k in stride(from: 4, through: 0, by: -1) {
            let h2 = h1
            h1 = h
            h = -h2 + twoCos * h1 + c[k]
        }
        return sin(x) * h
    }

    /// Σ c[k]·sin(2(k+1)(x + iy)) by the complex Clenshaw recurrence, given sin, cos of 2x and sinh,
    /// cosh of 2y: returns its real and imaginary parts.
    @inline(__always)
    private static func complexSineSeries(
        _ c: Coefficients, _ sinX: Double, _ cosX: Double, _ sinhY: Double, _ coshY: Double
    ) -> (real: Double, imaginary: Double) {
        let r = 2 * cosX * coshY
        let i = -2 * sinX * sinhY
        var hr = c[5]
        var hi = 0.0
        var hr1 = 0.0
        var hi1 = 0.0
        for k in stride(from: 4, through: 0, by: -1) {
            let hr2 = hr1
            let hi2 = hi1
            hr1 = hr
            hi1 = hi
            hr = -hr2 + r * hr1 - i * hi1 + c[k]
            hi = -hi2 + i * hr1 + r * hi1
        }
        let sr = sinX * coshY
        let si = cosX * sinhY
        return (sr * hr - si * hi, sr * hi + si * hr)
    }

    /// Geodetic longitude (radians, from Greenwich) and latitude → easting and northing in metres.
    @inline(__always)
    func project(longitude: Double, latitude: Double) -> (easting: Double, northing: Double) {
        let lam = longitude - centralMeridian
        // Geodetic → Gaussian latitude.
        var cn = Self.gaussian(toGaussian, latitude, cos(2 * latitude), sin(2 * latitude))
        // Gaussian → complementary spherical latitude and longitude.
        let sinCn = sin(cn)
        let cosCn = cos(cn)
        let sinCe = sin(lam)
        let cosCe = cos(lam)
        let cosCnCosCe = cosCn * cosCe
        cn = atan2(sinCn, cosCnCosCe)
        let inverseDenominator = 1 / hypot(sinCn, cosCnCosCe)
        let tanCe = sinCe * cosCn * inverseDenominator
        var ce = asinh(tanCe)
        // sin, cos of 2cn and sinh, cosh of 2ce from the values at hand.
        let twoInverse = 2 * inverseDenominator
        let twoInverseSquared = twoInverse * inverseDenominator
        let t = cosCnCosCe * twoInverseSquared
        let sin2Cn = sinCn * t
        let cos2Cn = cosCnCosCe * t - 1
        let sinh2Ce = tanCe * twoInverse
        let cosh2Ce = twoInverseSquared - 1
        // Spherical → ellipsoidal normalised northing and easting.
        let d = Self.complexSineSeries(toEllipsoidal, sin2Cn, cos2Cn, sinh2Ce, cosh2Ce)
        cn += d.real
        ce += d.imaginary
        guard abs(ce) <= Self.easternLimit else { return (.infinity, .infinity) }
        // PROJ's classic projections return units of a, then add the false origin.
        let x = quadrant * ce * a
        let y = (quadrant * cn + originNorthing) * a
        return (x + falseEasting, y + falseNorthing)
    }

    /// Easting and northing in metres → geodetic longitude (radians, from Greenwich) and latitude.
    @inline(__always)
    func unproject(easting: Double, northing: Double) -> (longitude: Double, latitude: Double) {
        // PROJ removes the false origin, then scales by 1/a.
        let ra = 1 / a
        var cn = ((northing - falseNorthing) * ra - originNorthing) / quadrant
        var ce = (easting - falseEasting) * ra / quadrant
        guard abs(ce) <= Self.easternLimit else { return (.infinity, .infinity) }
        // Normalised northing and easting → complementary spherical latitude and longitude.
        let sin2Cn = sin(2 * cn)
        let cos2Cn = cos(2 * cn)
        let e = exp(2 * ce)
        let halfInverse = 0.5 / e
        let sinh2Ce = 0.5 * e - halfInverse
        let cosh2Ce = 0.5 * e + halfInverse
        let d = Self.complexSineSeries(fromEllipsoidal, sin2Cn, cos2Cn, sinh2Ce, cosh2Ce)
        cn += d.real
        ce += d.imaginary
        // → Gaussian latitude and longitude.
        let sinCn = sin(cn)
        let cosCn = cos(cn)
        let sinhCe = sinh(ce)
        ce = atan2(sinhCe, cosCn)
        let modulus = hypot(sinhCe, cosCn)
        cn = atan2(sinCn, modulus)
        // Gaussian → geodetic latitude, with sin, cos of 2cn from the values at hand.
        let t = 2 * modulus / (sinhCe * sinhCe + 1)
        let latitude = Self.gaussian(fromGaussian, cn, t * modulus - 1, sinCn * t)
        return (ce + centralMeridian, latitude)
    }

    /// The box around a longitude/latitude box (degrees) projected, as PROJ's `proj_create_crs_to_crs`
    /// computes it for an operation's area of use: 21 points along each edge, their extremes.
    func projectedBox(_ area: Bounds) -> Bounds {
        let steps = 20
        let stepX = (area.maxX - area.minX) / Double(steps)
        let stepY = (area.maxY - area.minY) / Double(steps)
        var box = Bounds(minX: .infinity, minY: .infinity, maxX: -.infinity, maxY: -.infinity)
        for j in 0...steps {
            let x = area.minX + Double(j) * stepX
            let y = area.minY + Double(j) * stepY
            for (lon, lat) in [(x, area.minY), (x, area.maxY), (area.minX, y), (area.maxX, y)] {
                let p = project(longitude: lon * OSGBHelmert.degreesToRadians, latitude: lat * OSGBHelmert.degreesToRadians)
                if p.easting.isFinite && p.northing.isFinite { box.include(x: p.easting, y: p.northing) }
            }
        }
        return box
    }
}
