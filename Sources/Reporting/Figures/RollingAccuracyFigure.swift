/// Paper Fig. 3: rolling mean validation accuracy over iterations, ε stages shaded behind it.
struct RollingAccuracyFigure {
    let accuracies: [Double]
    let epsilons: [Double]
    let rolling: [Double]
    let window: Int

    init(statistics: ReportStatistics, window: Int) {
        accuracies = statistics.rowAccuracies
        epsilons = statistics.rowEpsilons
        self.window = window
        rolling = statistics.rollingMean(window: window)
    }

    /// Runs of consecutive rows sharing one ε: (ε, first iteration, last iteration), 1-based.
    static func bands(_ epsilons: [Double]) -> [(epsilon: Double, first: Int, last: Int)] {
        var result: [(epsilon: Double, first: Int, last: Int)] = []
        for (index, epsilon) in epsilons.enumerated() {
            if let last = result.last, last.epsilon == epsilon {
                result[result.count - 1].last = index + 1
            } else {
                result.append((epsilon, index + 1, index + 1))
            }
        }
        return result
    }

    /// Darker blue for more exploration, so neighbouring stages always differ and read in order.
    static func bandColor(epsilon: Double) -> String {
        let t = min(1, max(0, epsilon))
        let light = (246.0, 249.0, 252.0), dark = (196.0, 216.0, 237.0)
        func channel(_ a: Double, _ b: Double) -> Int { Int((a + (b - a) * t).rounded()) }
        let rgb = [channel(light.0, dark.0), channel(light.1, dark.1), channel(light.2, dark.2)]
        return "#" + rgb.map { String($0, radix: 16).leftPadded(to: 2) }.joined()
    }

    func render() -> String {
        let width = 820.0, height = 420.0
        var svg = SVGDocument(width: width, height: height, title: "Rolling mean accuracy over iterations")
        svg.text("Rolling mean validation accuracy (window \(window)) over iterations", x: width / 2, y: 24,
                 size: 15, anchor: .middle, weight: "bold")
        let n = accuracies.count
        let all = accuracies + rolling
        let (lo, hi) = AxisScale.niceDomain((all.min() ?? 0) * 100, (all.max() ?? 1) * 100)
        let frame = PlotFrame(
            left: 78, top: 58, right: width - 24, bottom: height - 62,
            x: (.linear, 0.5, Double(max(n, 1)) + 0.5), y: (.linear, max(0, lo), min(100, hi)))
        for band in Self.bands(epsilons) {
            let x0 = frame.x.position(Double(band.first) - 0.5), x1 = frame.x.position(Double(band.last) + 0.5)
            svg.rect(x: x0, y: frame.top, width: x1 - x0, height: frame.height,
                     fill: Self.bandColor(epsilon: band.epsilon), cssClass: "band")
            let label = "ε=\(Format.epsilon(band.epsilon))"
            if x1 - x0 >= Double(label.count) * 6.5 + 2 {
                svg.text(label, x: (x0 + x1) / 2, y: frame.top - 6, size: 11, anchor: .middle, fill: Palette.muted)
            }
        }
        let xTicks = frame.x.ticks(count: 8).filter { $0 >= 1 && $0 == $0.rounded() }
        let yTicks = frame.y.ticks(count: 6)
        let digits = PlotFrame.decimals(for: yTicks)
        frame.drawAxes(
            into: &svg, xLabel: "Iteration (models sampled)", yLabel: "Validation accuracy (%)",
            xTicks: xTicks.isEmpty ? [1] : xTicks, yTicks: yTicks,
            xFormat: { Format.fixed($0, 0) }, yFormat: { Format.fixed($0, digits) })
        let dots = accuracies.enumerated().map { (frame.x.position(Double($0.offset + 1)), frame.y.position($0.element * 100)) }
        svg.markers(dots, radius: n > 500 ? 1.2 : 2, fill: "#9a9a9a", stroke: "none", opacity: 0.55, cssClass: "samples")
        let line = rolling.enumerated().map { (frame.x.position(Double($0.offset + 1)), frame.y.position($0.element * 100)) }
        if line.count == 1 {
            svg.markers(line, radius: 4, fill: Palette.color(0), stroke: Palette.color(0), opacity: 1, label: "rolling mean")
        } else {
            svg.polyline(line, stroke: Palette.color(0), width: 2.5, label: "rolling mean")
        }
        PlotFrame.legend(
            into: &svg, entries: [("rolling mean of \(window)", Palette.color(0), false), ("single model", "#9a9a9a", true)],
            x: frame.right - 190, y: frame.bottom - 50)
        return svg.render()
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
