import PostgresStore
import ReplayStore
import StoreLocation
import StoreModel

/// Opens the store a `--store` value names: the one place that knows which backend holds a store,
/// so every command gets an `ExperimentStore` and nothing else.
public enum StoreOpening {
    /// Opens the store at `location` in `mode`; a write waits up to `busyTimeout` seconds for
    /// another writer before an SQLite store reports itself locked (a PostgreSQL writer waits for
    /// the experiment's row lock as long as its holder keeps it).
    ///
    /// The modes on PostgreSQL, where the database itself must exist (it is made with `createdb`):
    /// `createIfMissing` makes the metaqnn schema in an empty database; `mustExist` and `readOnly`
    /// want the schema there already and otherwise throw `missing`, saying to run `search` or
    /// `import` first; `readOnly` writes nothing (its session is read-only on the server too). A
    /// server that cannot be reached or entered is one `backend` sentence naming the redacted URL.
    public static func open(_ location: StoreLocation, mode: StoreOpenMode,
                            busyTimeout: Double = 10) throws(StoreError) -> any ExperimentStore {
        switch location {
        case .sqlite(let path):
            return try ReplayStore(path: path, mode: mode, busyTimeout: busyTimeout)
        case .postgres(let url):
            do {
                return try PostgresStore(url: url, mode: mode)
            } catch {
                throw error.storeError
            }
        }
    }
}
