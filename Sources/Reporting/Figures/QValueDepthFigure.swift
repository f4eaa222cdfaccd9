/// Paper Fig. A3/A4: mean Q value of the actions that add each layer type, by layer depth.
struct QValueDepthFigure {
    /// One line per layer type: (type, [(depth, mean utility)]) in display order.
    let series: [(layerType: String, points: [(depth: Int, mean: Double)])]

    /// Conventional types first in network order, anything else alphabetically after them.
    static let typeOrder = ["conv", "pool", "fc", "gap", "terminate"]

    init(samples: [QValueSample]) {
        let byType = Dictionary(grouping: samples, by: \.layerType)
        let types = byType.keys.sorted {
            let a = Self.typeOrder.firstIndex(of: $0) ?? Self.typeOrder.count
            let b = Self.typeOrder.firstIndex(of: $1) ?? Self.typeOrder.count
            return a != b ? a < b : $0 < $1
        }
        series = types.map { type in
            let byDepth = Dictionary(grouping: byType[type]!, by: \.depth)
            let points = byDepth.keys.sorted().map { depth in
                (depth, byDepth[depth]!.map(\.utility).reduce(0, +) / Double(byDepth[depth]!.count))
            }
            return (type, points)
        }
    }

    func render() -> String {
        let width = 820.0, height = 420.0
        var svg = SVGDocument(width: width, height: height, title: "Mean Q value by layer depth")
        svg.text("Mean Q value of actions adding each layer type, by layer depth", x: width / 2, y: 24,
                 size: 15, anchor: .middle, weight: "bold")
        let depths = series.flatMap { $0.points.map(\.depth) }
        let means = series.flatMap { $0.points.map(\.mean) }
        // Pad before rounding so a line at the minimum (often init_utility) never sits on the axis.
        let low = means.min() ?? 0, high = means.max() ?? 1, pad = max((high - low) * 0.05, 0.005)
        let (lo, hi) = AxisScale.niceDomain(low - pad, high + pad)
        let frame = PlotFrame(
            left: 78, top: 46, right: width - 150, bottom: height - 62,
            x: (.linear, Double((depths.min() ?? 1) - 1) + 0.5, Double(depths.max() ?? 1) + 0.5),
            y: (.linear, lo, hi))
        let yTicks = frame.y.ticks(count: 6)
        let digits = max(1, PlotFrame.decimals(for: yTicks))
        let xTicks = frame.x.ticks(count: 10).filter { $0 == $0.rounded() }
        frame.drawAxes(into: &svg, xLabel: "Layer depth", yLabel: "Mean Q value", xTicks: xTicks, yTicks: yTicks,
                       xFormat: { Format.fixed($0, 0) }, yFormat: { Format.fixed($0, digits) })
        for (index, line) in series.enumerated() {
            let points = line.points.map { (frame.x.position(Double($0.depth)), frame.y.position($0.mean)) }
            let color = Palette.color(index)
            if points.count > 1 {
                svg.polyline(points, stroke: color, width: 2.5, dash: Palette.dash(index), label: line.layerType)
                svg.markers(points, radius: 3, fill: color, stroke: color, opacity: 1, cssClass: "marker")
            } else {
                svg.markers(points, radius: 4, fill: color, stroke: color, opacity: 1, label: line.layerType)
            }
        }
        PlotFrame.legend(into: &svg, entries: series.enumerated().map { ($0.element.layerType, Palette.color($0.offset), false) },
                         x: frame.right + 16, y: frame.top, dashes: series.indices.map(Palette.dash))
        return svg.render()
    }
}
