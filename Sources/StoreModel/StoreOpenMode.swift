/// How a command opens a store.
///
/// For a PostgreSQL database the store is the metaqnn schema in it (the database itself is made
/// with `createdb`): `createIfMissing` makes the schema in an empty database, `mustExist` and
/// `readOnly` throw `StoreError.missing` when the schema is not there.
public enum StoreOpenMode: Sendable, Equatable {
    /// Create an empty store when there is none.
    case createIfMissing
    /// Fail with `StoreError.missing` when there is no store.
    case mustExist
    /// Only read: nothing of the store is written; writes throw `StoreError.readOnly`. An empty
    /// SQLite file is `notAStore`, and an older SQLite schema is brought up to date only in what is
    /// read; a PostgreSQL store is read in a read-only session, and an older schema there is refused
    /// (a command that writes brings it up to date).
    case readOnly
}
