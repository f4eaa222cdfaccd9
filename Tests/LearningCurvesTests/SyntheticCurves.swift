import LearningCurves
import SearchSpace

/// Curves built in the test with a known relation between their prefix and their final accuracy.
enum SyntheticCurves {
    static func uniform(_ low: Double, _ high: Double, _ generator: inout SplitMix64) -> Double {
        low + (high - low) * Double(generator.next() >> 11) * 0x1p-53
    }

    /// Random net features that carry no information about the curve.
    static func context(_ generator: inout SplitMix64) -> CurveContext {
        CurveContext(parameterCount: Int(uniform(1e3, 1e6, &generator)), forwardFLOPs: Int(uniform(1e5, 1e8, &generator)),
                     convolutions: Int(uniform(0, 6, &generator)), poolings: Int(uniform(0, 3, &generator)),
                     fullyConnected: Int(uniform(0, 2, &generator)), globalPoolings: Int(uniform(0, 2, &generator)),
                     learningRate: 0.001, attempt: 1)
    }

    /// Three-epoch rising curves whose final accuracy is exactly y₂ + ½(y₂ − y₁) + 0.05.
    static func ruled(count: Int, seed: UInt64) -> [CurveSample] {
        var generator = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            let y1 = uniform(0.2, 0.6, &generator)
            let y2 = y1 + uniform(0, 0.2, &generator)
            return CurveSample(accuracies: [y1, y2, y2 + 0.5 * (y2 - y1) + 0.05], context: context(&generator))
        }
    }

    /// Three-epoch curves whose final accuracy (their maximum, the last epoch) is independent of everything else.
    static func noise(count: Int, seed: UInt64) -> [CurveSample] {
        var generator = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            let y1 = uniform(0.1, 0.5, &generator), y2 = uniform(0.1, 0.5, &generator)
            return CurveSample(accuracies: [y1, y2, uniform(0.6, 0.9, &generator)], context: context(&generator))
        }
    }
}
