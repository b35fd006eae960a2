import PlaceGeometry

/// A box on the page, in SVG units.
public struct PageRect: Sendable, Equatable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    public var maxX: Double { x + width }
    public var maxY: Double { y + height }

    public func intersects(_ o: PageRect) -> Bool { x < o.maxX && o.x < maxX && y < o.maxY && o.y < maxY }
    public func contains(_ o: PageRect) -> Bool { o.x >= x && o.y >= y && o.maxX <= maxX && o.maxY <= maxY }
}

/// A label to place: its text, and the largest circle inside its polygon on the page.
public struct LabelRequest: Sendable {
    public var text: String
    public var x: Double
    public var y: Double
    public var radius: Double
    public var id: String
    /// Place the label beside the circle, never on it (for marks the label must not hide).
    public var beside: Bool

    public init(text: String, x: Double, y: Double, radius: Double, id: String, beside: Bool = false) {
        self.beside = beside
        self.text = text
        self.x = x
        self.y = y
        self.radius = radius
        self.id = id
    }
}

/// A placed label: the text's box, its centre, and a leader line from the polygon when moved off it.
public struct PlacedLabel: Sendable {
    public var request: LabelRequest
    public var box: PageRect
    public var leader: (x: Double, y: Double)?
    public var centreX: Double { box.x + box.width / 2 }
    public var baselineY: Double { box.y + box.height * 0.78 }
}

/// Greedy label placement: each label, in the order given, goes to the first candidate position that
/// overlaps no label already placed and no obstacle and stays in the frame: the centre of its polygon's
/// largest inscribed circle, then positions around it (joined to it by a leader line).
public enum LabelPlacement {
    /// The width of `text` at `fontSize`, estimated generously for a sans-serif face.
    public static func textWidth(_ text: String, fontSize: Double) -> Double { Double(text.count) * fontSize * 0.6 + 4 }

    public static func place(
        _ requests: [LabelRequest], fontSize: Double, frame: PageRect, obstacles: [PageRect] = []
    ) -> (placed: [PlacedLabel], unplaced: [LabelRequest]) {
        var taken = obstacles
        var placed: [PlacedLabel] = []
        var unplaced: [LabelRequest] = []
        let h = fontSize * 1.3
        for r in requests {
            let w = textWidth(r.text, fontSize: fontSize)
            var candidates: [(Double, Double, Bool)] = r.beside ? [] : [(r.x, r.y, false)]
            for step in 1...4 {
                let d = r.radius + Double(step) * h
                for k in 0..<12 {
                    let angle = Double(k) * Double.pi / 6 - Double.pi / 2
                    candidates.append((r.x + (d + w / 2 - h / 2) * cos(angle), r.y + d * sin(angle), true))
                }
            }
            var done = false
            for (cx, cy, moved) in candidates {
                let box = PageRect(x: cx - w / 2, y: cy - h / 2, width: w, height: h)
                guard frame.contains(box), !taken.contains(where: { $0.intersects(box) }) else { continue }
                taken.append(box)
                placed.append(PlacedLabel(request: r, box: box, leader: moved ? (r.x, r.y) : nil))
                done = true
                break
            }
            if !done { unplaced.append(r) }
        }
        return (placed, unplaced)
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
