import Foundation

/// When to stop a net early: after burn-in, stop after epoch τ once P(ŷ_T ≤ y_best) = Φ((y_best − ŷ_T)/σ(τ)) ≥ Δ.
public struct StoppingRule: Hashable, Sendable, Codable {
    /// Δ: how sure the predictor must be that the net will not beat the best so far.
    public var threshold: Double
    /// B: full curves the experiment must hold before any net is stopped.
    public var burnIn: Int

    /// Δ = 0.99 and B = 20 unless told otherwise: 20 was the smallest burn-in that kept the five best
    /// nets in a replay of the committed digits store (10 stopped two of them).
    public init(threshold: Double = 0.99, burnIn: Int = 20) {
        self.threshold = threshold
        self.burnIn = burnIn
    }

    /// P(final ≤ best) under a normal prediction error of standard deviation `sigma`.
    public static func probabilityNotBetter(predicted: Double, sigma: Double, best: Double) -> Double {
        guard sigma > 0 else { return predicted < best ? 1 : predicted == best ? 0.5 : 0 }
        return standardNormalCDF((best - predicted) / sigma)
    }

    /// Φ(z), the standard normal distribution function.
    public static func standardNormalCDF(_ z: Double) -> Double {
        0.5 * erfc(-z / 2.0.squareRoot())
    }

    /// Whether to stop a net with this prediction when the experiment's best so far is `best`
    /// and it holds `fullCurves` curves of nets trained to the end.
    public func shouldStop(_ prediction: Prediction, best: Double, fullCurves: Int) -> Bool {
        fullCurves >= burnIn
            && Self.probabilityNotBetter(predicted: prediction.mean, sigma: prediction.sigma, best: best) >= threshold
    }
}
