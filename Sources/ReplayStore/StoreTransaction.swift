import GRDB
import StoreModel

/// Typed operations on one experiment inside one write transaction (BEGIN IMMEDIATE): the SQLite
/// implementation of `ExperimentTransaction`.
///
/// A transaction object is only valid inside the closure it was handed to; everything done
/// through it commits together when the closure returns, or not at all when it throws.
public final class StoreTransaction: ExperimentTransaction {
    /// The experiment as it was when the transaction began (kept current by the setters below).
    public private(set) var experiment: ExperimentRecord
    let db: Database

    init(db: Database, experiment: ExperimentRecord) {
        self.db = db
        self.experiment = experiment
    }

    // MARK: Experiment state

    /// Persists the search's random generator state.
    public func setRNGState(_ state: UInt64, at time: Double) throws {
        try db.execute(sql: "UPDATE experiment SET rngState = ?, updatedAt = ? WHERE id = ?",
                       arguments: [Int64(bitPattern: state), time, experiment.id])
        experiment.rngState = state
        experiment.updatedAt = time
    }

    /// Sets the experiment's status.
    public func setStatus(_ status: ExperimentRecord.Status, at time: Double) throws {
        try db.execute(sql: "UPDATE experiment SET status = ?, updatedAt = ? WHERE id = ?",
                       arguments: [status.rawValue, time, experiment.id])
        experiment.status = status
        experiment.updatedAt = time
    }

    // MARK: Nets

    /// The stored outcome of `net` (canonical string), if any.
    public func net(_ net: String) throws -> TrainedNetRecord? {
        try TrainedNetRecord.fetchOne(db, sql: "SELECT * FROM trainedNet WHERE experimentID = ? AND net = ?",
                                      arguments: [experiment.id, net])
    }

    /// Every stored net outcome, in insertion order.
    public func nets() throws -> [TrainedNetRecord] {
        try TrainedNetRecord.fetchAll(db, sql: "SELECT * FROM trainedNet WHERE experimentID = ? ORDER BY id",
                                      arguments: [experiment.id])
    }

