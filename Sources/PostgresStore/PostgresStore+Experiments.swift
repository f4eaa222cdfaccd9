import PostgresNIO
import StoreModel

/// Experiments: listing, lookup, creation, and the one write transaction per step.
extension PostgresStore: ExperimentStore {
    /// The redacted URL: where the store is, as a user may read it.
    public var locationDescription: String { url.description }

    /// Nil: the store is no file.
    public var filePath: String? { nil }

    /// Every experiment with its counts and best net, by name (byte order, as on SQLite).
    @available(*, noasync, message: "PostgresStore blocks its caller; call it from a thread, not from async code")
    public func experiments() throws(StoreError) -> [ExperimentSummary] {
        try read { session throws(StoreError) in
            var summaries: [ExperimentSummary] = []
            for experiment in try session.records("SELECT * FROM experiment ORDER BY name COLLATE \"C\"",
                                                  ExperimentRecord.init(columns:)) {
                let id = experiment.id
                let tallies = try session.records("""
                    SELECT (SELECT COUNT(*) FROM "replayRow" WHERE "experimentID" = \(id)) AS models,
                           (SELECT COUNT(*) FROM "trainedNet" WHERE "experimentID" = \(id) AND status = 'trained') AS trained,
                           (SELECT COUNT(*) FROM "trainedNet" WHERE "experimentID" = \(id) AND status = 'failed') AS failed,
                           (SELECT COUNT(*) FROM lease WHERE "experimentID" = \(id)) AS leases
                    """) { c throws(StoreError) in
                    (models: try c("models", as: Int.self), trained: try c("trained", as: Int.self),
                     failed: try c("failed", as: Int.self), leases: try c("leases", as: Int.self))
                }
                let counts = tallies[0]
                // NULLS LAST: SQLite sorts NULL lowest, PostgreSQL highest.
                let best = try session.records("""
                    SELECT * FROM "trainedNet" WHERE "experimentID" = \(id) AND status = 'trained'
                    ORDER BY COALESCE("predictedAccuracy", "bestValidationAccuracy") DESC NULLS LAST, id LIMIT 1
                    """, TrainedNetRecord.init(columns:)).first
                summaries.append(ExperimentSummary(experiment: experiment, models: counts.models, trainedNets: counts.trained,
                                                   failedNets: counts.failed, leases: counts.leases, best: best))
            }
            return summaries
        }
    }

    /// The experiment called `name`, or nil.
    @available(*, noasync, message: "PostgresStore blocks its caller; call it from a thread, not from async code")
    public func experimentIfPresent(named name: String) throws(StoreError) -> ExperimentRecord? {
        try read { session throws(StoreError) in try session.experiment(named: name) }
    }

    /// The experiment called `name`; throws `experimentNotFound` when there is none.
    @available(*, noasync, message: "PostgresStore blocks its caller; call it from a thread, not from async code")
    public func experiment(named name: String) throws(StoreError) -> ExperimentRecord {
        guard let experiment = try experimentIfPresent(named: name) else {
            throw .experimentNotFound(name: name, store: url.description)
        }
        return experiment
    }

    /// Creates an experiment and fills it through `populate` in the same transaction, so a
    /// failing import leaves no trace; throws `experimentExists` when the name is taken.
    @discardableResult
    @available(*, noasync, message: "PostgresStore blocks its caller; call it from a thread, not from async code")
    public func createExperiment(_ record: ExperimentRecord,
                                 populate: (any ExperimentTransaction) throws -> Void) throws -> ExperimentRecord {
        try refuseIfReadOnly()
        return try storeErrors { () throws in
            try transaction { session in
                let exists = StoreError.experimentExists(name: record.name, store: url.description)
                if try session.experiment(named: record.name) != nil { throw exists }
                // ON CONFLICT covers a creator whose row the check could not see yet (not committed):
                // the insert waits for that transaction and, once it commits, inserts nothing.
                let id = try session.value("""
                    INSERT INTO experiment (name, kind, status, seed, "searchSpace", settings, "rngState", "createdAt", "updatedAt")
                    VALUES (\(record.name), \(record.kind.rawValue), \(record.status.rawValue), \(Int64(bitPattern: record.seed)),
                        \(record.searchSpaceJSON), \(record.settingsJSON), \(Int64(bitPattern: record.rngState)), \(record.createdAt),
                        \(record.updatedAt))
                    ON CONFLICT (name) DO NOTHING
                    RETURNING id
                    """, as: Int64.self)
                guard let id else { throw exists }
                var stored = record
                stored.id = id
                let transaction = PostgresTransaction(session: session, experiment: stored)
                try populate(transaction)
                return transaction.experiment
            }
        }
    }

    /// Runs `body` on experiment `name` inside one write transaction holding the experiment's row
    /// lock: writers of one experiment take turns, and all of `body` commits or none of it (a lost
    /// connection included, which throws the `backend` error of a lost connection); throws
    /// `experimentNotFound` when there is none.
    @available(*, noasync, message: "PostgresStore blocks its caller; call it from a thread, not from async code")
    public func write<T>(experiment name: String, _ body: (any ExperimentTransaction) throws -> T) throws -> T {
        try refuseIfReadOnly()
        return try storeErrors { () throws in
            try withExperimentLock(named: name) { session, experiment in
                try body(PostgresTransaction(session: session, experiment: experiment))
            }
        }
    }

    /// Records that a lease's worker is alive; false if the lease is gone.
    @discardableResult
    @available(*, noasync, message: "PostgresStore blocks its caller; call it from a thread, not from async code")
    public func heartbeat(lease id: Int64, at time: Double) throws(StoreError) -> Bool {
        try refuseIfReadOnly()
        // One statement commits on its own.
        do {
            return try exclusively { session throws(PostgresStoreError) in
                try !session.prepared("UPDATE lease SET \"heartbeatAt\" = \(time) WHERE id = \(id) RETURNING id").isEmpty
            }
        } catch {
            throw error.storeError
        }
    }

    /// Throws `readOnly` for a store opened read-only, before anything reaches the server.
    private func refuseIfReadOnly() throws(StoreError) {
        if mode == .readOnly { throw .readOnly(store: url.description) }
    }

    /// Runs `body`, a store's own failure (BEGIN, the lock, COMMIT, a lost connection) turned into
    /// a `StoreError`; whatever else `body` throws passes unchanged.
    private func storeErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as PostgresStoreError {
            throw error.storeError
        }
    }
}
