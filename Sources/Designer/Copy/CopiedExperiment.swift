/// What one committed experiment of `metaqnn copy` holds on the target, for its progress line.
public struct CopiedExperiment: Hashable, Sendable {
    /// Experiment name.
    public var name: String
    /// Nets trained.
    public var trainedNets: Int
    /// Nets that could not be built or trained.
    public var failedNets: Int
    /// Replay rows.
    public var replayRows: Int
    /// Q-table entries.
    public var qValues: Int
    /// Finalist trainings (each with its weights file beside the target).
    public var finalists: Int
    /// Ensemble accuracies.
    public var ensembles: Int
    /// Leases of dead workers left behind: their nets are trained again when the copy is resumed.
    public var abandonedLeases: Int
    /// Whether a search stored as running (killed: every lease abandoned) was stored as stopped.
    public var markedStopped: Bool

    init(_ contents: ExperimentContents) {
        name = contents.experiment.name
        trainedNets = contents.nets.count { $0.status == .trained }
        failedNets = contents.nets.count - trainedNets
        replayRows = contents.replay.count
        qValues = contents.qValues.count
        finalists = contents.finalists.count
        ensembles = contents.ensembles.count
        abandonedLeases = contents.leases.count
        markedStopped = contents.experiment.status == .running
    }
}
