import Foundation
import LearningCurves
import SearchSpace
import StoreLocation
import Training

/// What the user asked for: the experiment, where things go, and the settings they gave explicitly.
///
/// Unset settings come from the stored experiment when it exists (so `metaqnn search --experiment X`
/// resumes X as it was started), else from the defaults: the `cpu-digits` space and its CPU
/// training preset on the embedded digits, seed 1.
public struct SearchRequest: Sendable {
    /// Experiment name.
    public var experiment: String
    /// Where the store is (the CLI's `--store`).
    public var store: StoreLocation
    /// Seconds a write waits for another writer before the store reports itself locked.
    public var busyTimeout: Double = 10
    /// Where the report goes (nil: no report).
    public var reportDirectory: URL?
    /// Worker threads training at once.
    public var workers: Int = 1
    /// Engine threads per worker (nil: max(1, cores / workers)).
    public var threadsPerWorker: Int?
    /// The search space to start from (a preset or a space file), nil for the stored one or `cpu-digits`.
    public var space: SearchSpaceSettings?
    /// Input side override.
    public var inputSize: Int?
    /// Layer limit override.
    public var layerLimit: Int?
    /// ε schedule override.
    public var schedule: EpsilonSchedule?
    /// Replay draws per model override.
    public var replayNumber: Int?
    /// Search seed.
    public var seed: UInt64?
    /// Dataset override.
    public var dataset: DatasetChoice?
    /// Applies the training flags the user gave to a fallback scheme (the stored one, or the dataset's CPU preset).
    public var training: @Sendable (TrainingSettings) -> TrainingSettings = { $0 }
    /// Newly trained models between report rewrites.
    public var reportEvery: Int = 10
    /// Applies the early-stopping settings the user gave to the stored rule (nil for a new experiment
    /// or one started without early stopping); returns nil for off. A resume whose result differs
    /// from the stored rule is refused like any changed setting.
    public var earlyStopping: @Sendable (StoppingRule?) -> StoppingRule? = { $0 }
    /// The trainer (`--trainer`), nil for the stored one or the engine.
    public var trainer: TrainerChoice.Name?
    /// Seconds per net of the synthetic trainer (`--synthetic-delay`), nil for the stored one or the default.
    public var syntheticDelay: Double?

    /// A request for `experiment` in `store`, every setting at its default or stored value.
    public init(experiment: String, store: StoreLocation, reportDirectory: URL?) {
        self.experiment = experiment
        self.store = store
        self.reportDirectory = reportDirectory
    }

    /// The full configuration, given the stored one (nil for a new experiment) and the data's shape.
    func resolve(stored: SearchConfiguration?) throws -> SearchConfiguration {
        var space = (self.space ?? stored?.space ?? .cpuDigits).overriding(inputSize: inputSize, layerLimit: layerLimit)
        if let schedule { space.epsilonSchedule = schedule }
        if let replayNumber { space.replayNumber = replayNumber }
        let trainer = TrainerChoice.resolve(name: trainer, delay: syntheticDelay, stored: stored?.trainer)
        // A trainer that reads no images records none, so nothing claims the nets saw a dataset.
        let dataset = trainer.readsImages ? dataset ?? stored?.dataset ?? .digits : .noImages
        let training = training(stored?.training ?? dataset.cpuTraining)
        return SearchConfiguration(space: space, training: training, dataset: dataset, seed: seed ?? stored?.seed ?? 1,
                                   earlyStopping: earlyStopping(stored?.earlyStopping), trainer: trainer)
    }

    /// The `earlyStopping` of `--early-stop [--early-stop-threshold Δ] [--early-stop-burn-in B]`: on,
    /// with the values given over the stored ones (or, when none are stored, the defaults).
    public static func earlyStop(threshold: Double? = nil, burnIn: Int? = nil) -> @Sendable (StoppingRule?) -> StoppingRule? {
        { stored in
            var rule = stored ?? StoppingRule()
            if let threshold { rule.threshold = threshold }
            if let burnIn { rule.burnIn = burnIn }
            return rule
        }
    }
}