    /// Trained (not failed) nets per schedule stage: the search's position in its ε schedule.
    public func trainedCountsByStage() throws -> [Int: Int] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT stage, COUNT(*) AS n FROM trainedNet
            WHERE experimentID = ? AND status = 'trained' AND stage IS NOT NULL GROUP BY stage
            """, arguments: [experiment.id])
        var counts: [Int: Int] = [:]
        for row in rows { counts[row["stage"]] = row["n"] }
        return counts
    }

    /// Stores a net's outcome and returns it with its assigned identifier.
    public func insertNet(_ record: TrainedNetRecord) throws -> TrainedNetRecord {
        if try net(record.net) != nil {
            throw StoreError.duplicateNet(net: record.net, experiment: experiment.name)
        }
        try db.execute(sql: """
            INSERT INTO trainedNet (experimentID, net, status, stage, epsilon, bestValidationAccuracy,
                bestValidationIteration, lastValidationAccuracy, lastValidationIteration, testAccuracyAtBest,
                testAccuracyAtLast, parameterCount, forwardFLOPs, epochs, attempts, learned, seconds, worker,
                failure, finishedAt, stoppedAfterEpoch, predictedAccuracy)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [
                experiment.id, record.net, record.status.rawValue, record.stage, record.epsilon,
                record.bestValidationAccuracy, record.bestValidationIteration, record.lastValidationAccuracy,
                record.lastValidationIteration, record.testAccuracyAtBest, record.testAccuracyAtLast,
                record.parameterCount, record.forwardFLOPs, record.epochsJSON, record.attempts, record.learned,
                record.seconds, record.worker, record.failure, record.finishedAt, record.stoppedAfterEpoch,
                record.predictedAccuracy,
            ])
        var stored = record
        stored.id = db.lastInsertedRowID
        return stored
    }

    // MARK: Replay rows

    /// Number of replay rows.
    public func replayCount() throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM replayRow WHERE experimentID = ?",
                         arguments: [experiment.id]) ?? 0
    }

    /// The sequence number, net and reward of every replay row numbered above `sequence` (the row's best
    /// validation accuracy: its own for an imported row, else its net's reward, predicted for a net
    /// stopped early), in sequence order.
    public func replayRewards(after sequence: Int) throws -> [(sequence: Int, net: String, reward: Double)] {
        try Row.fetchAll(db, sql: """
            SELECT r.sequence, n.net, COALESCE(x.bestValidationAccuracy, n.predictedAccuracy, n.bestValidationAccuracy) AS reward
            FROM replayRow r
            JOIN trainedNet n ON n.id = r.netID
            LEFT JOIN replayRowResult x ON x.experimentID = r.experimentID AND x.sequence = r.sequence
            WHERE r.experimentID = ? AND r.sequence > ? ORDER BY r.sequence
            """, arguments: [experiment.id, sequence]).map { (sequence: $0["sequence"], net: $0["net"], reward: $0["reward"]) }
    }

    /// Appends a replay row for a trained net; its sequence number is the next one. `ownResult`
    /// and `importedUpdateIndex` are for rows of an imported experiment only (the schema refuses
    /// them elsewhere); give both or neither.
    @discardableResult
    public func appendReplayRow(netID: Int64, epsilon: Double, finishedAt: Double, machine: String,
                                ownResult: RowResult?, importedUpdateIndex: Double?) throws
        -> ReplayRowRecord
    {
        precondition((ownResult == nil) == (importedUpdateIndex == nil), "an imported row has both its result and its index")
        let next = (try Int.fetchOne(db, sql: "SELECT MAX(sequence) FROM replayRow WHERE experimentID = ?",
                                     arguments: [experiment.id]) ?? 0) + 1
        try db.execute(sql: """
            INSERT INTO replayRow (experimentID, sequence, netID, epsilon, finishedAt, machine)
            VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [experiment.id, next, netID, epsilon, finishedAt, machine])
        if let ownResult, let importedUpdateIndex {
            try db.execute(sql: """
                INSERT INTO replayRowResult (experimentID, sequence, bestValidationAccuracy, bestValidationIteration,
                    lastValidationAccuracy, lastValidationIteration, testAccuracyAtBest, testAccuracyAtLast, qValueUpdateIndex)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [experiment.id, next, ownResult.bestValidationAccuracy, ownResult.bestValidationIteration,
                                 ownResult.lastValidationAccuracy, ownResult.lastValidationIteration,
                                 ownResult.testAccuracyAtBest, ownResult.testAccuracyAtLast, importedUpdateIndex])
        }
        return ReplayRowRecord(sequence: next, netID: netID, epsilon: epsilon, finishedAt: finishedAt, machine: machine,
                               ownResult: ownResult, importedUpdateIndex: importedUpdateIndex)
    }

    // MARK: Q table

    /// The whole Q table, in `QValueRecord.inStoreOrder`.
    public func qValues() throws -> [QValueRecord] {
        QValueRecord.inStoreOrder(try QValueRecord.fetchAll(
            db, sql: "SELECT \(QValueRecord.columns.joined(separator: ", ")) FROM qValue WHERE experimentID = ?",
            arguments: [experiment.id]))
    }

    /// The entries of the given states, in `QValueRecord.inStoreOrder`.
    public func qValues(states: [StoredLayerState]) throws -> [QValueRecord] {
        // One indexed lookup per state (the table's unique key starts with the experiment and the
        // state): in-process statements cost little, so no batching is needed here.
        let statement = try db.cachedStatement(sql: """
            SELECT \(QValueRecord.columns.joined(separator: ", ")) FROM qValue
            WHERE experimentID = ? AND \(QValueRecord.columns.prefix(8).map { "\($0) = ?" }.joined(separator: " AND "))
            """)
        var records: [QValueRecord] = []
        for state in Set(states) {
            records += try QValueRecord.fetchAll(
                statement, arguments: StatementArguments([experiment.id as any DatabaseValueConvertible] + state.databaseValues))
        }
        return QValueRecord.inStoreOrder(records)
    }

    /// Inserts or updates the given entries (typically the ones a step changed).
    public func saveQValues(_ entries: some Sequence<QValueRecord>) throws {
        let key = (["experimentID"] + QValueRecord.columns.dropLast()).joined(separator: ", ")
        let statement = try db.cachedStatement(sql: """
            INSERT INTO qValue (experimentID, \(QValueRecord.columns.joined(separator: ", ")))
            VALUES (\(Array(repeating: "?", count: QValueRecord.columns.count + 1).joined(separator: ", ")))
            ON CONFLICT (\(key)) DO UPDATE SET utility = excluded.utility
            """)
        for entry in entries {
            try statement.execute(arguments: StatementArguments([experiment.id as any DatabaseValueConvertible] + entry.databaseValues))
        }
    }

    /// Replaces the whole Q table.
    public func replaceQValues(_ entries: some Sequence<QValueRecord>) throws {
        try db.execute(sql: "DELETE FROM qValue WHERE experimentID = ?", arguments: [experiment.id])
        try saveQValues(entries)
    }

    // MARK: Leases

    /// Every lease of the experiment, oldest first.
    public func leases() throws -> [LeaseRecord] {
        try LeaseRecord.fetchAll(db, sql: "SELECT * FROM lease WHERE experimentID = ? ORDER BY id",
                                 arguments: [experiment.id])
    }

    /// Takes a lease on a net; fails if the net is already leased.
    public func insertLease(_ lease: LeaseRecord) throws -> LeaseRecord {
        try db.execute(sql: """
            INSERT INTO lease (experimentID, net, stage, epsilon, worker, pid, host, claimedAt, heartbeatAt)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [experiment.id, lease.net, lease.stage, lease.epsilon, lease.worker, lease.pid,
                             lease.host, lease.claimedAt, lease.heartbeatAt])
        var stored = lease
        stored.id = db.lastInsertedRowID
        return stored
    }

    /// Hands an existing lease (of a dead worker) to another worker; false if it no longer exists.
    public func reassignLease(id: Int64, worker: String, pid: Int32, host: String, at time: Double) throws -> Bool {
        try db.execute(sql: """
            UPDATE lease SET worker = ?, pid = ?, host = ?, claimedAt = ?, heartbeatAt = ?
            WHERE id = ? AND experimentID = ?
            """, arguments: [worker, pid, host, time, time, id, experiment.id])
        return db.changesCount > 0
    }

    /// Removes a lease; false if it did not exist.
    @discardableResult
    public func deleteLease(id: Int64) throws -> Bool {
        try db.execute(sql: "DELETE FROM lease WHERE id = ? AND experimentID = ?", arguments: [id, experiment.id])
        return db.changesCount > 0
    }
}
