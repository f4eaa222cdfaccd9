import Foundation

/// Maps data values to pixels on one axis, linear or base-10 logarithmic, and picks round ticks.
struct AxisScale {
    enum Kind { case linear, log10 }

    let kind: Kind
    let lower: Double
    let upper: Double
    let pixelStart: Double
    let pixelEnd: Double

    /// A scale over [lower, upper]; an empty or inverted domain is widened so nothing divides by zero.
    init(kind: Kind = .linear, lower: Double, upper: Double, pixelStart: Double, pixelEnd: Double) {
        var lo = lower, hi = upper
        if kind == .log10 {
            lo = max(lo, 1e-12)
            hi = max(hi, lo)
            if hi / lo < 1.0001 { lo /= 10; hi *= 10 }
        } else if !(hi - lo > 1e-12) {
            let pad = max(abs(lo) * 0.05, 0.5)
            lo -= pad
            hi += pad
        }
        self.kind = kind
        self.lower = lo
        self.upper = hi
        self.pixelStart = pixelStart
        self.pixelEnd = pixelEnd
    }

    /// Pixel position of `value` (values outside the domain extrapolate).
    func position(_ value: Double) -> Double {
        let t: Double
        switch kind {
        case .linear: t = (value - lower) / (upper - lower)
        case .log10: t = (Foundation.log10(max(value, 1e-12)) - Foundation.log10(lower)) / (Foundation.log10(upper) - Foundation.log10(lower))
        }
        return pixelStart + t * (pixelEnd - pixelStart)
    }

    /// Round tick values inside the domain, about `count` of them for a linear scale.
    func ticks(count: Int = 6) -> [Double] {
        switch kind {
        case .linear:
            let step = Self.niceStep((upper - lower) / Double(max(count, 1)))
            var value = (lower / step).rounded(.up) * step
            var result: [Double] = []
            while value <= upper + step * 1e-9 {
                result.append(abs(value) < step * 1e-9 ? 0 : value)
                value += step
            }
            return result
        case .log10:
            let first = Int(Foundation.log10(lower).rounded(.down)), last = Int(Foundation.log10(upper).rounded(.up))
            let span = Foundation.log10(upper / lower)
            let multipliers: [Double] = span <= 1.2 ? [1, 2, 5] : span <= 3.5 ? [1, 3] : [1]
            var result: [Double] = []
            for exponent in first...last {
                for m in multipliers {
                    let v = m * pow(10, Double(exponent))
                    if v >= lower * (1 - 1e-9) && v <= upper * (1 + 1e-9) { result.append(v) }
                }
            }
            return result
        }
    }

    /// 1, 2 or 5 times a power of ten, at least `raw`.
    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        let magnitude = pow(10, (Foundation.log10(raw)).rounded(.down))
        for m in [1.0, 2, 5, 10] where m * magnitude >= raw * (1 - 1e-9) { return m * magnitude }
        return 10 * magnitude
    }

    /// A domain [lower, upper] expanded outward to round tick values.
    static func niceDomain(_ lower: Double, _ upper: Double, count: Int = 6) -> (Double, Double) {
        guard upper > lower else { return (lower - 0.5, upper + 0.5) }
        let step = niceStep((upper - lower) / Double(count))
        return ((lower / step).rounded(.down) * step, (upper / step).rounded(.up) * step)
    }
}
