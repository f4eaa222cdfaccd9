import Foundation
import ReplayStore
import StoreModel
import TestSupport
import Testing

/// `OpenMode.readOnly`: what list, show, report, export and replay open. The file and the files
/// SQLite keeps beside it are never written, and nothing is created.
@Suite struct ReadOnlyStoreTests {
    /// A store with one experiment and one trained net, closed (so no `-wal` is left).
    static func closedStore(in dir: TemporaryDirectory) throws -> String {
        let path = dir.file("s.sqlite")
        let store = try ReplayStore(path: path, mode: .createIfMissing)
        try store.createExperiment(Fixtures.experiment()) { transaction in
            _ = try transaction.insertNet(Fixtures.trained("[SM(10)]", accuracy: 0.5))
        }
        return path
    }

    @Test func readingAClosedStoreWritesNothingAndCreatesNoLog() throws {
        let dir = TemporaryDirectory()
        defer { dir.cleanUp() }
        let path = try Self.closedStore(in: dir)
        let before = storeFiles(path)
        #expect(before[1] == nil && before[2] == nil, "the closed store left no write-ahead log")
        let store = try ReplayStore(path: path, mode: .readOnly)
        #expect(store.isReadOnly)
        #expect(try store.experiments().map(\.trainedNets) == [1])
        #expect(try store.nets(experiment: "exp").map(\.net) == ["[SM(10)]"])
        #expect(try store.integrityProblems().isEmpty)
        #expect(storeFiles(path) == before)
    }

    @Test func readingWhileAWriterHoldsTheStoreSeesItsCommitsAndChangesNoFile() throws {
        let dir = TemporaryDirectory()
        defer { dir.cleanUp() }
        let path = dir.file("s.sqlite")
        let writer = try ReplayStore(path: path, mode: .createIfMissing)
        try writer.createExperiment(Fixtures.experiment())
        try writer.createExperiment(Fixtures.experiment("second"))
        let before = storeFiles(path)
        #expect(before[1].map { !$0.isEmpty } == true, "the open writer keeps its commits in the write-ahead log")
        let reader = try ReplayStore(path: path, mode: .readOnly)
        #expect(try reader.experiments().map(\.experiment.name) == ["exp", "second"])
        let after = storeFiles(path)
        #expect(after[0] == before[0] && after[1] == before[1])
        _ = writer
    }

    @Test func anEmptyOrMissingFileIsNotMadeAStore() throws {
        let dir = TemporaryDirectory()
        defer { dir.cleanUp() }
        let empty = dir.file("empty.sqlite")
        _ = FileManager.default.createFile(atPath: empty, contents: Data())
        let error = #expect(throws: StoreError.notAStore(store: empty)) { try ReplayStore(path: empty, mode: .readOnly) }
        #expect(error?.description.contains("is empty, not a metaqnn replay store") == true)
        #expect(storeFiles(empty) == [Data(), nil, nil])
        let missing = dir.file("missing.sqlite")
        #expect(throws: StoreError.missing(store: missing)) { try ReplayStore(path: missing, mode: .readOnly) }
        #expect(!FileManager.default.fileExists(atPath: missing))
    }

    @Test func writingThroughAReadOnlyStoreIsRefused() throws {
        let dir = TemporaryDirectory()
        defer { dir.cleanUp() }
        let path = try Self.closedStore(in: dir)
        let before = storeFiles(path)
        let store = try ReplayStore(path: path, mode: .readOnly)
        #expect(throws: StoreError.readOnly(store: path)) { try store.createExperiment(Fixtures.experiment("new")) }
        #expect(throws: StoreError.readOnly(store: path)) { try store.heartbeat(lease: 1, at: 5) }
        #expect(storeFiles(path) == before)
    }

    @Test(.enabled(if: Fixtures.hasSQLite3)) func anOlderSchemaIsMigratedInMemoryOnly() throws {
        let dir = TemporaryDirectory()
        defer { dir.cleanUp() }
        // A store of ours (application id) on which no migration has run yet: older than every build.
        let path = dir.file("old.sqlite")
        _ = try Fixtures.sqlite3(path, """
            PRAGMA application_id = \(0x4D51_4E4E);
            CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
            """)
        let before = storeFiles(path)
        let store = try ReplayStore(path: path, mode: .readOnly)
        #expect(try store.experiments().isEmpty)
        #expect(storeFiles(path) == before)
        #expect(try Fixtures.sqlite3(path, "SELECT COUNT(*) FROM grdb_migrations;") == "0\n")
    }

    /// What another process creating a store has committed before its first migration: GRDB's
    /// empty migrations table (with its primary-key index), no application id yet.
    @Test(.enabled(if: Fixtures.hasSQLite3)) func aStoreBeingCreatedIsNotCalledForeign() throws {
        let dir = TemporaryDirectory()
        defer { dir.cleanUp() }
        let path = dir.file("new.sqlite")
        _ = try Fixtures.sqlite3(path, "CREATE TABLE IF NOT EXISTS grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);")
        #expect(throws: StoreError.notAStore(store: path)) { try ReplayStore(path: path, mode: .readOnly) }
        let store = try ReplayStore(path: path, mode: .mustExist)
        #expect(try store.experiments().isEmpty)
    }

    @Test(.enabled(if: Fixtures.hasSQLite3)) func aNewerOrForeignFileIsStillRefused() throws {
        let dir = TemporaryDirectory()
        defer { dir.cleanUp() }
        let path = try Self.closedStore(in: dir)
        _ = try Fixtures.sqlite3(path, "INSERT INTO grdb_migrations VALUES ('v9-from-the-future');")
        let before = storeFiles(path)
        #expect(throws: StoreError.newerSchema(store: path, unknownMigrations: ["v9-from-the-future"])) {
            try ReplayStore(path: path, mode: .readOnly)
        }
        let foreign = dir.file("photos.db")
        _ = try Fixtures.sqlite3(foreign, "CREATE TABLE photo (id INTEGER PRIMARY KEY);")
        #expect(throws: StoreError.foreignDatabase(store: foreign)) { try ReplayStore(path: foreign, mode: .readOnly) }
        #expect(storeFiles(path) == before)
    }

    /// The stores committed under `Replay/` open read-only (migrated in memory when this build's
    /// schema is newer) without a byte of them changing.
    @Test func theCommittedStoresOpenReadOnlyUnchanged() throws {
        let replay = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Replay")
        let stores = ((try? FileManager.default.contentsOfDirectory(atPath: replay.path)) ?? [])
            .filter { $0.hasSuffix(".sqlite") }.map { replay.appendingPathComponent($0).path }
        for path in stores {
            let before = storeFiles(path)
            let store = try ReplayStore(path: path, mode: .readOnly)
            #expect(try !store.experiments().isEmpty, "\(path)")
            #expect(storeFiles(path) == before, "\(path)")
        }
    }
}
