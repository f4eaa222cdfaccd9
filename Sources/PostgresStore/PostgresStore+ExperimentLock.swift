import PostgresNIO
import StoreModel

extension PostgresStore {
    /// Runs `body` in one transaction holding the row lock of the experiment `name`
    /// (`SELECT … FOR UPDATE`): writers of one experiment, in any process on any host, take turns,
    /// so a read-modify-write inside `body` loses no update. `body` gets the experiment as it is
    /// once the lock is held. COMMIT when `body` returns; ROLLBACK when it throws, so nothing of a
    /// failed step is kept.
    ///
    /// Throws `StoreError.experimentNotFound` when there is no such experiment.
    func withExperimentLock<T>(named name: String, _ body: (Session, ExperimentRecord) throws -> T) throws -> T {
        try transaction { session in
            let locked = try session.records("SELECT * FROM experiment WHERE name = \(name) FOR UPDATE",
                                             ExperimentRecord.init(columns:))
            guard let experiment = locked.first else { throw StoreError.experimentNotFound(name: name, store: url.description) }
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
