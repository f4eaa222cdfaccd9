/// The rectangle a chart draws in, with its two scales, gridlines, ticks and axis captions.
struct PlotFrame {
    let left: Double
    let top: Double
    let right: Double
    let bottom: Double
    let x: AxisScale
    let y: AxisScale

    init(left: Double, top: Double, right: Double, bottom: Double,
         x: (kind: AxisScale.Kind, lower: Double, upper: Double),
         y: (kind: AxisScale.Kind, lower: Double, upper: Double)) {
        self.left = left
        self.top = top
        self.right = right
        self.bottom = bottom
        self.x = AxisScale(kind: x.kind, lower: x.lower, upper: x.upper, pixelStart: left, pixelEnd: right)
        self.y = AxisScale(kind: y.kind, lower: y.lower, upper: y.upper, pixelStart: bottom, pixelEnd: top)
    }

    var width: Double { right - left }
    var height: Double { bottom - top }

    /// Decimals a tick label needs so that neighbouring ticks differ.
    static func decimals(for ticks: [Double]) -> Int {
        guard ticks.count > 1 else { return 0 }
        let step = abs(ticks[1] - ticks[0])
        return step >= 1 ? 0 : step >= 0.1 ? 1 : step >= 0.01 ? 2 : 3
    }

    /// Gridlines, tick marks with labels, the axis lines and their captions.
    func drawAxes(
        into svg: inout SVGDocument, xLabel: String, yLabel: String,
        xTicks: [Double]? = nil, yTicks: [Double]? = nil,
        xFormat: (Double) -> String, yFormat: (Double) -> String, tickSize: Double = 11
    ) {
        let xs = xTicks ?? x.ticks(count: max(2, Int(width / 90)))
        let ys = yTicks ?? y.ticks(count: max(2, Int(height / 50)))
        for value in ys {
            let py = y.position(value)
            svg.line(x1: left, y1: py, x2: right, y2: py, stroke: Palette.grid)
            svg.line(x1: left - 4, y1: py, x2: left, y2: py, stroke: Palette.axis)
            svg.text(yFormat(value), x: left - 7, y: py + tickSize * 0.35, size: tickSize, anchor: .end, fill: Palette.text)
        }
        for value in xs {
            let px = x.position(value)
            svg.line(x1: px, y1: bottom, x2: px, y2: bottom + 4, stroke: Palette.axis)
            svg.text(xFormat(value), x: px, y: bottom + 6 + tickSize, size: tickSize, anchor: .middle, fill: Palette.text)
        }
        svg.line(x1: left, y1: bottom, x2: right, y2: bottom, stroke: Palette.axis)
        svg.line(x1: left, y1: top, x2: left, y2: bottom, stroke: Palette.axis)
        if !xLabel.isEmpty {
            svg.text(xLabel, x: (left + right) / 2, y: bottom + 2 * tickSize + 16, size: 13, anchor: .middle)
        }
        if !yLabel.isEmpty {
            let cx = left - 48, cy = (top + bottom) / 2
            svg.text(yLabel, x: cx, y: cy, size: 13, anchor: .middle, rotate: -90)
        }
    }

    /// A legend box: a swatch (line or dot) and a label per entry, stacked at (x, y).
    static func legend(
        into svg: inout SVGDocument, entries: [(label: String, color: String, dot: Bool)], x: Double, y: Double,
        dashes: [String?] = []
    ) {
        guard !entries.isEmpty else { return }
        let rowHeight = 18.0
        let widest = entries.map { Double($0.label.count) * 6.8 }.max() ?? 0
        svg.rect(x: x, y: y, width: widest + 40, height: Double(entries.count) * rowHeight + 8,
                 fill: "#ffffff", stroke: "#cccccc", opacity: 0.9, rx: 3)
        for (index, entry) in entries.enumerated() {
            let cy = y + 4 + rowHeight * (Double(index) + 0.5)
            if entry.dot {
                svg.rect(x: x + 10, y: cy - 4, width: 8, height: 8, fill: entry.color, rx: 4)
            } else {
                svg.line(x1: x + 4, y1: cy, x2: x + 26, y2: cy, stroke: entry.color, width: 3,
                         dash: index < dashes.count ? dashes[index] : nil)
            }
            svg.text(entry.label, x: x + 30, y: cy + 4, size: 12)
        }
    }
}
