import Foundation
import PostgresNIO
import StoreModel

extension PostgresStore {
    /// Rows whose foreign key finds no parent row (what SQLite's `PRAGMA foreign_key_check` reports),
    /// one finding per foreign key and table; empty when the database is sound.
    ///
    /// The server enforces foreign keys on every write, but a superuser can switch that off
    /// (`session_replication_role = replica`, disabled triggers) or restore a partial dump, so the
    /// rows are checked anew. PostgreSQL has no counterpart of `PRAGMA integrity_check` without an
    /// extension (amcheck) that needs privileges to install; it checks pages as it reads them.
    @available(*, noasync, message: "PostgresStore blocks its caller; call it from a thread, not from async code")
    public func integrityProblems() throws(StoreError) -> [String] {
        try read { session throws(StoreError) in
            // The schema's own foreign keys, with table and column names quoted by the server.
            let keys = try session.records("""
                SELECT k.conname::text AS name, k.conrelid::regclass::text AS child, k.confrelid::regclass::text AS parent,
                    ARRAY(SELECT quote_ident(a.attname) FROM unnest(k.conkey) WITH ORDINALITY AS c(n, i)
                          JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = c.n ORDER BY c.i)::text[] AS columns,
                    ARRAY(SELECT quote_ident(a.attname) FROM unnest(k.confkey) WITH ORDINALITY AS c(n, i)
                          JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = c.n ORDER BY c.i)::text[] AS referenced
                FROM pg_constraint k
                WHERE k.contype = 'f' AND k.connamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())
                ORDER BY child, name
                """) { c throws(StoreError) in
                (name: try c("name", as: String.self), child: try c("child", as: String.self),
                 parent: try c("parent", as: String.self), columns: try c("columns", as: [String].self),
                 referenced: try c("referenced", as: [String].self))
            }
            var problems: [String] = []
            for key in keys {
                // MATCH SIMPLE: a row with a NULL in its key references nothing.
                let present = key.columns.map { "c.\($0) IS NOT NULL" }.joined(separator: " AND ")
                let matches = zip(key.referenced, key.columns).map { "p.\($0) = c.\($1)" }.joined(separator: " AND ")
                let orphans = try session.value(PostgresQuery(unsafeSQL: """
                    SELECT COUNT(*) FROM \(key.child) c
                    WHERE \(present) AND NOT EXISTS (SELECT 1 FROM \(key.parent) p WHERE \(matches))
                    """), as: Int.self) ?? 0
                if orphans > 0 {
                    let child = key.child.replacingOccurrences(of: "\"", with: "")
                    let parent = key.parent.replacingOccurrences(of: "\"", with: "")
                    let rows = orphans == 1 ? "1 row of \(child) references" : "\(orphans) rows of \(child) reference"
                    problems.append("foreign key: \(rows) no row of \(parent) (\(key.name))")
                }
            }
            return problems
        }
    }
}
