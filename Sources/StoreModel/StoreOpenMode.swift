/// How a command opens a store.
public enum StoreOpenMode: Sendable, Equatable {
    /// Create an empty store when there is none.
    case createIfMissing
    /// Fail with `StoreError.missing` when there is no store.
    case mustExist
    /// Only read: nothing of the store is written, an empty one is `notAStore`, an older schema is
    /// brought up to date only in what is read; writes throw `StoreError.readOnly`.
    case readOnly
}
