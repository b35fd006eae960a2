import Foundation

/// A seven-parameter Helmert transformation in the position-vector convention with PROJ's default
/// small-angle rotation matrix (`+proj=helmert` without `+exact`).
struct Helmert: Sendable {
    let tx: Double, ty: Double, tz: Double
    let rx: Double, ry: Double, rz: Double
    /// 1 + s·10⁻⁶.
    let scale: Double

    init(translation: (Double, Double, Double), rotationArcSeconds: (Double, Double, Double), scalePPM: Double) {
        (tx, ty, tz) = translation
        let arcSecond = OSGBHelmert.degreesToRadians / 3600
        rx = rotationArcSeconds.0 * arcSecond
        ry = rotationArcSeconds.1 * arcSecond
        rz = rotationArcSeconds.2 * arcSecond
        scale = 1 + scalePPM * 1e-6
    }

    // The position-vector matrix is
    //   |  1  -rz  ry |
    //   |  rz  1  -rx |
    //   | -ry  rx  1  |
    // applied forward; the inverse applies its transpose (not its exact inverse), as PROJ does.

    /// Source frame → target frame: scale · R · p + t.
    @inline(__always)
    func forward(_ p: (x: Double, y: Double, z: Double)) -> (x: Double, y: Double, z: Double) {
        (
            scale * (p.x - rz * p.y + ry * p.z) + tx,
            scale * (rz * p.x + p.y - rx * p.z) + ty,
            scale * (-ry * p.x + rx * p.y + p.z) + tz
        )
    }

    /// Target frame → source frame: Rᵀ · (p − t) / scale.
    @inline(__always)
    func inverse(_ p: (x: Double, y: Double, z: Double)) -> (x: Double, y: Double, z: Double) {
        let x = (p.x - tx) / scale
        let y = (p.y - ty) / scale
        let z = (p.z - tz) / scale
        return (x + rz * y - ry * z, -rz * x + y + rx * z, ry * x - rx * y + z)
    }
}
