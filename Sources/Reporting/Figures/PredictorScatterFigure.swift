import LearningCurves

/// Predicted against actual final accuracy, out of fold, after a quarter of the epochs and one epoch before the end.
struct PredictorScatterFigure {
    let series: [(label: String, points: [(predicted: Double, actual: Double)])]

    init(_ evaluation: PredictorEvaluation) {
        let best = evaluation.best
        let prefixes = Array(Set([evaluation.quarterPrefix, evaluation.horizon - 1])).sorted()
        series = prefixes.map { prefix in
            let predicted = evaluation.prefixes[prefix - 1].predictions[best]!
            return ("after \(prefix) of \(evaluation.horizon) epochs", Array(zip(predicted, evaluation.actual)))
        }
    }

    func render() -> String {
        let width = 640.0, height = 560.0
        var svg = SVGDocument(width: width, height: height, title: "Predicted versus actual final accuracy")
        svg.text("Predicted versus actual final validation accuracy (out of fold)", x: width / 2, y: 24, size: 15,
                 anchor: .middle, weight: "bold")
        let values = series.flatMap { $0.points.flatMap { [$0.predicted, $0.actual] } }.map { $0 * 100 }
        let (lo, hi) = AxisScale.niceDomain(values.min() ?? 0, values.max() ?? 100)
        let frame = PlotFrame(left: 78, top: 46, right: width - 30, bottom: height - 62,
                              x: (.linear, lo, hi), y: (.linear, lo, hi))
        let ticks = frame.y.ticks(count: 6)
        let digits = PlotFrame.decimals(for: ticks)
        frame.drawAxes(into: &svg, xLabel: "Actual final accuracy (%)", yLabel: "Predicted final accuracy (%)",
                       xTicks: ticks, yTicks: ticks, xFormat: { Format.fixed($0, digits) }, yFormat: { Format.fixed($0, digits) })
        svg.line(x1: frame.x.position(lo), y1: frame.y.position(lo), x2: frame.x.position(hi), y2: frame.y.position(hi),
                 stroke: Palette.muted, dash: "4 4")
        var legend: [(label: String, color: String, dot: Bool)] = []
        for (index, entry) in series.enumerated() {
            let color = Palette.color(index)
            svg.markers(entry.points.map { (frame.x.position($0.actual * 100), frame.y.position($0.predicted * 100)) },
                        radius: 3, fill: color, stroke: color, opacity: 0.5, label: entry.label)
            legend.append((entry.label, color, true))
        }
        PlotFrame.legend(into: &svg, entries: legend, x: frame.left + 12, y: frame.top + 8)
        return svg.render()
    }
}
