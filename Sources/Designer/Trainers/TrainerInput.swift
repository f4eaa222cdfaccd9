import Datasets
import Training

/// What a search's trainer reads, prepared before the store is opened for writing: for the engine
/// the dataset, its seeded splits and the fingerprint of its files; for the synthetic trainer nothing.
/// The one place where the trainer choice decides what is loaded and which `NetTraining` the workers get.
struct TrainerInput: Sendable {
    /// The dataset the images came from (`.noImages` when none are read).
    let dataset: DatasetChoice
    /// The images as loaded, nil when the trainer reads none.
    let sets: TrainTestSets?
    /// The file entries of the dataset's fingerprint (empty for the embedded and generated sets).
    let files: [DatasetFingerprint.File]

    /// Loads what `trainer` reads of `dataset`, reusing `previous` when it was loaded for the same dataset.
    static func load(_ dataset: DatasetChoice, for trainer: TrainerChoice, reusing previous: TrainerInput?) throws -> TrainerInput {
        if let previous, previous.dataset == dataset { return previous }
        switch trainer.name {
        case .engine: return TrainerInput(dataset: dataset, sets: try dataset.load(), files: try DatasetFingerprint.files(of: dataset))
        case .synthetic: return TrainerInput(dataset: dataset, sets: nil, files: [])
        }
    }

    /// The splits every worker trains on, nil when no images are read.
    func splits(_ configuration: SearchConfiguration) throws -> DataSplits? {
        try sets.map { try configuration.training.splits(of: $0, seed: configuration.seed) }
    }

    /// The fingerprint to store and check, nil when there are no dataset files to check.
    func fingerprint(splits: DataSplits?) -> DatasetFingerprint? {
        guard let splits, !files.isEmpty else { return nil }
        return DatasetFingerprint(files: files, splits: splits)
    }

    /// The trainer of every worker: `settings` (with its per-worker threads) on `splits`, or the synthetic rule.
    static func trainer(_ configuration: SearchConfiguration, settings: TrainingSettings, splits: DataSplits?) -> any NetTraining {
        switch configuration.trainer.name {
        case .engine:
            guard let splits else { preconditionFailure("the engine trainer is prepared with its data splits") }
            return NetTrainer(settings: settings, data: splits)
        case .synthetic:
            let space = configuration.space
            return SyntheticTrainer(settings: settings, delay: configuration.trainer.delay ?? TrainerChoice.defaultSyntheticDelay,
                                    inputSize: space.inputSize, inputChannels: space.inputChannels, classes: space.classes)
        }
    }
}
