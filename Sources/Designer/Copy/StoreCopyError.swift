import StoreModel

/// Why `metaqnn copy` refused or stopped; each description is one sentence naming the problem and
/// what to do.
public enum StoreCopyError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `--from` and `--to` name the same store.
    case sameStore(store: String)
    /// The source holds no experiment, so there is nothing to copy.
    case nothingToCopy(store: String)
    /// These experiments already exist on the target; nothing was written.
    case namesTaken(names: [String], store: String)
    /// A worker is training nets of the experiment right now.
    case liveLeases(experiment: String, workers: [String])
    /// The experiment is stored as running with no net in flight: its search may be between two steps.
    case runningWithoutLeases(experiment: String)
    /// The experiment has finalists, whose weight files live beside an SQLite store, and `store` is no file.
    case finalistsNeedFiles(experiment: String, files: Int, store: String)
    /// A finalist's weights file is missing beside the source.
    case weightsMissing(experiment: String, path: String)
    /// A finalist's weights file beside the source is not the file its row records.
    case weightsChanged(experiment: String, path: String)
    /// The target's folder already holds a different file where a weights file would go.
    case weightsInTheWay(experiment: String, path: String)
    /// Writing experiment `experiment` failed; it was rolled back, `copied` were committed before it.
    case failed(experiment: String, store: String, copied: [String], reason: String)

    /// One sentence naming the problem and what to do.
    public var description: String {
        switch self {
        case let .sameStore(store):
            return "--from and --to both name \(store); copy into another store (a new file path is created)."
        case let .nothingToCopy(store):
            return "\(store) holds no experiments, so there is nothing to copy; check --from."
        case let .namesTaken(names, store):
            let list = names.map { "'\($0)'" }.joined(separator: ", ")
            return "\(names.count == 1 ? "An experiment named" : "Experiments named") \(list) already "
                + "\(names.count == 1 ? "exists" : "exist") in \(store), so nothing was copied; "
                + "name only the experiments to copy with --experiment, or copy into another store."
        case let .liveLeases(experiment, workers):
            return "Experiment '\(experiment)' is being searched right now (nets in flight on \(workers.joined(separator: ", "))), "
                + "so nothing was copied; let the search finish or stop it with Ctrl-C, then copy."
        case let .runningWithoutLeases(experiment):
            return "Experiment '\(experiment)' is stored as running with no net in flight, so its search may be between two "
                + "steps and nothing was copied; let it finish or stop it with Ctrl-C (resume a killed search first), then copy."
        case let .finalistsNeedFiles(experiment, files, store):
            return "Experiment '\(experiment)' has \(files) finalist weight file\(files == 1 ? "" : "s"), which live in a folder "
                + "beside an SQLite store, and \(store) is no file, so nothing was copied; copy it between SQLite stores."
        case let .weightsMissing(experiment, path):
            return "The finalist weights file \(path) of experiment '\(experiment)' is missing, so nothing was copied; "
                + "restore it beside the source store, then copy."
        case let .weightsChanged(experiment, path):
            return "The finalist weights file \(path) of experiment '\(experiment)' is not the file its row records "
                + "(another SHA-256), so nothing was copied; restore the original file, then copy."
        case let .weightsInTheWay(experiment, path):
            return "\(path) already exists beside the target with other contents than experiment '\(experiment)''s weights "
                + "file, so nothing was copied; move it away, then copy."
        case let .failed(experiment, store, copied, reason):
            let before = copied.isEmpty ? "" : "; \(copied.map { "'\($0)'" }.joined(separator: ", ")) "
                + "\(copied.count == 1 ? "was" : "were") copied whole before it, so name the rest with --experiment"
            return "Copying experiment '\(experiment)' into \(store) failed and left nothing of it there (\(reason))\(before)."
        }
    }
}
