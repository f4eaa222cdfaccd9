import Foundation
@testable import PostgresStore
import StoreLocation
import TestSupport
import Testing

/// A connection that dies inside a locked step: the step fails with `connectionLost` and the server
/// keeps nothing of it.
@Suite(.enabled(if: PostgresTestCluster.shouldRun, "PostgreSQL is not installed (apt-get install postgresql)"))
struct ConnectionLossTests {
    @Test func aConnectionKilledMidStepLosesTheWholeStep() throws {
        let (url, psql) = try ExperimentLockTests().storeWithExperiment()
        let store = try PostgresStore(url: url)
        defer { store.close() }
        #expect(throws: PostgresStoreError.connectionLost(url: url.description)) {
            try store.withExperimentLock(named: "e") { session, experiment in
                let id = experiment.id
                _ = try session.rows("UPDATE experiment SET \"rngState\" = 42 WHERE id = \(id)")
                // The server ends this connection, as a restart or a network cut would.
                _ = try psql.run("""
                    SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                    WHERE datname = current_database() AND pid <> pg_backend_pid()
                    """)
                _ = try session.rows("UPDATE experiment SET \"updatedAt\" = 1 WHERE id = \(id)")
            }
        }
        #expect(try psql.run("SELECT \"rngState\", \"updatedAt\" FROM experiment WHERE name = 'e'") == ["0|0"])
    }
}
