/// A layer-by-layer block diagram of one net, wrapped into rows so it fits a GitHub page.
struct LayerDiagramFigure {
    /// One box: its colour group, bold heading and detail line, plus the raw token.
    struct Block: Equatable {
        var kind: String
        var heading: String
        var detail: String
        var token: String
    }

    let title: String
    let net: String
    let blocks: [Block]

    /// Splits a net string into boxes. Display only: an unknown token becomes a grey box rather
    /// than an error, so a report never fails on a net string from an older or foreign store.
    static func blocks(of net: String) -> [Block] {
        var body = Substring(net.trimmingCharacters(in: .whitespaces))
        if body.hasPrefix("[") { body = body.dropFirst() }
        if body.hasSuffix("]") { body = body.dropLast() }
        var tokens: [String] = [], current = "", depth = 0
        for c in body {
            if c == "(" { depth += 1 } else if c == ")" { depth -= 1 }
            if c == "," && depth == 0 {
                tokens.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            } else {
                current.append(c)
            }
        }
        if !current.trimmingCharacters(in: .whitespaces).isEmpty { tokens.append(current.trimmingCharacters(in: .whitespaces)) }
        return tokens.map(block(for:))
    }

    static func block(for token: String) -> Block {
        guard let open = token.firstIndex(of: "("), token.hasSuffix(")") else {
            return Block(kind: "other", heading: token, detail: "", token: token)
        }
        let name = String(token[..<open])
        let args = token[token.index(after: open)..<token.index(before: token.endIndex)]
            .split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        switch (name, args.count) {
        case ("C", 3): return Block(kind: "conv", heading: "Conv \(args[1])×\(args[1])", detail: "\(args[0]) filters, s\(args[2])", token: token)
        case ("P", 2): return Block(kind: "pool", heading: "Max pool \(args[0])×\(args[0])", detail: "stride \(args[1])", token: token)
        case ("FC", 1): return Block(kind: "fc", heading: "Fully conn.", detail: "\(args[0]) units", token: token)
        case ("GAP", 1): return Block(kind: "gap", heading: "Global avg pool", detail: "\(args[0]) maps", token: token)
        case ("D", 2) where args[1] > 0:
            return Block(kind: "dropout", heading: "Dropout", detail: "p = \(Format.fixed(0.5 * Double(args[0]) / Double(args[1]), 2))", token: token)
        case ("SM", 1): return Block(kind: "softmax", heading: "Softmax", detail: "\(args[0]) classes", token: token)
        default: return Block(kind: "other", heading: name, detail: args.map(String.init).joined(separator: ","), token: token)
        }
    }

    static let colors: [String: (fill: String, stroke: String)] = [
        "conv": ("#cfe3f5", "#0072B2"), "pool": ("#fbe0cc", "#D55E00"), "fc": ("#cdeee3", "#009E73"),
        "gap": ("#f3d9ea", "#CC79A7"), "dropout": ("#f0f0f0", "#999999"), "softmax": ("#fcefc7", "#B8860B"),
        "other": ("#eeeeee", "#777777"),
    ]

    init(title: String, net: String) {
        self.title = title
        self.net = net
        blocks = Self.blocks(of: net)
    }

    func render() -> String {
        let perRow = 7, boxWidth = 104.0, boxHeight = 54.0, gap = 22.0, left = 18.0, top = 58.0, rowGap = 40.0
        let rows = max(1, (blocks.count + perRow - 1) / perRow)
        let width = left * 2 + Double(perRow) * boxWidth + Double(perRow - 1) * gap
        let height = top + Double(rows) * (boxHeight + rowGap) + 4
        var svg = SVGDocument(width: width, height: height, title: title)
        svg.text(title, x: left, y: 24, size: 15, weight: "bold")
        svg.text(net, x: left, y: 44, size: net.count > 110 ? 9 : 11, fill: Palette.muted, monospace: true)
        var centers: [(Double, Double)] = []
        for (index, block) in blocks.enumerated() {
            let row = index / perRow, column = index % perRow
            let x = left + Double(column) * (boxWidth + gap), y = top + Double(row) * (boxHeight + rowGap)
            let color = Self.colors[block.kind] ?? Self.colors["other"]!
            svg.rect(x: x, y: y, width: boxWidth, height: boxHeight, fill: color.fill, stroke: color.stroke, rx: 6, cssClass: "layer")
            svg.text(block.heading, x: x + boxWidth / 2, y: y + 22, size: 12, anchor: .middle, weight: "bold")
            svg.text(block.detail, x: x + boxWidth / 2, y: y + 40, size: 11, anchor: .middle)
            svg.text(block.token, x: x + boxWidth / 2, y: y + boxHeight + 14, size: 10, anchor: .middle, fill: Palette.muted, monospace: true)
            centers.append((x, y))
        }
        // Arrows: straight within a row, an elbow from the end of one row to the start of the next.
        for index in 1..<max(1, blocks.count) {
            let (px, py) = centers[index - 1], (x, y) = centers[index]
            if y == py {
                arrow(&svg, from: (px + boxWidth, py + boxHeight / 2), to: (x, y + boxHeight / 2))
            } else {
                let midY = py + boxHeight + rowGap / 2 + 4
                let d = "M\(SVGDocument.n(px + boxWidth / 2)),\(SVGDocument.n(py + boxHeight + 18)) "
                    + "L\(SVGDocument.n(px + boxWidth / 2)),\(SVGDocument.n(midY)) L\(SVGDocument.n(x - gap / 2)),\(SVGDocument.n(midY)) "
                    + "L\(SVGDocument.n(x - gap / 2)),\(SVGDocument.n(y + boxHeight / 2))"
                svg.path(d, stroke: Palette.axis, fill: "none", width: 1.3)
                arrow(&svg, from: (x - gap / 2, y + boxHeight / 2), to: (x, y + boxHeight / 2))
            }
        }
        return svg.render()
    }

    private func arrow(_ svg: inout SVGDocument, from: (Double, Double), to: (Double, Double)) {
        svg.line(x1: from.0 + 2, y1: from.1, x2: to.0 - 5, y2: to.1, stroke: Palette.axis, width: 1.3)
        let d = "M\(SVGDocument.n(to.0 - 1)),\(SVGDocument.n(to.1)) L\(SVGDocument.n(to.0 - 8)),\(SVGDocument.n(to.1 - 4)) "
            + "L\(SVGDocument.n(to.0 - 8)),\(SVGDocument.n(to.1 + 4)) Z"
        svg.path(d, stroke: Palette.axis, fill: Palette.axis)
    }
}
