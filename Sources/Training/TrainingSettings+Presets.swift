import Datasets

/// CPU-sized training presets beside the paper's; README's `train` section explains the numbers.
extension TrainingSettings {
    /// The embedded 8×8 digits: 1,442 pool images, 288 for validation (a fifth), about 1,150 to train on.
    ///
    /// Batch 32 gives 36 Adam steps per epoch; 8 epochs with ×0.2 decay every 3 reach the
    /// plateau of small nets (≈ 95 % on digits), and a net of a CPU search space trains in
    /// about a second, so a default search of 150–250 nets fits 15 minutes on 2 cores.
    public static let cpuDigits = TrainingSettings(batchSize: 32, epochs: 8, decayEvery: 3)

    /// Fashion-MNIST on a CPU budget: a stratified 12,000-image training subset, 2,000 for
    /// validation, 3 epochs of batch 64 with decay after the second: a few minutes per net at most.
    public static let cpuFashion = TrainingSettings(batchSize: 64, epochs: 3, decayEvery: 2, validationSize: 2_000, trainLimit: 12_000)

    /// Fashion-MNIST searches with early stopping: curves long enough to have a shape worth
    /// predicting (8 epochs, ×0.2 decay after epochs 3 and 6) on a 4,000-image training subset, so
    /// that a net costs about what a `cpuFashion` one does; the README's presets table gives the estimate.
    public static let cpuFashionCurves = TrainingSettings(batchSize: 64, epochs: 8, decayEvery: 3, validationSize: 2_000,
                                                          trainLimit: 4_000)

    /// Finalists (`metaqnn finalize`): the paper's scheme (Adam 0.001, batch 128, ×0.2 step decay,
    /// 5,000 validation images) on the whole training split, with fewer epochs than the paper's 20 so
    /// that five Fashion-MNIST nets from two seeds each fit about two hours of two cores; README's
    /// `finalize` section gives the measurements behind the numbers.
    public static let final = TrainingSettings(batchSize: 128, epochs: 15, decayEvery: 5, validationSize: 5_000)

    /// The CPU preset suited to `dataset`: `cpuDigits` on the embedded digits, `cpuFashion` on the 28×28 and 32×32 sets.
    public static func cpuPreset(for dataset: DatasetName) -> TrainingSettings {
        dataset == .digits ? .cpuDigits : .cpuFashion
    }

    /// The presets by the names the CLI accepts.
    public static let presets: [(name: String, settings: TrainingSettings)] = [
        ("paper", .paper), ("cpu-digits", .cpuDigits), ("cpu-fashion", .cpuFashion),
        ("cpu-fashion-curves", .cpuFashionCurves), ("final", .final),
    ]

    /// The preset called `name`, if any.
    public static func preset(named name: String) -> TrainingSettings? {
        presets.first { $0.name == name }?.settings
    }
}
