import Foundation
import PostgresStore
import StoreLocation
import TestSupport
import Testing

/// Opening a PostgreSQL store applies the SQLite store's migrations in PostgreSQL's dialect, once,
/// and leaves databases it must not touch exactly as they were.
@Suite(.enabled(if: PostgresTestCluster.shouldRun, "PostgreSQL is not installed (apt-get install postgresql)"))
struct PostgresMigrationTests {
    static let names = ["v1-experiments-nets-replay-q-leases", "v2-imported-row-results", "v3-finalists", "v4-early-stopping", "v5-typed-q-values"]

    /// A new database of the shared cluster, its URL and a `psql` for it.
    func freshDatabase() throws -> (url: PostgresURL, psql: PSQL) {
        let cluster = try PostgresTestCluster.shared()
        let database = try cluster.createDatabase()
        let url = try PostgresURL(parsing: cluster.url(database: database, query: "?sslmode=disable"))
        return (url, PSQL(cluster: cluster, database: database))
    }

    @Test func aFreshDatabaseGetsTheSQLiteStoresSchema() throws {
        let (url, psql) = try freshDatabase()
        let store = try PostgresStore(url: url)
        defer { store.close() }
        #expect(try store.appliedMigrations() == Self.names)
        let (expected, sqliteMigrations) = try SchemaSignature.sqlite()
        // The same migrations by name on both backends; a migration added to one only fails here.
        #expect(try store.appliedMigrations().sorted() == sqliteMigrations.sorted())
        let actual = try SchemaSignature.postgres(psql)
        #expect(expected.contains { $0.hasPrefix("col finalistEnsemble.") }, "the SQLite signature was read")
        #expect(actual.filter { !expected.contains($0) } == [], "only on PostgreSQL")
        #expect(expected.filter { !actual.contains($0) } == [], "only on SQLite")
    }

    @Test func reopeningChangesNothing() throws {
        let (url, psql) = try freshDatabase()
        try PostgresStore(url: url).close()
        let before = try SchemaSignature.postgresState(psql)
        let store = try PostgresStore(url: url)
        #expect(try store.appliedMigrations() == Self.names)
        store.close()
        #expect(try SchemaSignature.postgresState(psql) == before)
    }

    @Test func aNewerStoreIsRefusedAndLeftAsItWas() throws {
        let (url, psql) = try freshDatabase()
        try PostgresStore(url: url).close()
        _ = try psql.run("INSERT INTO metaqnn_migrations (identifier) VALUES ('v99-from-the-future')")
        let before = try SchemaSignature.postgresState(psql)
        #expect(throws: PostgresStoreError.newerSchema(url: url.description, unknownMigrations: ["v99-from-the-future"])) {
            try PostgresStore(url: url)
        }
        #expect(try SchemaSignature.postgresState(psql) == before)
        let sentence = PostgresStoreError.newerSchema(url: url.description, unknownMigrations: ["v99-from-the-future"]).description
        #expect(sentence.contains("newer metaqnn") && sentence.hasSuffix("upgrade metaqnn."))
    }

    @Test func aDatabaseWithOtherTablesIsRefusedAndLeftAsItWas() throws {
        let (url, psql) = try freshDatabase()
        _ = try psql.run("CREATE TABLE invoices (id INT PRIMARY KEY)")
        #expect(throws: PostgresStoreError.foreignDatabase(url: url.description)) { try PostgresStore(url: url) }
        #expect(try psql.run("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()") == ["invoices"])
    }

    @Test func twoStoresOpeningOneFreshDatabaseAtOnceMigrateItOnce() throws {
        let (url, psql) = try freshDatabase()
        let results = ThreadResults()
        let threads = (0..<2).map { _ in
            Thread {
                do { try PostgresStore(url: url).close(); results.add(nil) } catch { results.add("\(error)") }
            }
        }
        threads.forEach { $0.start() }
        try results.wait(for: 2)
        #expect(results.all == [nil, nil])
        #expect(try psql.run("SELECT identifier FROM metaqnn_migrations ORDER BY identifier") == Self.names)
    }

    @Test func theTriggersHoldAsOnSQLite() throws {
        let (url, psql) = try freshDatabase()
        try PostgresStore(url: url).close()
        _ = try psql.run("""
            INSERT INTO experiment (name, kind, status, seed, "searchSpace", settings, "rngState", "createdAt", "updatedAt")
            VALUES ('e', 'search', 'running', 1, '{}', '{}', 0, 0, 0);
            INSERT INTO "trainedNet" ("experimentID", net, status, epsilon, worker, failure, "finishedAt")
            VALUES (1, '[SM(10)]', 'failed', 1, 'w', 'diverged', 0)
            """)
        // A replay row of a failed net, and an own result for a row of a search, are refused.
        #expect(try psql.lines("""
            INSERT INTO "replayRow" ("experimentID", sequence, "netID", epsilon, "finishedAt", machine) VALUES (1, 1, 1, 1, 0, 'm')
            """) == nil)
        #expect(try psql.lines("""
            INSERT INTO experiment (name, kind, status, seed, "searchSpace", settings, "rngState", "createdAt", "updatedAt")
            VALUES ('bad', 'search', 'running', 1, 'not json', '{}', 0, 0, 0)
            """) == nil)
        #expect(try psql.run("SELECT count(*) FROM \"replayRow\"") == ["0"])
    }
}
