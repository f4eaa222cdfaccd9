import Foundation

/// The feature vector of a curve prefix: y_1…y_τ, their first and second differences, then the context.
public enum CurveFeatures {
    /// Features of the first `prefix` accuracies of `sample` (length 3τ − 3 + 8 for τ ≥ 2; 9 for τ = 1).
    public static func vector(_ sample: CurveSample, prefix: Int) -> [Double] {
        precondition(prefix >= 1 && prefix <= sample.accuracies.count,
                     "prefix \(prefix) is outside the curve's 1…\(sample.accuracies.count) epochs")
        let y = Array(sample.accuracies.prefix(prefix))
        let first = zip(y.dropFirst(), y).map { $0 - $1 }
        let second = zip(first.dropFirst(), first).map { $0 - $1 }
        let c = sample.context
        // Logs, because parameter counts, FLOPs and learning rates span orders of magnitude.
        let context: [Double] = [
            log(Double(max(c.parameterCount, 1))), log(Double(max(c.forwardFLOPs, 1))),
            Double(c.convolutions), Double(c.poolings), Double(c.fullyConnected), Double(c.globalPoolings),
            log(max(c.learningRate, 1e-12)), Double(c.attempt),
        ]
        return y + first + second + context
    }

    /// y_τ, the last observed accuracy: the regressors predict the gain y_T − y_τ on top of it.
    ///
    /// On the stored digits curves the RBF kernel predicting y_T directly did worse than the naive
    /// ŷ_T = y_τ from τ = 3 on (it cannot extrapolate the near-identity between y_τ and y_T);
    /// predicting the gain keeps that identity and leaves the kernel only the correction.
    public static func anchor(_ sample: CurveSample, prefix: Int) -> Double {
        precondition(prefix >= 1 && prefix <= sample.accuracies.count,
                     "prefix \(prefix) is outside the curve's 1…\(sample.accuracies.count) epochs")
        return sample.accuracies[prefix - 1]
    }
}
