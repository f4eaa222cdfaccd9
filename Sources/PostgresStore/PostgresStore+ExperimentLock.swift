import PostgresNIO
import StoreModel

extension PostgresStore {
    /// Runs `body` in one transaction holding the row lock of the experiment `name`
    /// (`SELECT … FOR UPDATE`): writers of one experiment, in any process on any host, take turns,
    /// so a read-modify-write inside `body` loses no update. `body` gets the experiment as it is
    /// once the lock is held. COMMIT when `body` returns; ROLLBACK when it throws, so nothing of a
    /// failed step is kept.
    ///
    /// Only the columns a transaction may change (status, random stream, time of the last change)
    /// are read under the lock. The others (the search-space and settings texts above all) never
    /// change once the experiment exists, and an id is never handed out twice, so they are read
    /// once per store and experiment id and kept (`immutableExperimentColumns`).
    ///
    /// Throws `StoreError.experimentNotFound` when there is no such experiment.
    func withExperimentLock<T>(named name: String, _ body: (Session, ExperimentRecord) throws -> T) throws -> T {
        try transaction { session in
            let locked = try session.records("""
                SELECT id, status, "rngState", "updatedAt" FROM experiment WHERE name = \(name) FOR UPDATE
                """) { c throws(StoreError) in
                (id: try c("id", as: Int64.self), status: try c.value("status", as: ExperimentRecord.Status.self),
                 rngState: UInt64(bitPattern: try c("rngState", as: Int64.self)), updatedAt: try c("updatedAt", as: Double.self))
            }
            guard let mutable = locked.first else { throw StoreError.experimentNotFound(name: name, store: url.description) }
            var experiment: ExperimentRecord
            if let kept = immutableExperimentColumns[mutable.id] {
                experiment = kept
            } else {
                guard let read = try session.records("SELECT * FROM experiment WHERE id = \(mutable.id)",
                                                     ExperimentRecord.init(columns:)).first else {
                    throw StoreError.experimentNotFound(name: name, store: url.description)
                }
                experiment = read
                immutableExperimentColumns[mutable.id] = read
            }
            (experiment.status, experiment.rngState, experiment.updatedAt) = (mutable.status, mutable.rngState, mutable.updatedAt)
            return try body(session, experiment)
        }
    }

    /// Runs `body` in a read-only transaction that sees one snapshot of the database throughout
    /// (REPEATABLE READ), as the SQLite store's reads do.
    func read<T>(_ body: (Session) throws(StoreError) -> T) throws(StoreError) -> T {
        do {
            return try transaction(begin: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") { session in try body(session) }
        } catch let error as StoreError {
            throw error
        } catch {
            throw PostgresStoreError(error, url: url).storeError
        }
    }
}

extension PostgresStore.Session {
    /// The experiment called `name`, or nil.
    func experiment(named name: String) throws(StoreError) -> ExperimentRecord? {
        try records("SELECT * FROM experiment WHERE name = \(name)", ExperimentRecord.init(columns:)).first
    }

    /// The identifier of the experiment called `name`; throws `experimentNotFound` when there is none.
    func experimentID(named name: String) throws(StoreError) -> Int64 {
        guard let experiment = try experiment(named: name) else {
            throw .experimentNotFound(name: name, store: store.url.description)
        }
        return experiment.id
    }
}
