import Foundation

/// A self-contained SVG image built element by element: explicit size, white background,
/// presentation attributes only (no CSS, no external fonts), so GitHub shows it as drawn.
struct SVGDocument {
    let width: Double
    let height: Double
    private var body: [String] = []

    static let font = "DejaVu Sans, Helvetica, Arial, sans-serif"

    init(width: Double, height: Double, title: String) {
        self.width = width
        self.height = height
        body.append("<title>\(Self.escape(title))</title>")
        body.append("<rect x=\"0\" y=\"0\" width=\"\(Self.n(width))\" height=\"\(Self.n(height))\" fill=\"#ffffff\"/>")
    }

    /// The finished document.
    func render() -> String {
        let w = Self.n(width), h = Self.n(height)
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="\(w)" height="\(h)" viewBox="0 0 \(w) \(h)" \
            font-family="\(Self.font)">
            \(body.joined(separator: "\n"))
            </svg>

            """
    }

    mutating func rect(
        x: Double, y: Double, width: Double, height: Double, fill: String, stroke: String? = nil,
        opacity: Double? = nil, rx: Double? = nil, cssClass: String? = nil
    ) {
        var a = #"x="\#(Self.n(x))" y="\#(Self.n(y))" width="\#(Self.n(max(0, width)))" height="\#(Self.n(max(0, height)))" fill="\#(fill)""#
        if let stroke { a += #" stroke="\#(stroke)""# }
        if let opacity { a += #" fill-opacity="\#(Self.n(opacity))""# }
        if let rx { a += #" rx="\#(Self.n(rx))""# }
        if let cssClass { a += #" class="\#(cssClass)""# }
        body.append("<rect \(a)/>")
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1, dash: String? = nil) {
        var a = #"x1="\#(Self.n(x1))" y1="\#(Self.n(y1))" x2="\#(Self.n(x2))" y2="\#(Self.n(y2))" stroke="\#(stroke)" stroke-width="\#(Self.n(width))""#
        if let dash { a += #" stroke-dasharray="\#(dash)""# }
        body.append("<line \(a)/>")
    }

    /// A polyline through `points`; `cssClass` "series" marks one data series for tests and tools.
    mutating func polyline(
        _ points: [(Double, Double)], stroke: String, width: Double = 2, dash: String? = nil,
        cssClass: String? = "series", label: String? = nil
    ) {
        guard let first = points.first else { return }
        var d = "M\(Self.n(first.0)),\(Self.n(first.1))"
        for p in points.dropFirst() { d += " L\(Self.n(p.0)),\(Self.n(p.1))" }
        path(d, stroke: stroke, fill: "none", width: width, dash: dash, cssClass: cssClass, label: label)
    }

    mutating func path(
        _ d: String, stroke: String, fill: String, width: Double = 1, dash: String? = nil, fillOpacity: Double? = nil,
        cssClass: String? = nil, label: String? = nil
    ) {
        var a = #"d="\#(d)" stroke="\#(stroke)" fill="\#(fill)" stroke-width="\#(Self.n(width))" stroke-linejoin="round""#
        if let dash { a += #" stroke-dasharray="\#(dash)""# }
        if let fillOpacity { a += #" fill-opacity="\#(Self.n(fillOpacity))""# }
        if let cssClass { a += #" class="\#(cssClass)""# }
        if let label { a += #" data-label="\#(Self.escape(label))""# }
        body.append("<path \(a)/>")
    }

    /// Markers at `points`, drawn as one path so a scatter series is a single `<path class="series">`.
    mutating func markers(
        _ points: [(Double, Double)], radius: Double, fill: String, stroke: String, opacity: Double = 0.8,
        cssClass: String = "series", label: String? = nil
    ) {
        guard !points.isEmpty else { return }
        let r = Self.n(radius), dia = Self.n(2 * radius)
        let d = points.map { "M\(Self.n($0.0 - radius)),\(Self.n($0.1)) a\(r),\(r) 0 1,0 \(dia),0 a\(r),\(r) 0 1,0 -\(dia),0" }
            .joined(separator: " ")
        path(d, stroke: stroke, fill: fill, width: 0.8, fillOpacity: opacity, cssClass: cssClass, label: label)
    }

    enum Anchor: String { case start, middle, end }

    mutating func text(
        _ string: String, x: Double, y: Double, size: Double = 12, anchor: Anchor = .start,
        weight: String? = nil, fill: String = "#222222", rotate: Double? = nil, monospace: Bool = false
    ) {
        var a = #"x="\#(Self.n(x))" y="\#(Self.n(y))" font-size="\#(Self.n(size))" text-anchor="\#(anchor.rawValue)" fill="\#(fill)""#
        if let weight { a += #" font-weight="\#(weight)""# }
        if monospace { a += #" font-family="DejaVu Sans Mono, Menlo, Consolas, monospace""# }
        if let rotate { a += #" transform="rotate(\#(Self.n(rotate)) \#(Self.n(x)) \#(Self.n(y)))""# }
        body.append("<text \(a)>\(Self.escape(string))</text>")
    }

    /// Coordinates with at most two decimals and no trailing zeros, so files stay small and stable.
    static func n(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        var s = String(format: "%.2f", value)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s == "-0" ? "0" : s
    }

    /// `text` with XML special characters escaped.
    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }
}
