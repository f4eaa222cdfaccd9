import PostgresNIO
import StoreModel

/// One result row whose columns are read by name; a value that does not decode as the column's
/// type is `StoreError.corrupt`, like a hand-edited SQLite store's.
struct RecordColumns {
    let row: PostgresRandomAccessRow
    /// The store's redacted URL, for the error.
    let url: String

    /// The value of `column` as `T` (an `Optional` for a nullable column).
    func callAsFunction<T: PostgresDecodable>(_ column: String, as type: T.Type = T.self) throws(StoreError) -> T {
        // Every query of this module names its columns, so a missing one is a programmer error.
        precondition(row.contains(column), "the query selected no column \(column)")
        do {
            return try row[column].decode(T.self)
        } catch {
            throw .corrupt(store: url, detail: "column \(column) is not a \(T.self)")
        }
    }

    /// The text of `column` as one of `R`'s cases.
    func value<R: RawRepresentable>(_ column: String, as type: R.Type) throws(StoreError) -> R where R.RawValue == String {
        let text: String = try self(column)
        guard let value = R(rawValue: text) else { throw .corrupt(store: url, detail: "\(column) '\(text)'") }
        return value
    }
}

// The data operations throw `StoreError`, as every `ExperimentStore` does; a failure of the
// connection or the server becomes its `backend` case with this store's sentence.
extension PostgresStore.Session {
    /// The rows of `query`, run as a named statement (`prepared`), its failure as a `StoreError`.
    func fetch(_ query: PostgresQuery) throws(StoreError) -> [PostgresRow] {
        do {
            return try prepared(query)
        } catch {
            throw error.storeError
        }
    }

    /// Runs `query` for its effect.
    func run(_ query: PostgresQuery) throws(StoreError) {
        _ = try fetch(query)
    }

    /// The rows of `query`, each made into a value by `decode`.
    func records<T>(_ query: PostgresQuery,
                    _ decode: (RecordColumns) throws(StoreError) -> T) throws(StoreError) -> [T] {
        var result: [T] = []
        for row in try fetch(query) {
            result.append(try decode(RecordColumns(row: row.makeRandomAccess(), url: store.url.description)))
        }
        return result
    }

    /// The first column of the first row of `query` as `T`, or nil when there is no row.
    func value<T: PostgresDecodable>(_ query: PostgresQuery, as type: T.Type = T.self) throws(StoreError) -> T? {
        guard let row = try fetch(query).first else { return nil }
        do {
            return try row.makeRandomAccess()[0].decode(T.self)
        } catch {
            throw .corrupt(store: store.url.description, detail: "a result is not a \(T.self)")
        }
    }
}
