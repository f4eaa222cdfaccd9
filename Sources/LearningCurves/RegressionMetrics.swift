/// Goodness of fit of predictions against actual values.
public enum RegressionMetrics {
    /// Mean of the squared differences.
    public static func meanSquaredError(_ predicted: [Double], _ actual: [Double]) -> Double {
        precondition(predicted.count == actual.count && !actual.isEmpty, "need equally many, and some, values")
        return zip(predicted, actual).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } / Double(actual.count)
    }

    /// Root mean squared error.
    public static func rootMeanSquaredError(_ predicted: [Double], _ actual: [Double]) -> Double {
        meanSquaredError(predicted, actual).squareRoot()
    }

    /// Coefficient of determination 1 − SS_res/SS_tot; 0 means no better than the actual values' mean.
    /// Nil when the actual values do not vary.
    public static func rSquared(_ predicted: [Double], _ actual: [Double]) -> Double? {
        let mean = actual.reduce(0, +) / Double(actual.count)
        let total = actual.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        guard total > 0 else { return nil }
        return 1 - meanSquaredError(predicted, actual) * Double(actual.count) / total
    }
}
