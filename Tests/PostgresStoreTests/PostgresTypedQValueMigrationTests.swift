import Foundation
import PostgresStore
import ReplayStore
import StoreLocation
import StoreModel
import TestSupport
import Testing

/// `v5-typed-q-values` on PostgreSQL: a store made before it keeps every Q value bit for bit and in
/// the SQLite store's order, and a row that is not two reference tuples stops the migration,
/// leaving the store as it was.
@Suite(.enabled(if: PostgresTestCluster.shouldRun, "PostgreSQL is not installed (apt-get install postgresql)"))
struct PostgresTypedQValueMigrationTests {
    /// Rows whose text sorts unlike their numbers ("128" before "64", "10" before "9"), with
    /// utilities of long expansions, as SQL values of experiment 1.
    static let textRows = """
        (1, 'conv,1,64,3,1,8,0,0', 'pool,2,0,2,2,8,0,0', 2.0::float8 / 3),
        (1, 'conv,1,128,3,1,8,0,0', 'pool,2,0,2,2,8,0,0', 0.1::float8 + 0.2::float8),
        (1, 'fc,9,0,0,0,0,512,0', 'fc,10,1,0,0,0,256,0', -1e-300),
        (1, 'fc,9,0,0,0,0,512,0', 'fc,10,0,0,0,0,512,1', 0.5),
        (1, 'start,0,1,0,0,8,0,0', 'conv,1,128,3,1,8,0,0', 4.9406564584124654e-324),
        (1, 'start,0,1,0,0,8,0,0', 'gap,1,0,0,0,1,0,0', 1.0::float8 / 7)
        """

    /// The `qValue` table as `v1-experiments-nets-replay-q-leases` made it (and v2 to v4 left it),
    /// replacing the typed one, without its migration's record.
    static let textTable = """
        DROP TABLE "qValue";
        CREATE TABLE "qValue" (
            "experimentID" BIGINT NOT NULL REFERENCES experiment(id) ON DELETE CASCADE,
            state          TEXT NOT NULL,
            action         TEXT NOT NULL,
            utility        DOUBLE PRECISION NOT NULL,
            PRIMARY KEY ("experimentID", state, action)
        );
        DELETE FROM metaqnn_migrations WHERE identifier = 'v5-typed-q-values';
        """

    /// A store at `v4-early-stopping` holding one experiment and the Q rows `rows`.
    func v4Store(rows: String) throws -> (url: PostgresURL, psql: PSQL) {
        let (url, psql) = try PostgresWriteTests().storeWithExperiment()
        _ = try psql.run(Self.textTable + "INSERT INTO \"qValue\" VALUES \(rows);")
        return (url, psql)
    }

    /// Every Q value as "state action bits", in the order the store before the migration read them.
    static func textQValues(_ psql: PSQL) throws -> [String] {
        try psql.run("""
            SELECT state || ' ' || action || ' ' || utility::text FROM "qValue" ORDER BY state COLLATE "C", action COLLATE "C"
            """).map { line in
            let cells = line.split(separator: " ")
            return "\(cells[0]) \(cells[1]) \(Double(cells[2])!.bitPattern)"
        }
    }

    static func typedQValues(_ records: [QValueRecord]) -> [String] {
        records.map { "\($0.state.referenceText) \($0.action.referenceText) \($0.utility.bitPattern)" }
    }

    @Test func aV4StoreKeepsItsQValuesExactlyAndInOrderAsOnSQLite() throws {
        let (url, psql) = try v4Store(rows: Self.textRows)
        let expected = try Self.textQValues(psql)
        #expect(expected.count == 6)
        let onSQLite = try Self.sqliteMigration(of: psql)
        #expect(throws: PostgresStoreError.olderSchema(url: url.description, missingMigrations: ["v5-typed-q-values"])) {
            try PostgresStore(url: url, mode: .readOnly)
        }
        let store = try PostgresStore(url: url)
        defer { store.close() }
        #expect(try store.appliedMigrations() == PostgresMigrationTests.names)
        let migrated = try store.qValues(experiment: StoreContractFixtures.search.name)
        #expect(Self.typedQValues(migrated) == expected)
        #expect(try psql.run("""
            SELECT "stateTerminate", "actionTerminate", "actionFcSize" FROM "qValue" WHERE "actionLayerType" = 'fc' ORDER BY "actionFilterDepth"
            """) == ["f|t|512", "f|f|256"])
        #expect(try store.integrityProblems() == [])
        // The same rows through the SQLite store's migration read back equal.
        #expect(migrated == onSQLite)
    }

    /// The Q rows of `psql`'s store, not yet migrated, migrated by an SQLite store of the same rows.
    static func sqliteMigration(of psql: PSQL) throws -> [QValueRecord] {
        let directory = NSTemporaryDirectory() + "pg-typed-q-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/store.sqlite"
        try ReplayStore(path: path, mode: .createIfMissing).createExperiment(StoreContractFixtures.search) { _ in }
        let rows = try psql.run("""
            SELECT format('(1, %L, %L, %s)', state, action, utility::text) FROM "qValue"
            """).joined(separator: ", ")
        _ = try SchemaSignature.sqlite3(path, """
            DROP TABLE qValue;
            CREATE TABLE qValue (
                experimentID INTEGER NOT NULL REFERENCES experiment(id) ON DELETE CASCADE,
                state TEXT NOT NULL, action TEXT NOT NULL, utility REAL NOT NULL,
                PRIMARY KEY (experimentID, state, action)
            ) WITHOUT ROWID;
            DELETE FROM grdb_migrations WHERE identifier = 'v5-typed-q-values';
            INSERT INTO qValue VALUES \(rows);
            """)
        return try ReplayStore(path: path, mode: .mustExist).qValues(experiment: StoreContractFixtures.search.name)
    }

    @Test func aRowThatIsNoReferenceTupleStopsTheMigration() throws {
        for bad in ["conv,1,64,3,1,8,0", "dropout,1,0,0,0,8,0,0", "conv,1,64,3,1,8,0,2", "conv,1,6.4,3,1,8,0,0"] {
            let (url, psql) = try v4Store(rows: Self.textRows + ", (1, '\(bad)', 'pool,2,0,2,2,8,0,0', 0.5)")
            let message = "the Q value of experiment 1 for state '\(bad)' and action 'pool,2,0,2,2,8,0,0' is not two reference "
                + "tuples, so the migration v5-typed-q-values changed nothing"
            #expect(throws: PostgresStoreError.server(url: url.description, message: message)) { try PostgresStore(url: url) }
            #expect(try psql.run("SELECT count(*) FROM metaqnn_migrations") == ["4"])
            #expect(try psql.run("SELECT count(*) FROM \"qValue\" WHERE state = '\(bad)'") == ["1"])
        }
    }
}
