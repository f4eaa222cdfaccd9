import PostgresNIO

/// One statement of this module run as a named prepared statement: the server parses and plans
/// its text once per connection, and each later run only binds its values and executes.
///
/// postgres-nio (1.33.2) offers named statements only through `PostgresPreparedStatement`, whose
/// name and text are static, as for a statement written once in a type of its own. The store's
/// statements are the module's `PostgresQuery` values, whose text is fixed per call site but built
/// from the module's constants where it runs, so `text` hands the name and SQL of the one statement
/// being run to those static requirements: `PostgresConnection.execute(_:logger:)` reads them while
/// it runs inside `text.withValue`, and keeps what it read for the preparation it sends.
///
/// The parameter types are left to postgres-nio, which takes them from the first run's binds on a
/// connection, as for an unnamed query: a bind that is NULL there has no type, and the server then
/// infers the column's type from where the parameter stands, which is the type the same bind has
/// when it is not NULL (every column of the schema is BIGINT, DOUBLE PRECISION, TEXT or BOOLEAN, the
/// types of Int64, Int, Double, String and Bool).
struct NamedStatement: PostgresPreparedStatement {
    typealias Row = PostgresRow

    /// The name and SQL of the statement being run by the current task.
    @TaskLocal static var text = (name: "", sql: "")

    static var name: String {
        precondition(!text.name.isEmpty, "a NamedStatement runs only inside NamedStatement.$text.withValue")
        return text.name
    }

    static var sql: String { text.sql }

    /// The values of this run, in the order of the text's `$1`, `$2`, ….
    let binds: PostgresBindings

    func makeBindings() -> PostgresBindings { binds }

    func decodeRow(_ row: PostgresRow) -> PostgresRow { row }
}
