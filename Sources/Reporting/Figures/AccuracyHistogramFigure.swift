/// Paper Fig. A2: histograms of validation accuracy, one small panel per ε, on shared axes.
struct AccuracyHistogramFigure {
    /// (ε, accuracies of the unique models first trained at that ε), highest ε first.
    let groups: [(epsilon: Double, accuracies: [Double])]
    let bins: Int

    init(statistics: ReportStatistics, bins: Int = 20) {
        let byEpsilon = Dictionary(grouping: statistics.models, by: \.firstEpsilon)
        groups = byEpsilon.keys.sorted(by: >).map { ($0, byEpsilon[$0]!.map(\.validationAccuracy)) }
        self.bins = bins
    }

    /// Shared x range in percent: from a round value below the worst model up to 100.
    var range: (Double, Double) {
        let worst = groups.flatMap(\.accuracies).min() ?? 0
        let lower = min(90, (worst * 10).rounded(.down) * 10)
        return (max(0, lower), 100)
    }

    /// Share of `accuracies` (in percent of the group) in each of `bins` equal bins over `range`.
    func histogram(_ accuracies: [Double]) -> [Double] {
        let (lo, hi) = range
        var counts = [Double](repeating: 0, count: bins)
        for a in accuracies {
            let t = (a * 100 - lo) / (hi - lo)
            counts[min(bins - 1, max(0, Int(t * Double(bins))))] += 1
        }
        return counts.map { $0 * 100 / Double(max(accuracies.count, 1)) }
    }

    func render() -> String {
        let columns = min(5, max(1, groups.count))
        let rows = (groups.count + columns - 1) / columns
        let panelWidth = columns >= 4 ? 160.0 : (700 - 64 - Double(columns) * 38) / Double(columns), panelHeight = 150.0, left = 64.0, top = 74.0, gapX = 38.0, gapY = 58.0
        let width = left + Double(columns) * (panelWidth + gapX) + 10
        let height = top + Double(max(rows, 1)) * (panelHeight + gapY) + 10
        var svg = SVGDocument(width: width, height: height, title: "Validation accuracy histogram per epsilon")
        svg.text("Validation accuracy of unique models, by ε at which they were first trained",
                 x: width / 2, y: 24, size: 15, anchor: .middle, weight: "bold")
        let histograms = groups.map { histogram($0.accuracies) }
        let peak = histograms.flatMap { $0 }.max() ?? 100
        let yTop = AxisScale.niceDomain(0, max(peak, 1), count: 4).1
        let (lo, hi) = range
        for (index, group) in groups.enumerated() {
            let column = index % columns, row = index / columns
            let x0 = left + Double(column) * (panelWidth + gapX)
            let y0 = top + Double(row) * (panelHeight + gapY)
            let frame = PlotFrame(left: x0, top: y0 + 18, right: x0 + panelWidth, bottom: y0 + panelHeight,
                                  x: (.linear, lo, hi), y: (.linear, 0, yTop))
            let mean = group.accuracies.reduce(0, +) / Double(group.accuracies.count)
            svg.text("ε = \(Format.epsilon(group.epsilon))  (n = \(group.accuracies.count))",
                     x: (frame.left + frame.right) / 2, y: y0 + 10, size: 12, anchor: .middle, weight: "bold")
            frame.drawAxes(
                into: &svg, xLabel: row == rows - 1 || index + columns >= groups.count ? "accuracy (%)" : "",
                yLabel: "", xTicks: frame.x.ticks(count: lo <= 50 ? 5 : 3), yTicks: frame.y.ticks(count: 3),
                xFormat: { Format.fixed($0, 0) }, yFormat: { Format.fixed($0, 0) }, tickSize: 10)
            if column == 0 {
                svg.text("% of models", x: x0 - 40, y: (frame.top + frame.bottom) / 2, size: 11, anchor: .middle, rotate: -90)
            }
            let binWidth = (hi - lo) / Double(bins)
            var d = "M\(SVGDocument.n(frame.x.position(lo))),\(SVGDocument.n(frame.bottom))"
            for (b, share) in histograms[index].enumerated() {
                let y = SVGDocument.n(frame.y.position(share))
                d += " L\(SVGDocument.n(frame.x.position(lo + Double(b) * binWidth))),\(y)"
                d += " L\(SVGDocument.n(frame.x.position(lo + Double(b + 1) * binWidth))),\(y)"
            }
            d += " L\(SVGDocument.n(frame.x.position(hi))),\(SVGDocument.n(frame.bottom)) Z"
            let color = Palette.color(0)
            svg.path(d, stroke: color, fill: color, width: 1, fillOpacity: 0.45, cssClass: "series",
                     label: "ε = \(Format.epsilon(group.epsilon))")
            let mx = frame.x.position(mean * 100)
            svg.line(x1: mx, y1: frame.top, x2: mx, y2: frame.bottom, stroke: Palette.color(1), width: 1.5, dash: "4 3")
        }
        if !groups.isEmpty {
            PlotFrame.legend(into: &svg, entries: [("mean of the panel", Palette.color(1), false)], x: width - 170, y: 32)
        }
        return svg.render()
    }
}
