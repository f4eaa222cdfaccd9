import Foundation
@testable import PostgresStore
import StoreLocation
import StoreModel
import TestSupport
import Testing

/// The store's data statements run as named statements, prepared once per connection: a new
/// connection prepares them again, a statement the server no longer knows costs one failed
/// transaction and no more, and a statement first prepared with NULL binds takes values later.
@Suite(.enabled(if: PostgresTestCluster.shouldRun, "PostgreSQL is not installed (apt-get install postgresql)"))
struct NamedStatementTests {
    /// The SQL of the named statements the store's current connection has prepared, and its server process.
    func preparedStatements(_ store: PostgresStore) throws -> (statements: [String], pid: String) {
        try store.exclusively { session throws(PostgresStoreError) in
            (try session.strings("SELECT statement FROM pg_prepared_statements WHERE name LIKE 'metaqnn%' ORDER BY statement"),
             try session.strings("SELECT pg_backend_pid()::text")[0])
        }
    }

    /// Sets the experiment's random stream in one locked transaction; a second run needs the same statements.
    func step(_ store: PostgresStore, _ state: UInt64) throws {
        try store.write(experiment: "e") { try $0.setRNGState(state, at: Double(state)) }
    }

    /// The store now runs on another server process that has prepared the statements `before` had
    /// (but the experiment's unchanging columns, read once per store), and its last step set `state`.
    func expectPreparedAgain(_ store: PostgresStore, before: (statements: [String], pid: String), psql: PSQL, state: Int) throws {
        let after = try preparedStatements(store)
        #expect(after.pid != before.pid)
        #expect(after.statements == before.statements.filter { !$0.hasPrefix("SELECT * FROM experiment") })
        #expect(try psql.run("SELECT \"rngState\", \"updatedAt\" FROM experiment WHERE name = 'e'") == ["\(state)|\(state)"])
    }

    @Test func aNewConnectionPreparesTheStatementsAgain() throws {
        let (url, psql) = try ExperimentLockTests().storeWithExperiment()
        let store = try PostgresStore(url: url)
        defer { store.close() }
        try step(store, 1)
        try step(store, 2)
        let before = try preparedStatements(store)
        #expect(before.statements.contains { $0.contains("FOR UPDATE") })
        #expect(before.statements.contains { $0.hasPrefix("UPDATE experiment SET \"rngState\"") })
        // The server ends the connection; the statement that finds it gone fails, the next one reconnects.
        _ = try psql.run("SELECT pg_terminate_backend(\(before.pid))")
        do {
            try step(store, 3)
        } catch StoreError.connectionLost {
            try step(store, 3)
        }
        try expectPreparedAgain(store, before: before, psql: psql, state: 3)
    }

    @Test func aStatementTheServerDroppedFailsOneTransaction() throws {
        let (url, psql) = try ExperimentLockTests().storeWithExperiment()
        let store = try PostgresStore(url: url)
        defer { store.close() }
        try step(store, 1)
        let before = try preparedStatements(store)
        // What a connection pooler handing out another server session would do to the store.
        try store.exclusively { session throws(PostgresStoreError) in try session.execute("DEALLOCATE ALL") }
        #expect(throws: StoreError.self) { try step(store, 2) }
        #expect(try psql.run("SELECT \"rngState\" FROM experiment WHERE name = 'e'") == ["1"])
        try step(store, 3)
        try step(store, 4)
        try expectPreparedAgain(store, before: before, psql: psql, state: 4)
    }

    @Test func aStatementPreparedWithNullsTakesValuesLater() throws {
        let (url, _) = try ExperimentLockTests().storeWithExperiment()
        let store = try PostgresStore(url: url)
        defer { store.close() }
        // The failed net leaves most of the insert's binds NULL, so its preparation sees no type for them.
        let order = [1, 0, 2, 3]
        var stored: [TrainedNetRecord] = []
        for index in order {
            stored.append(try store.write(experiment: "e") { try $0.insertNet(StoreContractFixtures.nets[index]) })
        }
        #expect(try store.nets(experiment: "e") == stored)
        #expect(stored.map(\.id) == [1, 2, 3, 4])
    }
}
