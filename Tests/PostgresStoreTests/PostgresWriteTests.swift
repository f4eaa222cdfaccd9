import Foundation
import PostgresStore
import StoreLocation
import StoreModel
import TestSupport
import Testing

/// `write(experiment:)` on PostgreSQL: writers of one experiment take turns, and a step that fails
/// in any way, a lost connection included, keeps nothing.
@Suite(.enabled(if: PostgresTestCluster.shouldRun, "PostgreSQL is not installed (apt-get install postgresql)"))
struct PostgresWriteTests {
    /// A fresh database holding the experiment `alpha` of the store contract, its URL and a `psql` for it.
    func storeWithExperiment() throws -> (url: PostgresURL, psql: PSQL) {
        let (url, psql) = try PostgresMigrationTests().freshDatabase()
        let store = try PostgresStore(url: url)
        defer { store.close() }
        try store.createExperiment(StoreContractFixtures.search)
        return (url, psql)
    }

    @Test func concurrentReadModifyWritesLoseNoUpdate() throws {
        let (url, _) = try storeWithExperiment()
        let start = StoreContractFixtures.search.rngState
        let threads = 2
        let increments = 25
        let results = ThreadResults()
        for _ in 0..<threads {
            Thread {
                do {
                    // A store per thread: its own connection, as separate processes would have.
                    let store = try PostgresStore(url: url)
                    defer { store.close() }
                    for _ in 0..<increments {
                        try store.write(experiment: "alpha") { transaction in
                            let value = transaction.experiment.rngState
                            // Unserialised writers would both read the value before either writes it.
                            usleep(1_000)
                            try transaction.setRNGState(value + 1, at: 1)
                        }
                    }
                    results.add(nil)
                } catch {
                    results.add("\(error)")
                }
            }.start()
        }
        try results.wait(for: threads)
        #expect(results.all == Array(repeating: nil, count: threads))
        let store = try PostgresStore(url: url)
        defer { store.close() }
        #expect(try store.experiment(named: "alpha").rngState == start + UInt64(threads * increments))
    }

    @Test func aConnectionKilledMidWriteKeepsNothing() throws {
        let (url, psql) = try storeWithExperiment()
        let store = try PostgresStore(url: url)
        defer { store.close() }
        let before = try store.experiment(named: "alpha")
        let sentence = PostgresStoreError.connectionLost(url: url.description).description
        let lost = StoreError.connectionLost(store: url.description)
        #expect(throws: lost) {
            try store.write(experiment: "alpha") { transaction in
                let net = try transaction.insertNet(StoreContractFixtures.nets[0])
                try transaction.appendReplayRow(netID: net.id, epsilon: 1, finishedAt: 1, machine: "m")
                try transaction.saveQValues(StoreContract.firstQTable)
                _ = try transaction.insertLease(StoreContractFixtures.leases[0])
                try transaction.setRNGState(42, at: 42)
                // The server ends this connection, as a restart or a network cut would.
                _ = try psql.run("""
                    SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                    WHERE datname = current_database() AND pid <> pg_backend_pid()
                    """)
                try transaction.setStatus(.finished, at: 43)
            }
        }
        #expect(sentence.hasSuffix("run the command again.") && sentence.contains(url.description))
        for table in ["\"trainedNet\"", "\"replayRow\"", "\"qValue\"", "lease"] {
            #expect(try psql.run("SELECT COUNT(*) FROM \(table)") == ["0"], "\(table)")
        }
        let reopened = try PostgresStore(url: url)
        defer { reopened.close() }
        #expect(try reopened.experiment(named: "alpha") == before)
    }

    struct StepFailed: Error {}

    @Test func aThrowingWriteKeepsNothingAndTheStoreGoesOn() throws {
        let (url, psql) = try storeWithExperiment()
        let store = try PostgresStore(url: url)
        defer { store.close() }
        #expect(throws: StepFailed.self) {
            try store.write(experiment: "alpha") { transaction in
                _ = try transaction.insertNet(StoreContractFixtures.nets[0])
                throw StepFailed()
            }
        }
        #expect(try psql.run("SELECT COUNT(*) FROM \"trainedNet\"") == ["0"])
        let net = try store.write(experiment: "alpha") { try $0.insertNet(StoreContractFixtures.nets[1]) }
        #expect(try store.nets(experiment: "alpha") == [net])
    }

    @Test func aStatementTheServerRefusesEndsTheWriteKeepingNothing() throws {
        let (url, psql) = try storeWithExperiment()
        let store = try PostgresStore(url: url)
        defer { store.close() }
        var refused: (any Error)?
        do {
            try store.write(experiment: "alpha") { transaction in
                _ = try transaction.insertNet(StoreContractFixtures.nets[0])
                _ = try transaction.insertLease(StoreContractFixtures.leases[0])
                // The same net leased twice: the lease table's unique key refuses it.
                _ = try transaction.insertLease(StoreContractFixtures.leases[0])
            }
        } catch {
            refused = error
        }
        #expect("\(refused.map { "\($0)" } ?? "nothing thrown")".contains("duplicate key value violates unique constraint"))
        #expect(try psql.run("SELECT (SELECT COUNT(*) FROM \"trainedNet\") + (SELECT COUNT(*) FROM lease)") == ["0"])
    }

    /// Two stores create the same name at once: the second waits for the first and is refused with
    /// the sentence of an existing name, whether it checked before or after the first committed.
    @Test func aRacingCreateOfTheSameNameIsRefused() throws {
        let (url, _) = try PostgresMigrationTests().freshDatabase()
        let first = try PostgresStore(url: url)
        let second = try PostgresStore(url: url)
        defer { first.close(); second.close() }
        let started = DispatchSemaphore(value: 0)
        let results = ThreadResults()
        Thread {
            do {
                try first.createExperiment(StoreContractFixtures.search) { _ in
                    started.signal()
                    // Holds the uncommitted row while the other store tries.
                    usleep(300_000)
                }
                results.add(nil)
            } catch {
                results.add("\(error)")
            }
        }.start()
        started.wait()
        #expect(throws: StoreError.experimentExists(name: "alpha", store: url.description)) {
            try second.createExperiment(StoreContractFixtures.search)
        }
        try results.wait(for: 1)
        #expect(results.all == [nil])
        #expect(try second.experiments().map(\.experiment.name) == ["alpha"])
    }
}
