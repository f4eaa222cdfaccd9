import StoreModel

/// The store's schema on PostgreSQL: the same named migrations as the SQLite store's
/// (`ReplayStore`'s `StoreSchema`), in PostgreSQL's dialect, applied in one transaction.
///
/// A migration is never edited once it has landed; later changes are new migrations appended here
/// and there under the same name. Identifiers are quoted so that tables and columns carry exactly
/// the SQLite store's names (PostgreSQL folds unquoted names to lower case). JSON columns stay
/// TEXT, checked by a cast to `json`, so a stored document reads back byte for byte as on SQLite
/// (`jsonb` would reorder keys and drop white space). SQLite's `INTEGER PRIMARY KEY` becomes an
/// identity column, its triggers become trigger functions (a PostgreSQL trigger's WHEN may not
/// hold a subquery), and `WITHOUT ROWID` has no counterpart.
enum PostgresSchema {
    /// The table recording applied migrations by name (the SQLite store's is `grdb_migrations`).
    static let migrationsTable = "metaqnn_migrations"

    /// Any constant: the advisory lock that serialises stores migrating one database at once.
    static let migrationLock: Int64 = 0x4D51_4E4E

    /// The migrations in order: name and statements.
    static let migrations: [(name: String, statements: [String])] = [
        ("v1-experiments-nets-replay-q-leases", v1),
        ("v2-imported-row-results", v2),
        ("v3-finalists", v3),
        ("v4-early-stopping", v4),
        ("v5-typed-q-values", v5),
    ]

    /// Checks the store's database and, as `mode` allows, brings it to this build's schema in one
    /// transaction; throws `newerSchema` or `foreignDatabase`, rolling back, for databases it must not
    /// touch, `noStore` when `mode` wants a store and the database holds none, and `olderSchema`
    /// when a read-only store would need a migration.
    static func migrate(_ store: PostgresStore, mode: StoreOpenMode) throws(PostgresStoreError) {
        let url = store.url.description
        do {
            try store.transaction { session in
                if mode != .readOnly { try session.execute("SELECT pg_advisory_xact_lock(\(migrationLock))") }
                let tables = try session.strings("""
                    SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema()
                    """)
                if !tables.isEmpty, !tables.contains(migrationsTable) { throw PostgresStoreError.foreignDatabase(url: url) }
                // An empty database, or one whose creator's first migration never committed.
                let hasStore = try tables.contains(migrationsTable)
                    && !session.strings("SELECT identifier FROM \(migrationsTable) LIMIT 1").isEmpty
                if !hasStore, mode != .createIfMissing { throw PostgresStoreError.noStore(url: url) }
                if mode != .readOnly {
                    try session.execute("CREATE TABLE IF NOT EXISTS \(migrationsTable) (identifier TEXT NOT NULL PRIMARY KEY)")
                }
                let applied = Set(try session.strings("SELECT identifier FROM \(migrationsTable)"))
                let unknown = applied.subtracting(migrations.map(\.name)).sorted()
                if !unknown.isEmpty { throw PostgresStoreError.newerSchema(url: url, unknownMigrations: unknown) }
                let missing = migrations.filter { !applied.contains($0.name) }
                if mode == .readOnly {
                    if !missing.isEmpty { throw PostgresStoreError.olderSchema(url: url, missingMigrations: missing.map(\.name)) }
                    return
                }
                for migration in missing {
                    for statement in migration.statements { try session.execute(statement) }
                    _ = try session.rows("INSERT INTO \(unescaped: migrationsTable) (identifier) VALUES (\(migration.name))")
                }
            }
        } catch let error as PostgresStoreError {
            throw error
        } catch {
            throw PostgresStoreError(error, url: store.url)
        }
    }
}
