/// One line of `metaqnn list`: an experiment with its counts and best net.
public struct ExperimentSummary: Hashable, Sendable {
    /// The experiment.
    public var experiment: ExperimentRecord
    /// Replay rows (models sampled, cached ones included).
    public var models: Int
    /// Distinct nets trained.
    public var trainedNets: Int
    /// Nets that could not be built or trained.
    public var failedNets: Int
    /// Nets in flight.
    public var leases: Int
    /// The net with the highest reward (best validation accuracy, or predicted for a net stopped early), if any.
    public var best: TrainedNetRecord?

    /// A summary.
    public init(experiment: ExperimentRecord, models: Int, trainedNets: Int, failedNets: Int, leases: Int,
                best: TrainedNetRecord?) {
        self.experiment = experiment
        self.models = models
        self.trainedNets = trainedNets
        self.failedNets = failedNets
        self.leases = leases
        self.best = best
    }
}
