/// Why the replay store could not be opened, read or changed; each description is one sentence.
public enum ReplayStoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No store file exists at the path.
    case missing(path: String)
    /// The path is a directory.
    case isDirectory(path: String)
    /// The file exists but is not an SQLite database.
    case notADatabase(path: String)
    /// The file is empty (0 bytes, or an SQLite database without tables): no store to read.
    case notAStore(path: String)
    /// The file is an SQLite database written by some other program; it is left untouched.
    case foreignDatabase(path: String)
    /// The store was written by a newer metaqnn whose schema this build does not know.
    case newerSchema(path: String, unknownMigrations: [String])
    /// Another process held the store's write lock for longer than the busy timeout.
    case locked(path: String, seconds: Double)
    /// No experiment of that name is in the store.
    case experimentNotFound(name: String, path: String)
    /// An experiment of that name is already in the store.
    case experimentExists(name: String, path: String)
    /// The net already has a stored result in this experiment.
    case duplicateNet(net: String, experiment: String)
    /// The finalist (net, seed) already has a stored training in this experiment.
    case duplicateFinalist(net: String, seed: Int, experiment: String)
    /// A lease no longer exists (its worker was declared dead or it was released).
    case leaseNotFound(id: Int64)
    /// A stored value could not be decoded.
    case corrupt(path: String, detail: String)
    /// A write was asked of a store opened with `OpenMode.readOnly`.
    case readOnly(path: String)
    /// Any other SQLite failure.
    case sqlite(path: String, message: String)

    public var description: String {
        switch self {
        case let .missing(path):
            return "No replay store at \(path); run `metaqnn search` or `metaqnn import` first, or pass the right --store."
        case let .isDirectory(path):
            return "\(path) is a directory; pass the replay store's file path, e.g. --store Replay/default.sqlite."
        case let .notADatabase(path):
            return "\(path) is not an SQLite database; pass a metaqnn replay store with --store."
        case let .notAStore(path):
            return "\(path) is empty, not a metaqnn replay store; it was left as it is, so pass the store `metaqnn search` or `metaqnn import` wrote with --store."
        case let .foreignDatabase(path):
            return "\(path) is an SQLite database of another program, not a metaqnn replay store; it was left untouched, so pass another --store."
        case let .newerSchema(path, unknown):
            return "\(path) was written by a newer metaqnn (unknown migrations: \(unknown.joined(separator: ", "))); upgrade metaqnn to open it."
        case let .locked(path, seconds):
            return "\(path) stayed locked by another process for \(Self.format(seconds)) s; wait for it to finish or stop it, then retry."
        case let .experimentNotFound(name, path):
            return "No experiment named '\(name)' in \(path); `metaqnn list --store \(path)` shows the experiments it holds."
        case let .experimentExists(name, path):
            return "An experiment named '\(name)' already exists in \(path); choose another --experiment name."
        case let .duplicateNet(net, experiment):
            return "The net \(net) already has a result in experiment '\(experiment)', so it is not recorded twice."
        case let .duplicateFinalist(net, seed, experiment):
            return "The finalist \(net) with seed \(seed) already has a result in experiment '\(experiment)', so it is not recorded twice."
        case let .leaseNotFound(id):
            return "Lease \(id) no longer exists, so its result was not recorded; the net will be trained again."
        case let .corrupt(path, detail):
            return "\(path) holds a value metaqnn cannot read (\(detail)); restore the store from a backup."
        case let .readOnly(path):
            return "\(path) was opened read-only, so nothing was written to it; open it for writing to change it."
        case let .sqlite(path, message):
            return "SQLite failed on \(path): \(message)."
        }
    }

    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}
