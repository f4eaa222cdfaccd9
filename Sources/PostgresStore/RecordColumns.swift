import PostgresNIO

/// One result row whose columns are read by name; a value that does not decode as the column's
/// type is `corrupt`, like a hand-edited SQLite store's.
struct RecordColumns {
    let row: PostgresRandomAccessRow
    /// The store's redacted URL, for the error.
    let url: String

    /// The value of `column` as `T` (an `Optional` for a nullable column).
    func callAsFunction<T: PostgresDecodable>(_ column: String, as type: T.Type = T.self) throws(PostgresStoreError) -> T {
        // Every query of this module names its columns, so a missing one is a programmer error.
        precondition(row.contains(column), "the query selected no column \(column)")
        do {
            return try row[column].decode(T.self)
        } catch {
            throw .corrupt(url: url, detail: "column \(column) is not a \(T.self)")
        }
    }

    /// The text of `column` as one of `R`'s cases.
    func value<R: RawRepresentable>(_ column: String, as type: R.Type) throws(PostgresStoreError) -> R where R.RawValue == String {
        let text: String = try self(column)
        guard let value = R(rawValue: text) else { throw .corrupt(url: url, detail: "\(column) '\(text)'") }
        return value
    }
}

extension PostgresStore.Session {
    /// Runs `query` for its effect.
    func run(_ query: PostgresQuery) throws(PostgresStoreError) {
        _ = try rows(query)
    }

    /// The rows of `query`, each made into a value by `decode`.
    func records<T>(_ query: PostgresQuery,
                    _ decode: (RecordColumns) throws(PostgresStoreError) -> T) throws(PostgresStoreError) -> [T] {
        var result: [T] = []
        for row in try rows(query) {
            result.append(try decode(RecordColumns(row: row.makeRandomAccess(), url: store.url.description)))
        }
        return result
    }

    /// The first column of the first row of `query` as `T`, or nil when there is no row.
    func value<T: PostgresDecodable>(_ query: PostgresQuery, as type: T.Type = T.self) throws(PostgresStoreError) -> T? {
        guard let row = try rows(query).first else { return nil }
        do {
            return try row.makeRandomAccess()[0].decode(T.self)
        } catch {
            throw .corrupt(url: store.url.description, detail: "a result is not a \(T.self)")
        }
    }
}
