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
        }
    }
}
