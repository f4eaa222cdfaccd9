/// Why `bench-store` could not measure; each description is one sentence.
public enum StoreBenchmarkError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The experiment name is taken in the store; a measurement only ever writes a fresh one.
    case experimentExists(experiment: String, store: String)
    /// A worker process ended with a non-zero status (its last line of output says why).
    case workerFailed(index: Int, status: Int32, lastLine: String)
    /// The worker binary could not be started.
    case cannotStart(executable: String, reason: String)

    public var description: String {
        switch self {
        case let .experimentExists(experiment, store):
            return "Experiment '\(experiment)' already exists in \(store); bench-store measures only a fresh experiment, so give another --experiment name."
        case let .workerFailed(index, status, lastLine):
            let said = lastLine.isEmpty ? "" : " after printing \"\(lastLine.trimmingSuffix("."))\""
            return "Worker process \(index + 1) exited with status \(status)\(said); fix that and run bench-store again (with a new --experiment name if the experiment was made)."
        case let .cannotStart(executable, reason):
            return "Cannot start worker process \(executable) (\(reason.trimmingSuffix("."))); run bench-store from the metaqnn executable itself."
        }
    }
}
