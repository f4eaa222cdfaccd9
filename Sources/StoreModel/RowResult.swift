/// The training result a replay row reports: the accuracy columns of a reference replay row.
///
/// Accuracies are stored as written: fractions in this project's own stores, and in imported
/// rows either fractions or the percent scale some reference files use (`86.0`).
public struct RowResult: Hashable, Sendable {
    /// Best validation accuracy (the reward).
    public var bestValidationAccuracy: Double
    /// Optimizer iteration of the best validation accuracy.
    public var bestValidationIteration: Int
    /// Validation accuracy after the last epoch.
    public var lastValidationAccuracy: Double
    /// Optimizer iteration of the last validation.
    public var lastValidationIteration: Int
    /// Test accuracy at the best validation epoch; nil when not measured.
    public var testAccuracyAtBest: Double?
    /// Test accuracy after the last epoch; nil when not measured.
    public var testAccuracyAtLast: Double?

    /// A result.
    public init(bestValidationAccuracy: Double, bestValidationIteration: Int, lastValidationAccuracy: Double,
                lastValidationIteration: Int, testAccuracyAtBest: Double?, testAccuracyAtLast: Double?) {
        self.bestValidationAccuracy = bestValidationAccuracy
        self.bestValidationIteration = bestValidationIteration
        self.lastValidationAccuracy = lastValidationAccuracy
        self.lastValidationIteration = lastValidationIteration
        self.testAccuracyAtBest = testAccuracyAtBest
        self.testAccuracyAtLast = testAccuracyAtLast
    }

    /// Whether any accuracy exceeds 1: the row was written on a percent scale.
    public var isPercentScale: Bool {
        [bestValidationAccuracy, lastValidationAccuracy, testAccuracyAtBest ?? 0, testAccuracyAtLast ?? 0].contains { $0 > 1 }
    }
}
