/// Why an experiment's transitions could not be replayed; one sentence each.
public enum ReplayRebuildError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A stored net is not legal in the experiment's stored search space.
    case illegalStoredNet(experiment: String, sequence: Int, net: String, reason: String)

    public var description: String {
        switch self {
        case let .illegalStoredNet(experiment, sequence, net, reason):
            return "Replay row \(sequence) of experiment '\(experiment)' holds \(net), which its own search space rejects (\(reason.trimmingSuffix("."))); the store was edited by hand or by another metaqnn version."
        }
    }
}
