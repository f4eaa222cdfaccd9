import LearningCurves

/// Share of training epochs early stopping would have saved, against the threshold Δ.
struct EpochsSavedFigure {
    let points: [(threshold: Double, saved: Double, topKept: Int, topCount: Int)]

    init(_ simulation: ReplaySimulation) {
        points = simulation.outcomes.map { ($0.threshold, $0.savedFraction * 100, $0.topKept, $0.topCount) }
    }

    func render() -> String {
        let width = 640.0, height = 400.0
        var svg = SVGDocument(width: width, height: height, title: "Epochs saved against the stopping threshold")
        svg.text("Training epochs saved by early stopping against Δ", x: width / 2, y: 24, size: 15, anchor: .middle,
                 weight: "bold")
        let xs = points.map(\.threshold)
        let xLow = (xs.min() ?? 0.9) - 0.01, xHigh = (xs.max() ?? 0.99) + 0.01
        let (_, yHigh) = AxisScale.niceDomain(0, max(points.map(\.saved).max() ?? 0, 10))
        let frame = PlotFrame(left: 78, top: 46, right: width - 30, bottom: height - 62,
                              x: (.linear, xLow, xHigh), y: (.linear, 0, yHigh))
        let yTicks = frame.y.ticks(count: 6)
        frame.drawAxes(into: &svg, xLabel: "Threshold Δ", yLabel: "Epochs saved (%)", xTicks: xs, yTicks: yTicks,
                       xFormat: { Format.fixed($0, 2) }, yFormat: { Format.fixed($0, PlotFrame.decimals(for: yTicks)) })
        let positions = points.map { (frame.x.position($0.threshold), frame.y.position($0.saved)) }
        svg.polyline(positions, stroke: Palette.color(0), label: "epochs saved")
        svg.markers(positions, radius: 4, fill: Palette.color(0), stroke: Palette.color(0), opacity: 1, cssClass: "marker")
        for (point, position) in zip(points, positions) {
            svg.text(Format.fixed(point.saved, 1) + " %, top 5 kept \(point.topKept)/\(point.topCount)",
                     x: position.0, y: position.1 - 10, size: 11, anchor: .middle, fill: Palette.text)
        }
        return svg.render()
    }
}
