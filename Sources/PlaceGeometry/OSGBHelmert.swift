import Foundation

/// WGS 84 longitude/latitude ↔ British National Grid (EPSG:27700) through the EPSG transformation
/// "OSGB36 to WGS 84 (6)", computed in Swift.
///
/// It is the PROJ pipeline
/// `+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad +step +proj=push +v_3
/// +step +proj=cart +ellps=WGS84 +step +inv +proj=helmert +x=446.448 +y=-125.157 +z=542.06
/// +rx=0.15 +ry=0.247 +rz=0.842 +s=-20.489 +convention=position_vector +step +inv +proj=cart +ellps=airy
/// +step +proj=pop +v_3 +step +proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy`
/// (``OSGBHelmert/projString``) with the mathematics PROJ uses for each step: geodetic → geocentric on
/// WGS 84, the inverse of a seven-parameter Helmert with the small-angle rotation matrix in the
/// position-vector convention, geocentric → geodetic on Airy 1830 by Bowring's formula, and the
/// Poder/Engsager extended transverse Mercator (sixth-order Krüger series, Clenshaw summation).
/// The height is dropped as `push`/`pop` drop it. ``inverse(easting:northing:)`` runs the same steps
/// backwards. Floating-point operations are done in the order PROJ 9 does them, so the two agree to
/// about 1e-10 m.
///
/// ``CoordinateTransform`` uses it only where PROJ itself would use this operation (``OSGBHelmertCheck``).
public struct OSGBHelmert: Sendable {
    /// The PROJ pipeline this type computes, WGS 84 longitude/latitude in degrees → EPSG:27700 metres,
    /// as `proj_as_proj_string` writes the operation once normalised for visualisation.
    public static let projString =
        "+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad +step +proj=push +v_3 "
        + "+step +proj=cart +ellps=WGS84 +step +inv +proj=helmert +x=446.448 +y=-125.157 +z=542.06 "
        + "+rx=0.15 +ry=0.247 +rz=0.842 +s=-20.489 +convention=position_vector +step +inv +proj=cart +ellps=airy "
        + "+step +proj=pop +v_3 +step +proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 "
        + "+y_0=-100000 +ellps=airy"

    /// The same operation the other way, EPSG:27700 → WGS 84 longitude/latitude in degrees.
    public static let inverseProjString =
        "+proj=pipeline +step +inv +proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 "
        + "+ellps=airy +step +proj=push +v_3 +step +proj=cart +ellps=airy +step +proj=helmert +x=446.448 "
        + "+y=-125.157 +z=542.06 +rx=0.15 +ry=0.247 +rz=0.842 +s=-20.489 +convention=position_vector "
        + "+step +inv +proj=cart +ellps=WGS84 +step +proj=pop +v_3 +step +proj=unitconvert +xy_in=rad +xy_out=deg"

    /// PROJ's `DEG_TO_RAD`.
    static let degreesToRadians = 0.017453292519943296

    let wgs84: Ellipsoid
    let airy: Ellipsoid
    let helmert: Helmert
    let grid: TransverseMercator

    public init() {
        wgs84 = Ellipsoid(semiMajorAxis: 6_378_137, inverseFlattening: 298.257223563)
        let airy = Ellipsoid(semiMajorAxis: 6_377_563.396, inverseFlattening: 299.3249646)
        self.airy = airy
        helmert = Helmert(translation: (446.448, -125.157, 542.06), rotationArcSeconds: (0.15, 0.247, 0.842), scalePPM: -20.489)
        // PROJ reads lat_0 and lon_0 as degrees times DEG_TO_RAD, the sign applied last.
        grid = TransverseMercator(
            ellipsoid: airy, latitudeOfOrigin: 49 * Self.degreesToRadians, centralMeridian: -(2 * Self.degreesToRadians),
            scale: 0.9996012717, falseEasting: 400_000, falseNorthing: -100_000)
    }

    /// WGS 84 longitude and latitude in degrees → British National Grid easting and northing in metres.
    @inline(__always)
    public func forward(longitude: Double, latitude: Double) -> (easting: Double, northing: Double) {
        // unitconvert multiplies by its factor, DEG_TO_RAD / 1.
        let wgs = wgs84.geocentric(longitude: longitude * Self.degreesToRadians, latitude: latitude * Self.degreesToRadians)
        let osgb = helmert.inverse(wgs)
        let geodetic = airy.geodetic(osgb)
        return grid.project(longitude: geodetic.longitude, latitude: geodetic.latitude)
    }

    /// British National Grid easting and northing in metres → WGS 84 longitude and latitude in degrees.
    @inline(__always)
    public func inverse(easting: Double, northing: Double) -> (longitude: Double, latitude: Double) {
        let osgb = grid.unproject(easting: easting, northing: northing)
        let wgs = helmert.forward(airy.geocentric(longitude: osgb.longitude, latitude: osgb.latitude))
        let geodetic = wgs84.geodetic(wgs)
        // unitconvert multiplies by its factor, 1 / DEG_TO_RAD.
        let factor = 1 / Self.degreesToRadians
        return (geodetic.longitude * factor, geodetic.latitude * factor)
    }

    /// Transforms interleaved longitude, latitude pairs (degrees) to easting, northing in place.
    public func forward(_ xy: inout [Double]) {
        Self.each(&xy) { forward(longitude: $0, latitude: $1) }
    }

    /// Transforms interleaved easting, northing pairs to longitude, latitude (degrees) in place.
    public func inverse(_ xy: inout [Double]) {
        Self.each(&xy) { inverse(easting: $0, northing: $1) }
    }

    @inline(__always)
    private static func each(_ xy: inout [Double], _ body: (Double, Double) -> (Double, Double)) {
        xy.withUnsafeMutableBufferPointer { p in
            for i in stride(from: 0, to: p.count - 1, by: 2) {
                (p[i], p[i + 1]) = body(p[i], p[i + 1])
            }
        }
    }
}
