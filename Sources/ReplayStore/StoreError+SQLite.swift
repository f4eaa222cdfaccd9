import StoreModel

/// The failures only an SQLite store can have, as `StoreError.backend` with SQLite's sentences.
extension StoreError {
    /// The path is a directory.
    public static func isDirectory(path: String) -> StoreError {
        .backend(store: path, sentence: "\(path) is a directory; pass the replay store's file path, e.g. --store Replay/default.sqlite.")
    }

    /// The file exists but is not an SQLite database.
    public static func notADatabase(path: String) -> StoreError {
        .backend(store: path, sentence: "\(path) is not an SQLite database; pass a metaqnn replay store with --store.")
    }

    /// Any other SQLite failure, with SQLite's message.
    public static func sqlite(path: String, message: String) -> StoreError {
        .backend(store: path, sentence: "SQLite failed on \(path): \(message).")
    }
}
