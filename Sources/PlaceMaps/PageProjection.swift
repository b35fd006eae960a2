import PlaceGeometry

/// Maps British National Grid metres (EPSG:27700) to SVG user units: x grows east, y grows down
/// the page (north is up), one scale for both axes.
public struct PageProjection: Sendable, Equatable {
    /// SVG units per metre.
    public var scale: Double
    /// The ground point drawn at the page's top-left corner of the frame (minimum x, maximum y).
    public var originX: Double
    public var originY: Double
    /// Offset of the frame on the page, in SVG units.
    public var offsetX: Double
    public var offsetY: Double
    public var width: Double
    public var height: Double

    /// Fits `bounds` into a frame `width` units wide (the height follows the shape of the bounds, at most
    /// `maxHeight`), leaving `margin` units on every side.
    public init(fitting bounds: Bounds, width: Double, maxHeight: Double = .infinity, margin: Double = 0) {
        let spanX = max(bounds.maxX - bounds.minX, 1)
        let spanY = max(bounds.maxY - bounds.minY, 1)
        var scale = (width - 2 * margin) / spanX
        if spanY * scale + 2 * margin > maxHeight { scale = (maxHeight - 2 * margin) / spanY }
        self.scale = scale
        self.originX = bounds.minX
        self.originY = bounds.maxY
        self.width = width
        self.height = (spanY * scale + 2 * margin).rounded(.up)
        // Centre horizontally when the height limited the scale.
        self.offsetX = (width - spanX * scale) / 2
        self.offsetY = margin
    }

    public func x(_ metresEast: Double) -> Double { offsetX + (metresEast - originX) * scale }
    public func y(_ metresNorth: Double) -> Double { offsetY + (originY - metresNorth) * scale }

    /// The ground distance, in metres, of `units` on the page.
    public func metres(_ units: Double) -> Double { units / scale }
}
