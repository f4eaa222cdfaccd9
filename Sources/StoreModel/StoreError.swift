/// Why a store could not be opened, read or changed; each description is one sentence.
///
/// One error type for every backend, so that the search, replay, import, export, reports and
/// finalize handle a refused store the same way whatever holds it. `store` is where the store is as
/// a user may read it (`ExperimentStore.locationDescription`: a path, or a URL whose password is
/// hidden). Failures only one backend can have (a path that is a directory, a server's message)
/// are `backend`, with the backend's own sentence.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No store exists at the location.
    case missing(store: String)
    /// The location holds nothing (an empty file): no store to read.
    case notAStore(store: String)
    /// The location holds another program's database; it is left untouched.
    case foreignDatabase(store: String)
    /// The store was written by a newer metaqnn whose schema this build does not know.
    case newerSchema(store: String, unknownMigrations: [String])
    /// Another process held the store's write lock for longer than the busy timeout.
    case locked(store: String, seconds: Double)
    /// No experiment of that name is in the store.
    case experimentNotFound(name: String, store: String)
    /// An experiment of that name is already in the store.
    case experimentExists(name: String, store: String)
    /// The net already has a stored result in this experiment.
    case duplicateNet(net: String, experiment: String)
    /// The finalist (net, seed) already has a stored training in this experiment.
    case duplicateFinalist(net: String, seed: Int, experiment: String)
    /// A lease no longer exists (its worker was declared dead or it was released).
    case leaseNotFound(id: Int64)
    /// A stored value could not be decoded.
    case corrupt(store: String, detail: String)
    /// A write was asked of a store opened with `StoreOpenMode.readOnly`.
    case readOnly(store: String)
    /// The connection to a store on a server broke mid-transaction; the server rolled back
    /// whatever that transaction had done, so the operation may be retried whole.
    case connectionLost(store: String)
    /// A failure particular to one backend, described by that backend in one sentence.
    case backend(store: String, sentence: String)

    /// One sentence naming the problem and what to do.
    public var description: String {
        switch self {
        case let .missing(store):
            return "No replay store at \(store); run `metaqnn search` or `metaqnn import` first, or pass the right --store."
        case let .notAStore(store):
            return "\(store) is empty, not a metaqnn replay store; it was left as it is, so pass the store `metaqnn search` or `metaqnn import` wrote with --store."
        case let .foreignDatabase(store):
            return "\(store) is an SQLite database of another program, not a metaqnn replay store; it was left untouched, so pass another --store."
        case let .newerSchema(store, unknown):
            return "\(store) was written by a newer metaqnn (unknown migrations: \(unknown.joined(separator: ", "))); upgrade metaqnn to open it."
        case let .locked(store, seconds):
            return "\(store) stayed locked by another process for \(Self.format(seconds)) s; wait for it to finish or stop it, then retry."
        case let .experimentNotFound(name, store):
            return "No experiment named '\(name)' in \(store); `metaqnn list --store \(store)` shows the experiments it holds."
        case let .experimentExists(name, store):
            return "An experiment named '\(name)' already exists in \(store); choose another --experiment name."
        case let .duplicateNet(net, experiment):
            return "The net \(net) already has a result in experiment '\(experiment)', so it is not recorded twice."
        case let .duplicateFinalist(net, seed, experiment):
            return "The finalist \(net) with seed \(seed) already has a result in experiment '\(experiment)', so it is not recorded twice."
        case let .leaseNotFound(id):
            return "Lease \(id) no longer exists, so its result was not recorded; the net will be trained again."
        case let .corrupt(store, detail):
            return "\(store) holds a value metaqnn cannot read (\(detail)); restore the store from a backup."
        case let .readOnly(store):
            return "\(store) was opened read-only, so nothing was written to it; open it for writing to change it."
        case let .connectionLost(store):
            return "The connection to the store \(store) was lost mid-statement and the unfinished transaction was rolled back; check the server and run the command again."
        case let .backend(_, sentence):
            return sentence
        }
    }

    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}
