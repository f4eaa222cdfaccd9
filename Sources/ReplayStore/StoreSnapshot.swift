import Foundation
import GRDB
import GRDBSQLite
import StoreModel

/// A read-only store: the file copied into an in-memory database with SQLite's backup API, so
/// reading it writes nothing beside it and an older schema can be migrated in the copy.
///
/// A plain read-only connection is not enough: SQLite creates `-wal` and `-shm` files beside a
/// WAL database it reads, and fails where it may not create them (a read-only folder). So the
/// source is opened as `immutable` when it has no write-ahead log (everything is in the file),
/// and with `readonly_shm` when it has one (a search may be writing it right now: the copy then
/// takes a proper read transaction and sees only committed steps).
enum StoreSnapshot {
    /// The in-memory copy of the store at `path`, checked and brought up to this build's schema.
    static func load(path: String, busyTimeout: Double) throws(StoreError) -> DatabaseQueue {
        try checkHeader(path: path)
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        do {
            let memory = try DatabaseQueue(configuration: configuration)
            try copy(path: path, into: memory, busyTimeout: busyTimeout)
            let migrator = StoreSchema.migrator
            let pending = try memory.read { db in
                guard try StoreSchema.check(db, path: path) == .store else { throw StoreError.notAStore(store: path) }
                return try !migrator.hasCompletedMigrations(db)
            }
            // A store of an older build: its copy gets the new tables, the file stays as it is.
            if pending { try migrator.migrate(memory) }
            return memory
        } catch {
            throw ReplayStore.map(error, path: path, busyTimeout: busyTimeout)
        }
    }

    /// Refuses a file that is empty or does not start like an SQLite database.
    private static func checkHeader(path: String) throws(StoreError) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .sqlite(path: path, message: "the file cannot be read")
        }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        try? handle.close()
        if header.isEmpty { throw .notAStore(store: path) }
        guard header == Data("SQLite format 3\0".utf8) else { throw .notADatabase(path: path) }
    }

    /// Copies every page of the file (and its committed write-ahead log) into `memory`.
    private static func copy(path: String, into memory: DatabaseQueue, busyTimeout: Double) throws {
        let file = URL(fileURLWithPath: path).absoluteString
        while true {
            let before = FileState(path: path)
            if before.logSize > 0 {
                // A writer may be active: a real read transaction, through the shared-memory index
                // without writing it; SQLite must build a missing index in a `-shm` file, so that
                // case (a log copied without its index) falls back to a plain read-only open.
                // A killed writer can leave an index that needs recovery, which a reader that may not
                // write the index cannot do: that also falls back.
                do {
                    return try backup(from: "\(file)?mode=ro&readonly_shm=1", into: memory, busyTimeout: busyTimeout)
                } catch let error as DatabaseError where error.resultCode == .SQLITE_CANTOPEN || isTransient(error.resultCode) {
                    return try backup(from: "\(file)?mode=ro", into: memory, busyTimeout: busyTimeout)
                }
            }
            // No log: every commit is in the file, which is read without locks or side files. A
            // writer that appeared meanwhile shows in the file's state, and the copy is redone.
            try backup(from: "\(file)?mode=ro&immutable=1", into: memory, busyTimeout: busyTimeout)
            if FileState(path: path) == before { return }
        }
    }

    /// What tells whether the file (or its log) changed while it was copied.
    private struct FileState: Equatable {
        var size: Int
        var modified: Date?
        var logSize: Int

        init(path: String) {
            let attributes = try? FileManager.default.attributesOfItem(atPath: path)
            size = attributes?[.size] as? Int ?? 0
            modified = attributes?[.modificationDate] as? Date
            logSize = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
        }
    }

    private static func backup(from uri: String, into memory: DatabaseQueue, busyTimeout: Double) throws {
        var source: OpaquePointer?
        defer { sqlite3_close(source) }
        let opened = sqlite3_open_v2(uri, &source, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nil)
        guard opened == SQLITE_OK, let source else { throw error(opened, source) }
        sqlite3_busy_timeout(source, Int32(min(busyTimeout * 1000, Double(Int32.max))))
        // A step that finds the file locked (a writer checkpointing, or recovering the log after a
        // crash) is tried again until the busy timeout, as every other access to the store waits.
        let deadline = Date().addingTimeInterval(busyTimeout)
        try memory.writeWithoutTransaction { db in
            while true {
                guard let backup = sqlite3_backup_init(db.sqliteConnection, "main", source, "main") else {
                    throw error(sqlite3_errcode(db.sqliteConnection), db.sqliteConnection)
                }
                let stepped = sqlite3_backup_step(backup, -1)
                let finished = sqlite3_backup_finish(backup)
                if stepped == SQLITE_DONE {
                    if finished != SQLITE_OK { throw error(finished, db.sqliteConnection) }
                    return
                }
                if !isTransient(ResultCode(rawValue: stepped)) || Date() >= deadline {
                    // The step's failure is not recorded on either connection, so its message comes from its code.
                    throw error(stepped, nil)
                }
                usleep(20_000)
            }
        }
    }

    /// Failures that mean "locked for now", not "unreadable".
    private static func isTransient(_ code: ResultCode) -> Bool {
        [.SQLITE_BUSY, .SQLITE_LOCKED, .SQLITE_PROTOCOL].contains(code.primaryResultCode)
    }

    /// The error for `code`, with the connection's message when it has one, else SQLite's text for the code.
    private static func error(_ code: Int32, _ connection: OpaquePointer?) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code),
                      message: connection.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(code)))
    }
}
