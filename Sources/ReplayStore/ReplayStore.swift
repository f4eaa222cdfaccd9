import Foundation
import GRDB
import StoreModel

/// The experience-replay store: one SQLite file (WAL) holding any number of experiments; the
/// SQLite implementation of `ExperimentStore`.
///
/// The only entry point to the database. Every write is one `BEGIN IMMEDIATE` transaction, so
/// several processes and threads can share one store; a busy store is waited for up to
/// `busyTimeout` seconds, then reported as `StoreError.locked`.
public final class ReplayStore: ExperimentStore {
    /// How to open the store: `createIfMissing` creates an empty file, `mustExist` fails with
    /// `missing`, and `readOnly` reads an in-memory copy of the file (and of any `-wal`/`-shm` beside
    /// it), so an empty file is `notAStore` and an older schema is migrated in the copy only.
    public typealias OpenMode = StoreOpenMode

    /// The store file.
    public let path: String
    /// Seconds a write waits for another writer before giving up.
    public let busyTimeout: Double
    /// The path, as the user gave it.
    public var locationDescription: String { path }
    /// The store file.
    public var filePath: String? { path }
    /// True when opened with `OpenMode.readOnly`: reads come from an in-memory copy of the file.
    public let isReadOnly: Bool
    private let database: any DatabaseWriter

