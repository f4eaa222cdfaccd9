import Foundation
import ReplayStore
import StoreModel
import Testing

@Suite struct StoreOpeningTests {
    @Test func aMissingStoreIsReportedAndNotCreated() throws {
        let dir = TemporaryDirectory()
        defer { dir.cleanUp() }
        let path = dir.file("none.sqlite")
        #expect(throws: StoreError.missing(store: path)) { try ReplayStore(path: path, mode: .mustExist) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func aDirectoryIsRefused() throws {
        let dir = TemporaryDirectory()
        defer { dir.cleanUp() }
        #expect(throws: StoreError.isDirectory(path: dir.path)) { try ReplayStore(path: dir.path, mode: .createIfMissing) }
    }

    @Test func aFileThatIsNotSQLiteIsRefusedUntouched() throws {
        let dir = TemporaryDirectory()
        defer { dir.cleanUp() }
        let path = dir.file("notes.sqlite")
        let bytes = Data("net,accuracy\nthis is not a database at all\n".utf8)
        try bytes.write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.notADatabase(path: path)) { try ReplayStore(path: path, mode: .createIfMissing) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
    }

    @Test(.enabled(if: Fixtures.hasSQLite3)) func aForeignSQLiteFileIsRefusedUntouched() throws {
        let dir = TemporaryDirectory()
        defer { dir.cleanUp() }
        let path = dir.file("foreign.sqlite")
        _ = try Fixtures.sqlite3(path, "CREATE TABLE photos (id INTEGER PRIMARY KEY, title TEXT); INSERT INTO photos VALUES (1, 'x');")
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let error = #expect(throws: StoreError.foreignDatabase(store: path)) {
            try ReplayStore(path: path, mode: .createIfMissing)
        }
        #expect(error?.description.contains("left untouched") == true)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        #expect(try Fixtures.sqlite3(path, "PRAGMA journal_mode;") == "delete\n")
    }

    @Test func anEmptyFileBecomesAStore() throws {
        let dir = TemporaryDirectory()
        defer { dir.cleanUp() }
        let path = dir.file("empty.sqlite")
        _ = FileManager.default.createFile(atPath: path, contents: Data())
        let store = try ReplayStore(path: path, mode: .mustExist)
        try store.createExperiment(Fixtures.experiment())
        #expect(try store.experiments().count == 1)
    }

    @Test(.enabled(if: Fixtures.hasSQLite3)) func aStoreIsPlainWALSQLiteWithOurApplicationID() throws {
        let dir = TemporaryDirectory()
        defer { dir.cleanUp() }
        let path = dir.file("s.sqlite")
        let store = try ReplayStore(path: path, mode: .createIfMissing)
        try store.createExperiment(Fixtures.experiment())
        #expect(try Fixtures.sqlite3(path, "PRAGMA journal_mode;") == "wal\n")
        #expect(try Fixtures.sqlite3(path, "PRAGMA application_id;") == "\(0x4D51_4E4E)\n")
        #expect(try Fixtures.sqlite3(path, "SELECT name, kind, status FROM experiment;") == "exp|search|running\n")
    }

    @Test(.enabled(if: Fixtures.hasSQLite3)) func aSchemaFromANewerVersionIsRefused() throws {
        let dir = TemporaryDirectory()
        defer { dir.cleanUp() }
        let path = dir.file("s.sqlite")
        _ = try ReplayStore(path: path, mode: .createIfMissing)
        _ = try Fixtures.sqlite3(path, "INSERT INTO grdb_migrations VALUES ('v9-from-the-future');")
        #expect(throws: StoreError.newerSchema(store: path, unknownMigrations: ["v9-from-the-future"])) {
            try ReplayStore(path: path, mode: .mustExist)
        }
    }

    @Test func aStoreLockedByAnotherWriterFailsAfterTheBusyTimeout() throws {
        let dir = TemporaryDirectory()
        defer { dir.cleanUp() }
        let path = dir.file("s.sqlite")
        let holder = try ReplayStore(path: path, mode: .createIfMissing)
        try holder.createExperiment(Fixtures.experiment())
        let waiter = try ReplayStore(path: path, mode: .mustExist, busyTimeout: 0.2)
        let locked = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let done = DispatchSemaphore(value: 0)
        Thread {
            try! holder.write(experiment: "exp") { tx in
                try tx.setRNGState(1, at: 1)
                locked.signal()
                release.wait()
            }
            done.signal()
        }.start()
        locked.wait()
        let error = #expect(throws: StoreError.locked(store: path, seconds: 0.2)) {
            try waiter.write(experiment: "exp") { tx in try tx.setRNGState(2, at: 2) }
        }
        #expect(error?.description.contains("locked") == true)
        release.signal()
        done.wait()
        #expect(try waiter.experiment(named: "exp").rngState == 1)
        try waiter.write(experiment: "exp") { tx in try tx.setRNGState(3, at: 3) }
        #expect(try holder.experiment(named: "exp").rngState == 3)
    }
}
