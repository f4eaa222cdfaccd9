import Foundation
import ReplayStore
import StoreModel
import Testing

/// Migration `v2-imported-row-results`: imported rows keep their own result; rows of a search cannot.
@Suite struct ImportedRowResultTests {
    static let own = RowResult(bestValidationAccuracy: 86.0, bestValidationIteration: 5, lastValidationAccuracy: 85.5,
                               lastValidationIteration: 9, testAccuracyAtBest: nil, testAccuracyAtLast: 84.5)

    @Test func importedRowsKeepTheirOwnResultAndRowsOfASearchReadTheirNets() throws {
        let dir = TemporaryDirectory()
        defer { dir.cleanUp() }
        let store = try ReplayStore(path: dir.file("s.sqlite"), mode: .createIfMissing)
        var imported = Fixtures.experiment("ref")
        imported.kind = .imported
        imported.status = .imported
        try store.createExperiment(imported) { tx in
            let net = try tx.insertNet(Fixtures.trained("[SM(10)]", accuracy: 0.3, stage: nil))
            try tx.appendReplayRow(netID: net.id, epsilon: 1, finishedAt: 0, machine: "unknown")
            try tx.appendReplayRow(netID: net.id, epsilon: 1, finishedAt: 0, machine: "unknown", ownResult: Self.own,
                                   importedUpdateIndex: 1)
            #expect(try tx.replayRewards().map(\.reward) == [0.3, 86.0])
        }
        let entries = try store.replayEntries(experiment: "ref")
        #expect(entries.map(\.result.bestValidationAccuracy) == [0.3, 86.0])
        #expect(entries[1].result == Self.own && entries[1].result.isPercentScale && !entries[0].result.isPercentScale)
        #expect(entries.map(\.updateIndex) == [1, 1])

        // A search's rows have one result per net: the schema refuses a row of its own, and keeps nothing.
        try store.createExperiment(Fixtures.experiment("search"))
        #expect(throws: StoreError.self) {
            try store.write(experiment: "search") { tx in
                let net = try tx.insertNet(Fixtures.trained("[SM(10)]", accuracy: 0.4))
                try tx.appendReplayRow(netID: net.id, epsilon: 1, finishedAt: 0, machine: "m", ownResult: Self.own,
                                       importedUpdateIndex: 1)
            }
        }
        #expect(try store.nets(experiment: "search").isEmpty && store.replayEntries(experiment: "search").isEmpty)
    }

    @Test(.enabled(if: Fixtures.hasSQLite3)) func aStoreWhoseCreationWasCutShortOpensAsNew() throws {
        let dir = TemporaryDirectory()
        defer { dir.cleanUp() }
        // What the migrator writes before the first migration's transaction: its empty bookkeeping table.
        _ = try Fixtures.sqlite3(dir.file("s.sqlite"), "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
        let store = try ReplayStore(path: dir.file("s.sqlite"), mode: .createIfMissing)
        try store.createExperiment(Fixtures.experiment())
        #expect(try store.experiments().map(\.experiment.name) == ["exp"])
        // Any other table still marks the file as another program's.
        _ = try Fixtures.sqlite3(dir.file("t.sqlite"), "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY); CREATE TABLE notes (x)")
        #expect(throws: StoreError.foreignDatabase(store: dir.file("t.sqlite"))) {
            try ReplayStore(path: dir.file("t.sqlite"), mode: .createIfMissing)
        }
    }
}
