import Foundation
@testable import PostgresStore
import StoreLocation
import StoreModel
import TestSupport
import Testing

/// Writers of one experiment on separate connections take turns on its row lock: no update is lost,
/// and a step that throws leaves nothing behind.
@Suite(.enabled(if: PostgresTestCluster.shouldRun, "PostgreSQL is not installed (apt-get install postgresql)"))
struct ExperimentLockTests {
    /// A migrated database holding the experiment `e` (rngState 0), its URL and a `psql` for it.
    func storeWithExperiment() throws -> (url: PostgresURL, psql: PSQL) {
        let cluster = try PostgresTestCluster.shared()
        let database = try cluster.createDatabase()
        let url = try PostgresURL(parsing: cluster.url(database: database, query: "?sslmode=disable"))
        try PostgresStore(url: url).close()
        let psql = PSQL(cluster: cluster, database: database)
        _ = try psql.run("""
            INSERT INTO experiment (name, kind, status, seed, "searchSpace", settings, "rngState", "createdAt", "updatedAt")
            VALUES ('e', 'search', 'running', 1, '{}', '{}', 0, 0, 0)
            """)
        return (url, psql)
    }

    /// Reads the counter, waits a moment (so unserialised writers would overlap), writes it plus one.
    static func increment(_ store: PostgresStore) throws {
        try store.withExperimentLock(named: "e") { session, experiment in
            let id = experiment.id
            let value = try session.rows("SELECT \"rngState\" FROM experiment WHERE id = \(id)")[0].decode(Int64.self)
            usleep(2_000)
            _ = try session.rows("UPDATE experiment SET \"rngState\" = \(value + 1) WHERE id = \(id)")
        }
    }

    @Test func concurrentWritersLoseNoUpdate() throws {
        let (url, psql) = try storeWithExperiment()
        let writers = 3
        let steps = 15
        let results = ThreadResults()
        for _ in 0..<writers {
            Thread {
                do {
                    // A store per thread: its own connection, as separate processes would have.
                    let store = try PostgresStore(url: url)
                    defer { store.close() }
                    for _ in 0..<steps { try Self.increment(store) }
                    results.add(nil)
                } catch {
                    results.add("\(error)")
                }
            }.start()
        }
        try results.wait(for: writers)
        #expect(results.all == Array(repeating: nil, count: writers))
        #expect(try psql.run("SELECT \"rngState\" FROM experiment WHERE name = 'e'") == [String(writers * steps)])
    }

    struct StepFailed: Error {}

    @Test func aThrowingStepKeepsNothing() throws {
        let (url, psql) = try storeWithExperiment()
        let store = try PostgresStore(url: url)
        defer { store.close() }
        #expect(throws: StepFailed.self) {
            try store.withExperimentLock(named: "e") { session, experiment in
                let id = experiment.id
                _ = try session.rows("UPDATE experiment SET \"rngState\" = 42 WHERE id = \(id)")
                throw StepFailed()
            }
        }
        #expect(try psql.run("SELECT \"rngState\" FROM experiment WHERE name = 'e'") == ["0"])
        // The connection is usable again after the rollback.
        try Self.increment(store)
        #expect(try psql.run("SELECT \"rngState\" FROM experiment WHERE name = 'e'") == ["1"])
    }

    @Test func aMissingExperimentIsNamed() throws {
        let (url, _) = try storeWithExperiment()
        let store = try PostgresStore(url: url)
        defer { store.close() }
        #expect(throws: StoreError.experimentNotFound(name: "nope", store: url.description)) {
            try store.withExperimentLock(named: "nope") { _, _ in }
        }
    }
}
