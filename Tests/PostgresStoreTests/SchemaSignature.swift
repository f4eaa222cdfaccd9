import Foundation
import ReplayStore
import TestSupport

/// A schema as lines comparable across SQLite and PostgreSQL: every column with its position and
/// whether it may be NULL, every primary key, unique constraint and index with its columns, every
/// foreign key with its ON DELETE action, and every trigger's name. Types and CHECK expressions
/// differ by dialect and are not compared.
enum SchemaSignature {
    /// The signature of a fresh SQLite store made by `ReplayStore`, read with the `sqlite3` shell,
    /// and the names of the migrations that made it.
    static func sqlite() throws -> (signature: [String], migrations: [String]) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("schema-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        _ = try ReplayStore(path: path, mode: .createIfMissing)
        let tables = "m.type = 'table' AND m.name NOT LIKE 'sqlite%' AND m.name <> 'grdb_migrations'"
        let queries = [
            """
            SELECT 'col ' || m.name || '.' || (p.cid + 1) || ' ' || p.name || ' '
                || CASE WHEN p."notnull" OR p.pk > 0 THEN 'required' ELSE 'nullable' END
            FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE \(tables)
            """,
            """
            SELECT 'key ' || m.name || ' unique '
                || (SELECT group_concat(name, ',') FROM (SELECT p.name FROM pragma_table_info(m.name) p WHERE p.pk > 0 ORDER BY p.pk))
            FROM sqlite_master m WHERE \(tables)
            """,
            """
            SELECT 'key ' || m.name || ' ' || CASE WHEN il."unique" THEN 'unique' ELSE 'index' END || ' '
                || (SELECT group_concat(name, ',') FROM (SELECT ii.name FROM pragma_index_info(il.name) ii ORDER BY ii.seqno))
            FROM sqlite_master m JOIN pragma_index_list(m.name) il WHERE \(tables) AND il.origin <> 'pk'
            """,
            """
            SELECT 'fk ' || m.name || '('
                || (SELECT group_concat("from", ',') FROM (SELECT g."from" FROM pragma_foreign_key_list(m.name) g WHERE g.id = f.id ORDER BY g.seq))
                || ') -> ' || f."table" || '('
                || (SELECT group_concat("to", ',') FROM (SELECT g."to" FROM pragma_foreign_key_list(m.name) g WHERE g.id = f.id ORDER BY g.seq))
                || ') ' || f.on_delete
            FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f WHERE \(tables) AND f.seq = 0
            """,
            "SELECT 'trigger ' || name FROM sqlite_master WHERE type = 'trigger'",
        ]
        return (try queries.flatMap { try sqlite3(path, $0) }.sorted(),
                try sqlite3(path, "SELECT identifier FROM grdb_migrations ORDER BY identifier"))
    }

    /// The signature of the current schema of `psql`'s database, without the migrations table.
    static func postgres(_ psql: PSQL) throws -> [String] {
        let queries = [
            """
            SELECT 'col ' || table_name || '.' || ordinal_position || ' ' || column_name || ' '
                || CASE WHEN is_nullable = 'NO' THEN 'required' ELSE 'nullable' END
            FROM information_schema.columns WHERE table_schema = current_schema() AND table_name <> 'metaqnn_migrations'
            """,
            """
            SELECT 'key ' || t.relname || ' ' || CASE WHEN ix.indisunique THEN 'unique' ELSE 'index' END || ' '
                || (SELECT string_agg(a.attname::text, ',' ORDER BY k.ord)
                    FROM unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum)
            FROM pg_index ix JOIN pg_class t ON t.oid = ix.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = current_schema() AND t.relname <> 'metaqnn_migrations'
            """,
            """
            SELECT 'fk ' || t.relname || '('
                || (SELECT string_agg(a.attname::text, ',' ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum)
                || ') -> ' || r.relname || '('
                || (SELECT string_agg(a.attname::text, ',' ORDER BY k.ord) FROM unnest(c.confkey) WITH ORDINALITY AS k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum)
                || ') ' || CASE c.confdeltype WHEN 'c' THEN 'CASCADE' WHEN 'a' THEN 'NO ACTION' WHEN 'r' THEN 'RESTRICT'
                                              WHEN 'n' THEN 'SET NULL' ELSE 'SET DEFAULT' END
            FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class r ON r.oid = c.confrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace WHERE c.contype = 'f' AND n.nspname = current_schema()
            """,
            """
            SELECT 'trigger ' || g.tgname FROM pg_trigger g JOIN pg_class t ON t.oid = g.tgrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace WHERE NOT g.tgisinternal AND n.nspname = current_schema()
            """,
        ]
        return try queries.flatMap { try psql.run($0) }.sorted()
    }

    /// Everything of the database a change would show in: the signature, the CHECK constraints, the
    /// tables' identities (a table dropped and made again gets a new oid) and the migrations table.
    static func postgresState(_ psql: PSQL) throws -> [String] {
        let extra = try psql.run("""
            SELECT 'check ' || t.relname || ' ' || pg_get_constraintdef(c.oid) FROM pg_constraint c
            JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE c.contype = 'c' AND n.nspname = current_schema()
            UNION ALL
            SELECT 'table ' || c.relname || ' ' || c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema()
            UNION ALL
            SELECT 'migration ' || identifier FROM metaqnn_migrations
            """)
        return try (postgres(psql) + extra).sorted()
    }

    /// Runs the sqlite3 command-line shell on `path`; its output lines.
    static func sqlite3(_ path: String, _ sql: String) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = ["-batch", "-noheader", path, sql]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CommandFailed(description: "sqlite3 failed (\(errorText)) to run: \(sql)") }
        return text.split(separator: "\n").map(String.init)
    }
}
