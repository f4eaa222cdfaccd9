import LearningCurves

/// Early stopping by learning-curve prediction measured on the experiment's stored curves:
/// the predictor's out-of-fold scores and the replay simulation (see `metaqnn predictor`).
public struct PredictorSummary: Hashable, Sendable {
    /// Out-of-fold scores per prefix length and regressor.
    public var evaluation: PredictorEvaluation
    /// What early stopping would have saved at each threshold.
    public var simulation: ReplaySimulation
    /// Nets the study saw (trained, with a stored curve and net features).
    public var netCount: Int
    /// Seed of the cross-validation folds.
    public var seed: UInt64

    /// A summary from its parts.
    public init(evaluation: PredictorEvaluation, simulation: ReplaySimulation, netCount: Int, seed: UInt64) {
        self.evaluation = evaluation
        self.simulation = simulation
        self.netCount = netCount
        self.seed = seed
    }
}
