/// Validation accuracy against parameter count (log scale), random-search and Q-learning models apart.
struct AccuracyParametersFigure {
    let random: [(parameters: Double, accuracy: Double)]
    let qLearning: [(parameters: Double, accuracy: Double)]

    /// Nil when no model has a parameter count (e.g. an imported reference store).
    init?(statistics: ReportStatistics) {
        func points(_ models: [RankedModel]) -> [(Double, Double)] {
            models.compactMap { m in m.parameters.map { (Double(max($0, 1)), m.validationAccuracy) } }
        }
        random = points(statistics.randomSearch)
        qLearning = points(statistics.qLearning)
        if random.isEmpty && qLearning.isEmpty { return nil }
    }

    func render() -> String {
        let width = 820.0, height = 440.0
        var svg = SVGDocument(width: width, height: height, title: "Validation accuracy versus parameters")
        svg.text("Validation accuracy versus number of parameters", x: width / 2, y: 24, size: 15, anchor: .middle, weight: "bold")
        let all = random + qLearning
        let (lo, hi) = AxisScale.niceDomain((all.map(\.accuracy).min() ?? 0) * 100, (all.map(\.accuracy).max() ?? 1) * 100)
        let pMin = all.map(\.parameters).min() ?? 1, pMax = all.map(\.parameters).max() ?? 10
        let frame = PlotFrame(
            left: 78, top: 46, right: width - 210, bottom: height - 62,
            x: (.log10, pMin / 1.5, pMax * 1.5), y: (.linear, max(0, lo), min(100, hi)))
        let yTicks = frame.y.ticks(count: 6)
        let digits = PlotFrame.decimals(for: yTicks)
        frame.drawAxes(into: &svg, xLabel: "Parameters (log scale)", yLabel: "Validation accuracy (%)", yTicks: yTicks,
                       xFormat: Format.tick, yFormat: { Format.fixed($0, digits) })
        var legend: [(label: String, color: String, dot: Bool)] = []
        for (index, group) in [("random search (ε = 1)", random), ("Q-learning (ε < 1)", qLearning)].enumerated()
        where !group.1.isEmpty {
            let color = Palette.color(index)
            let points = group.1.map { (frame.x.position($0.parameters), frame.y.position($0.accuracy * 100)) }
            svg.markers(points, radius: 3.5, fill: color, stroke: color, opacity: 0.55, label: group.0)
            legend.append((group.0, color, true))
            legend.append(("  \(group.1.count) models", "none", false))
        }
        PlotFrame.legend(into: &svg, entries: legend, x: frame.right + 14, y: frame.top)
        return svg.render()
    }
}
