import Foundation

/// Number and text formatting shared by the Markdown and the figures; "—" marks unknown values.
enum Format {
    static let missing = "—"

    /// An accuracy fraction as a percentage with two decimals, e.g. `97.53 %`.
    static func percent(_ value: Double?) -> String {
        guard let value else { return missing }
        return String(format: "%.2f %%", value * 100)
    }

    /// An accuracy as `percent` shows it, or, when `percentScale` (an imported file wrote it as a
    /// percentage), the value as written with two decimals and the mark `‡`.
    static func accuracy(_ value: Double?, percentScale: Bool) -> String {
        guard percentScale, let value else { return percent(value) }
        return String(format: "%.2f ‡", value)
    }

    /// ε with one decimal, or two when needed (0.05).
    static func epsilon(_ value: Double) -> String {
        let one = String(format: "%.1f", value)
        return abs((Double(one) ?? value) - value) < 1e-9 ? one : String(format: "%.2f", value)
    }

    /// A count with SI suffix and three significant digits: 950, 1.01 k, 12.3 k, 250 k, 4.56 M.
    static func si(_ value: Int?) -> String {
        guard let value else { return missing }
        let v = Double(value)
        let (scaled, suffix): (Double, String) =
            switch abs(v) {
            case ..<1_000: (v, "")
            case ..<1_000_000: (v / 1e3, " k")
            case ..<1_000_000_000: (v / 1e6, " M")
            default: (v / 1e9, " G")
            }
        if suffix.isEmpty { return "\(value)" }
        let digits = abs(scaled) < 10 ? 2 : abs(scaled) < 100 ? 1 : 0
        return String(format: "%.\(digits)f", scaled) + suffix
    }

    /// A round axis tick with SI suffix and no trailing zeros: 300, 1 k, 30 k, 1 M, 2.5 M.
    static func tick(_ value: Double) -> String {
        let (scaled, suffix): (Double, String) =
            switch abs(value) {
            case ..<1_000: (value, "")
            case ..<1_000_000: (value / 1e3, " k")
            case ..<1_000_000_000: (value / 1e6, " M")
            default: (value / 1e9, " G")
            }
        return SVGDocument.n(scaled) + suffix
    }

    /// A duration: `42.0 s`, `12 min 05 s`, `3 h 07 min`.
    static func duration(_ seconds: Double?) -> String {
        guard let seconds, seconds.isFinite, seconds >= 0 else { return missing }
        if seconds < 60 { return String(format: "%.1f s", seconds) }
        let total = Int(seconds.rounded())
        if total < 3600 { return String(format: "%d min %02d s", total / 60, total % 60) }
        return String(format: "%d h %02d min", total / 3600, (total % 3600) / 60)
    }

    /// A plain decimal with `digits` fraction digits.
    static func fixed(_ value: Double, _ digits: Int) -> String {
        String(format: "%.\(digits)f", value)
    }

    /// `text` escaped for a Markdown table cell.
    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|")
    }

    /// `text` as inline code, safe when it holds backticks.
    static func code(_ text: String) -> String {
        text.contains("`") ? "`` \(text) ``" : "`\(text)`"
    }
}
