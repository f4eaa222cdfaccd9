import Foundation
import PostgresStore
import StoreLocation
import StoreModel
import TestSupport
import Testing

/// What `StoreOpenMode` means on PostgreSQL: `createIfMissing` makes the schema, `mustExist` and
/// `readOnly` want it there, and `readOnly` writes nothing, here or on the server.
@Suite(.enabled(if: PostgresTestCluster.shouldRun, "PostgreSQL is not installed (apt-get install postgresql)"))
struct PostgresOpenModeTests {
    @Test(arguments: [StoreOpenMode.mustExist, .readOnly])
    func aDatabaseWithoutTheSchemaIsNoStore(mode: StoreOpenMode) throws {
        let (url, psql) = try PostgresMigrationTests().freshDatabase()
        #expect(throws: PostgresStoreError.noStore(url: url.description)) { try PostgresStore(url: url, mode: mode) }
        #expect(PostgresStoreError.noStore(url: url.description).storeError == .missing(store: url.description))
        // Refused before anything was made.
        #expect(try psql.run("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'") == ["0"])
    }

    @Test func mustExistOpensAStoreThatCreateIfMissingMade() throws {
        let (url, _) = try PostgresMigrationTests().freshDatabase()
        try PostgresStore(url: url, mode: .createIfMissing).close()
        let store = try PostgresStore(url: url, mode: .mustExist)
        defer { store.close() }
        #expect(try store.appliedMigrations() == PostgresMigrationTests.names)
    }

    @Test func mustExistBringsAnOlderSchemaUpToDateAndReadOnlyRefusesIt() throws {
        let (url, psql) = try PostgresMigrationTests().freshDatabase()
        try PostgresStore(url: url).close()
        // As a metaqnn of three migrations ago left it: without the last three migrations' tables,
        // columns and records.
        _ = try psql.run(PostgresTypedQValueMigrationTests.textTable)
        _ = try psql.run("DROP TABLE finalist, \"finalistEnsemble\" CASCADE")
        _ = try psql.run("ALTER TABLE \"trainedNet\" DROP COLUMN \"stoppedAfterEpoch\", DROP COLUMN \"predictedAccuracy\"")
        _ = try psql.run("DELETE FROM metaqnn_migrations WHERE identifier IN ('v3-finalists', 'v4-early-stopping')")
        #expect(throws: PostgresStoreError.olderSchema(url: url.description,
                                                       missingMigrations: ["v3-finalists", "v4-early-stopping", "v5-typed-q-values"])) {
            try PostgresStore(url: url, mode: .readOnly)
        }
        #expect(try psql.run("SELECT COUNT(*) FROM metaqnn_migrations") == ["2"])
        let store = try PostgresStore(url: url, mode: .mustExist)
        defer { store.close() }
        #expect(try store.appliedMigrations() == PostgresMigrationTests.names)
    }

    @Test func aReadOnlyStoreReadsAndRefusesEveryWrite() throws {
        let (url, psql) = try ExperimentLockTests().storeWithExperiment()
        let store = try PostgresStore(url: url, mode: .readOnly)
        defer { store.close() }
        #expect(try store.experiment(named: "e").rngState == 0)
        let refusal = StoreError.readOnly(store: url.description)
        #expect(throws: refusal) { try store.write(experiment: "e") { try $0.setRNGState(7, at: 7) } }
        #expect(throws: refusal) { try store.createExperiment(StoreContractFixtures.gamma) }
        #expect(throws: refusal) { try store.heartbeat(lease: 1, at: 1) }
        #expect(try psql.run("SELECT \"rngState\", \"updatedAt\" FROM experiment") == ["0|0"])
        #expect(try psql.run("SELECT COUNT(*) FROM experiment") == ["1"])
    }

    @Test func theNextTransactionAfterALostConnectionRunsOnAFreshOne() throws {
        let (url, psql) = try ExperimentLockTests().storeWithExperiment()
        let store = try PostgresStore(url: url)
        defer { store.close() }
        #expect(throws: StoreError.connectionLost(store: url.description)) {
            try store.write(experiment: "e") { transaction in
                try transaction.setRNGState(5, at: 5)
                _ = try psql.run("""
                    SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                    WHERE datname = current_database() AND pid <> pg_backend_pid()
                    """)
                try transaction.setStatus(.finished, at: 6)
            }
        }
        try store.write(experiment: "e") { try $0.setRNGState(9, at: 9) }
        #expect(try psql.run("SELECT \"rngState\", status FROM experiment") == ["9|running"])
    }
}
