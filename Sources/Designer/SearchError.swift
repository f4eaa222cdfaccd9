/// Why a search cannot start; each description is one sentence naming the problem and the fix.
public enum SearchError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Resuming with settings that differ from the stored experiment's.
    case settingsChanged(experiment: String, fields: [String])
    /// The experiment was imported, so there is no search to continue.
    case importedExperiment(name: String)
    /// The search space's input does not match the dataset's images.
    case inputMismatch(space: String, inputSize: Int, dataset: String, height: Int, width: Int)
    /// Worker count below 1.
    case invalidWorkers(Int)
    /// The stored settings of the experiment cannot be read.
    case unreadableSettings(experiment: String, reason: String)
    /// An early-stopping threshold Δ outside (0, 1).
    case earlyStopThreshold(Double)
    /// An early-stopping burn-in below the predictor's minimum number of full curves.
    case earlyStopBurnIn(Int, minimum: Int)
    /// Early stopping with curves too short to predict from.
    case earlyStopEpochs(Int)
    /// A synthetic trainer delay that is negative, not finite, or longer than the maximum.
    case syntheticDelay(Double)
    /// Images asked of an experiment searched with a trainer that reads none.
    case noImages
    /// A dataset file on this machine differs from the one the experiment was started with.
    case datasetChanged(experiment: String, file: String, difference: String)

    /// One sentence naming the problem and what to do.
    public var description: String {
        switch self {
        case let .settingsChanged(experiment, fields):
            "Experiment '\(experiment)' was started with different settings (\(fields.joined(separator: ", "))); "
                + "resume it without those flags, or start a new --experiment."
        case let .importedExperiment(name):
            "Experiment '\(name)' was imported from a replay file and cannot be searched further; choose another --experiment."
        case let .inputMismatch(space, inputSize, dataset, height, width):
            "The search space \(space) expects \(inputSize)×\(inputSize) images but \(dataset) has \(height)×\(width); "
                + "pass --input-size \(height) or choose a matching --preset."
        case let .invalidWorkers(count):
            "--workers \(count) is not usable; give at least 1."
        case let .unreadableSettings(experiment, reason):
            "The settings stored for experiment '\(experiment)' cannot be read (\(reason)); start a new --experiment."
        case let .earlyStopThreshold(threshold):
            "--early-stop-threshold \(threshold) is not a probability strictly between 0 and 1; give e.g. 0.99 (the default)."
        case let .earlyStopBurnIn(burnIn, minimum):
            "--early-stop-burn-in \(burnIn) is below the \(minimum) full curves the predictor needs; give \(minimum) or more "
                + "(the default is 20)."
        case let .earlyStopEpochs(epochs):
            "--early-stop needs curves of at least 2 epochs, and this search trains \(epochs); "
                + "raise --epochs or use --training-preset cpu-fashion-curves."
        case let .syntheticDelay(delay):
            "--synthetic-delay \(delay) is not a number of seconds from 0 to \(Int(TrainerChoice.maximumSyntheticDelay)); "
                + "give e.g. \(TrainerChoice.defaultSyntheticDelay) (the default)."
        case .noImages:
            "This experiment was searched with --trainer synthetic, which reads no images and whose accuracies are synthetic, "
                + "so there are no images to train its nets on; use a search that trained on a dataset."
        case let .datasetChanged(experiment, file, difference):
            "The dataset file \(file) on this machine differs from the one experiment '\(experiment)' was started with "
                + "(\(difference)); copy the same dataset files to this machine, or start a new --experiment."
        }
    }
}
