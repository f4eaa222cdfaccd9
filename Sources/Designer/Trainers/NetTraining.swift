import SearchSpace
import Training

/// What a search worker hands a leased net to: the engine's `NetTrainer`, or `SyntheticTrainer`
/// for load tests of coordination. The runner sees only this protocol; `TrainerInput` picks one.
protocol NetTraining: Sendable {
    /// The training scheme (its `epochs` is the horizon early stopping predicts to).
    var settings: TrainingSettings { get }

    /// Trains `net` from `seed`, reporting `progress` (the runner heartbeats from it) and asking
    /// `stopAfter` after every epoch but the last when early stopping is on.
    func train(_ net: Architecture, seed: UInt64, progress: (TrainingProgress) -> Void,
               stopAfter: ((EpochCheck) -> Bool)?) throws(TrainingError) -> TrainingResult
}

extension NetTrainer: NetTraining {}
