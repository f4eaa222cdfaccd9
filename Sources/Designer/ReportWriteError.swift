import Foundation

/// Why a report could not be written or read; each description is one sentence a user can act on.
public enum ReportWriteError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// The output folder could not be created.
    case cannotCreateDirectory(path: String, reason: String)
    /// A report file could not be written.
    case cannotWrite(path: String, reason: String)
    /// The store holds no experiment of that name.
    case unknownExperiment(name: String, store: String, known: [String])
    /// The experiment's stored settings or Q table cannot be decoded by this build.
    case unreadableExperiment(name: String, reason: String)

    public var description: String {
        switch self {
        case let .cannotCreateDirectory(path, reason):
            "Cannot create the report folder \(path) (\(reason)); choose another folder with --out."
        case let .cannotWrite(path, reason):
            "Cannot write the report file \(path) (\(reason)); check the folder's permissions and free space."
        case let .unknownExperiment(name, store, known):
            "The store \(store) has no experiment named '\(name)'; "
                + (known.isEmpty ? "it holds no experiments yet." : "use one of: \(known.joined(separator: ", ")).")
        case let .unreadableExperiment(name, reason):
            "Experiment '\(name)' cannot be reported because \(reason); was it written by another metaqnn version?"
        }
    }

    public var errorDescription: String? { description }
}
