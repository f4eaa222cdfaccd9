import ReplayStore
import StoreLocation
import StoreModel

/// Opens the store a `--store` value names: the one place that knows which backend holds a store,
/// so every command gets an `ExperimentStore` and nothing else.
public enum StoreOpening {
    /// Opens the store at `location` in `mode`; a write waits up to `busyTimeout` seconds for
    /// another writer before the store reports itself locked.
    ///
    /// A PostgreSQL location is refused with one sentence for now: its store is not yet an
    /// `ExperimentStore`, and refusing before connecting leaves the database untouched.
    public static func open(_ location: StoreLocation, mode: StoreOpenMode,
                            busyTimeout: Double = 10) throws(StoreError) -> any ExperimentStore {
        switch location {
        case .sqlite(let path):
            return try ReplayStore(path: path, mode: mode, busyTimeout: busyTimeout)
        case .postgres(let url):
            throw .postgresNotWiredIn(url: url.description)
        }
    }
}

extension StoreError {
    /// A PostgreSQL store given to a build whose commands do not open PostgreSQL stores yet.
    public static func postgresNotWiredIn(url: String) -> StoreError {
        .backend(store: url, sentence: "The store \(url) is a PostgreSQL database, which this build of metaqnn cannot open "
            + "yet (PostgreSQL support is being wired in); pass an SQLite file path with --store or METAQNN_STORE.")
    }
}
