/// A stored experiment whose contents this build cannot use; each description is one sentence.
public enum StoredExperimentError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The stored search-space settings do not decode.
    case unreadableSettings(experiment: String, reason: String)
    /// The stored Q table does not decode.
    case unreadableQTable(experiment: String, reason: String)

    public var description: String {
        switch self {
        case let .unreadableSettings(experiment, reason):
            return "The search-space settings stored for experiment '\(experiment)' cannot be read (\(reason.trimmingSuffix("."))); was it written by another metaqnn version?"
        case let .unreadableQTable(experiment, reason):
            return "The Q table stored for experiment '\(experiment)' cannot be read (\(reason.trimmingSuffix("."))); was it written by another metaqnn version?"
        }
    }
}