    /// Opens (and migrates) the store at `path`, refusing files that are not metaqnn stores.
    public init(path: String, mode: OpenMode, busyTimeout: Double = 10) throws(StoreError) {
        self.path = path
        self.busyTimeout = busyTimeout
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        if isDirectory.boolValue { throw .isDirectory(path: path) }
        if !exists && mode != .createIfMissing { throw .missing(store: path) }
        isReadOnly = mode == .readOnly
        if mode == .readOnly {
            database = try StoreSnapshot.load(path: path, busyTimeout: busyTimeout)
            return
        }
        if exists { try Self.inspect(path: path, busyTimeout: busyTimeout) }
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.foreignKeysEnabled = true
        configuration.prepareDatabase { db in
            // WAL set here rather than through a DatabasePool: the pool's open creates and drops a
            // table to make its -wal file, so every open wrote to the store, even one that was then
            // refused; on a store already in WAL mode this pragma writes nothing.
            let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
            guard mode == "wal" else { throw DatabaseError(message: "could not switch the store to WAL mode") }
            // FULL: a committed step survives a power cut too, not only a killed process.
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        do {
            if !exists {
                try FileManager.default.createDirectory(
                    atPath: (path as NSString).deletingLastPathComponent.isEmpty
                        ? "." : (path as NSString).deletingLastPathComponent,
                    withIntermediateDirectories: true)
            }
            // One connection: writes are serialised by BEGIN IMMEDIATE anyway, and reads are short.
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            try Self.migrate(queue)
            database = queue
        } catch {
            throw Self.map(error, path: path, busyTimeout: busyTimeout)
        }
    }

    /// Brings the store up to this build's schema. GRDB runs each migration in its own
    /// transaction after reading which are applied, so two processes opening a new (or older)
    /// store at once can both start the same migration; the loser's fails ("already exists")
    /// and it tries again, each round finding at least one more migration done by the winner.
    private static func migrate(_ queue: DatabaseQueue) throws {
        let migrator = StoreSchema.migrator
        for attempt in 0... {
            do {
                try migrator.migrate(queue)
                return
            } catch {
                if (try? queue.read(migrator.hasCompletedMigrations)) == true { return }
                if attempt >= migrator.migrations.count { throw error }
            }
        }
    }

    /// Looks at an existing file read-only and refuses it unless it is empty or one of ours
    /// with a schema this build knows.
    private static func inspect(path: String, busyTimeout: Double) throws(StoreError) {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .sqlite(path: path, message: "the file cannot be read") }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        try? handle.close()
        if header.isEmpty { return }
        guard header == Data("SQLite format 3\0".utf8) else { throw .notADatabase(path: path) }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(busyTimeout)
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            _ = try queue.read { db in try StoreSchema.check(db, path: path) }
        } catch {
            throw map(error, path: path, busyTimeout: busyTimeout)
        }
    }

    // MARK: Experiments

    /// Every experiment with its counts and best net, by name.
    public func experiments() throws(StoreError) -> [ExperimentSummary] {
        try read { db in
            try ExperimentRecord.fetchAll(db, sql: "SELECT * FROM experiment ORDER BY name").map { experiment in
                let counts = try Row.fetchOne(db, sql: """
                    SELECT (SELECT COUNT(*) FROM replayRow WHERE experimentID = :id) AS models,
                           (SELECT COUNT(*) FROM trainedNet WHERE experimentID = :id AND status = 'trained') AS trained,
                           (SELECT COUNT(*) FROM trainedNet WHERE experimentID = :id AND status = 'failed') AS failed,
                           (SELECT COUNT(*) FROM lease WHERE experimentID = :id) AS leases
                    """, arguments: ["id": experiment.id])!
                let best = try TrainedNetRecord.fetchOne(db, sql: """
                    SELECT * FROM trainedNet WHERE experimentID = ? AND status = 'trained'
                    ORDER BY COALESCE(predictedAccuracy, bestValidationAccuracy) DESC, id LIMIT 1
                    """, arguments: [experiment.id])
                return ExperimentSummary(experiment: experiment, models: counts["models"], trainedNets: counts["trained"],
                                         failedNets: counts["failed"], leases: counts["leases"], best: best)
            }
        }
    }

    /// The experiment called `name`, or nil.
    public func experimentIfPresent(named name: String) throws(StoreError) -> ExperimentRecord? {
        try read { db in try ExperimentRecord.fetchOne(db, sql: "SELECT * FROM experiment WHERE name = ?", arguments: [name]) }
    }

    /// The experiment called `name`; throws `experimentNotFound` when there is none.
    public func experiment(named name: String) throws(StoreError) -> ExperimentRecord {
        guard let experiment = try experimentIfPresent(named: name) else {
            throw .experimentNotFound(name: name, store: path)
        }
        return experiment
    }

    /// Creates an experiment and fills it through `populate` in the same transaction, so a
    /// failing import leaves no trace; throws `experimentExists` when the name is taken.
    @discardableResult
    public func createExperiment(_ record: ExperimentRecord,
                                 populate: (any ExperimentTransaction) throws -> Void) throws -> ExperimentRecord {
        try transaction { db in
            if try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM experiment WHERE name = ?", arguments: [record.name])! > 0 {
                throw StoreError.experimentExists(name: record.name, store: path)
            }
            try db.execute(sql: """
                INSERT INTO experiment (name, kind, status, seed, searchSpace, settings, rngState, createdAt, updatedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [record.name, record.kind.rawValue, record.status.rawValue, Int64(bitPattern: record.seed),
                                 record.searchSpaceJSON, record.settingsJSON, Int64(bitPattern: record.rngState),
                                 record.createdAt, record.updatedAt])
            var stored = record
            stored.id = db.lastInsertedRowID
            let transaction = StoreTransaction(db: db, experiment: stored)
            try populate(transaction)
            return transaction.experiment
        }
    }

    /// Runs `body` on experiment `name` inside one write transaction: all of it commits or none.
    public func write<T>(experiment name: String, _ body: (any ExperimentTransaction) throws -> T) throws -> T {
        try transaction { db in
            guard let experiment = try ExperimentRecord.fetchOne(
                db, sql: "SELECT * FROM experiment WHERE name = ?", arguments: [name])
            else { throw StoreError.experimentNotFound(name: name, store: path) }
            return try body(StoreTransaction(db: db, experiment: experiment))
        }
    }

    /// Records that a lease's worker is alive; false if the lease is gone.
    @discardableResult
    public func heartbeat(lease id: Int64, at time: Double) throws(StoreError) -> Bool {
        do {
            return try transaction { db in
                try db.execute(sql: "UPDATE lease SET heartbeatAt = ? WHERE id = ?", arguments: [time, id])
                return db.changesCount > 0
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw Self.map(error, path: path, busyTimeout: busyTimeout)
        }
    }

    // MARK: Reads

    /// Every net outcome of the experiment, in insertion order.
    public func nets(experiment name: String) throws(StoreError) -> [TrainedNetRecord] {
        let id = try experiment(named: name).id
        return try read { db in
            try TrainedNetRecord.fetchAll(db, sql: "SELECT * FROM trainedNet WHERE experimentID = ? ORDER BY id", arguments: [id])
        }
    }

    /// Every replay row joined with its net, in sequence order.
    public func replayEntries(experiment name: String) throws(StoreError) -> [ReplayEntry] {
        let id = try experiment(named: name).id
        return try read { db in
            let nets = try TrainedNetRecord.fetchAll(db, sql: "SELECT * FROM trainedNet WHERE experimentID = ?", arguments: [id])
            let byID = Dictionary(uniqueKeysWithValues: nets.map { ($0.id, $0) })
            return try ReplayRowRecord.fetchAll(db, sql: """
                SELECT \(ReplayRowRecord.joinedColumns) FROM replayRow r
                LEFT JOIN replayRowResult x ON x.experimentID = r.experimentID AND x.sequence = r.sequence
                WHERE r.experimentID = ? ORDER BY r.sequence
                """, arguments: [id]).map { row in
                guard let net = byID[row.netID] else { throw RecordDecodingError(detail: "replay row \(row.sequence) without its net") }
                return ReplayEntry(row: row, net: net)
            }
        }
    }

    /// The experiment's Q table, in `QValueRecord.inStoreOrder`.
    public func qValues(experiment name: String) throws(StoreError) -> [QValueRecord] {
        let id = try experiment(named: name).id
        return try read { db in
            QValueRecord.inStoreOrder(try QValueRecord.fetchAll(
                db, sql: "SELECT \(QValueRecord.columns.joined(separator: ", ")) FROM qValue WHERE experimentID = ?", arguments: [id]))
        }
    }

    /// The experiment's nets in flight.
    public func leases(experiment name: String) throws(StoreError) -> [LeaseRecord] {
        let id = try experiment(named: name).id
        return try read { db in
            try LeaseRecord.fetchAll(db, sql: "SELECT * FROM lease WHERE experimentID = ? ORDER BY id", arguments: [id])
        }
    }

    /// `PRAGMA integrity_check` and `foreign_key_check` findings; empty when the file is sound.
    public func integrityProblems() throws(StoreError) -> [String] {
        try read { db in
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
            let foreign = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { "foreign key: \($0)" }
            return integrity + foreign
        }
    }

    // MARK: Plumbing

    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try database.read(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw Self.map(error, path: path, busyTimeout: busyTimeout)
        }
    }

    /// One IMMEDIATE transaction: the write lock is taken up front, so two workers never both
    /// read a state and then both try to extend it.
    private func transaction<T>(_ body: (Database) throws -> T) throws -> T {
        if isReadOnly { throw StoreError.readOnly(store: path) }
        do {
            return try database.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        } catch let error as DatabaseError {
            throw Self.map(error, path: path, busyTimeout: busyTimeout)
        } catch let error as RecordDecodingError {
            throw Self.map(error, path: path, busyTimeout: busyTimeout)
        }
    }

    static func map(_ error: any Error, path: String, busyTimeout: Double) -> StoreError {
        if let error = error as? StoreError { return error }
        if let error = error as? RecordDecodingError { return .corrupt(store: path, detail: error.detail) }
        if let error = error as? StoreSchema.UnreadableQValue { return .corrupt(store: path, detail: error.detail) }
        if let error = error as? DatabaseError {
            switch error.resultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED: return .locked(store: path, seconds: busyTimeout)
            case .SQLITE_NOTADB: return .notADatabase(path: path)
            case .SQLITE_CORRUPT: return .corrupt(store: path, detail: error.message ?? "corrupt")
            default: return .sqlite(path: path, message: error.message ?? "\(error.resultCode)")
            }
        }
        return .sqlite(path: path, message: "\(error)")
    }
}
