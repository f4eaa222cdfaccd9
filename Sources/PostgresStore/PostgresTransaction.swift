import PostgresNIO
import StoreModel

/// Typed operations on one experiment inside one PostgreSQL transaction that holds the
/// experiment's row lock: the PostgreSQL twin of the SQLite store's `StoreTransaction`, with the
/// same operations, records and results.
///
/// A transaction object is only valid inside the closure it was handed to; everything done
/// through it commits together when the closure returns, or not at all when it throws. Its
/// operations throw `StoreError` (a failure of the server or the connection is its `backend`
/// case). Unlike SQLite, PostgreSQL refuses every further statement of a transaction once one has
/// failed, so a body must not carry on past an error of the store.
public final class PostgresTransaction: ExperimentTransaction {
    /// The experiment as it was when the transaction began (kept current by the setters below).
    public private(set) var experiment: ExperimentRecord
    let session: PostgresStore.Session

    init(session: PostgresStore.Session, experiment: ExperimentRecord) {
        self.session = session
        self.experiment = experiment
    }

    // MARK: Experiment state

    /// Persists the search's random generator state.
    public func setRNGState(_ state: UInt64, at time: Double) throws {
        try session.run("""
            UPDATE experiment SET "rngState" = \(Int64(bitPattern: state)), "updatedAt" = \(time) WHERE id = \(experiment.id)
            """)
        experiment.rngState = state
        experiment.updatedAt = time
    }

    /// Sets the experiment's status.
    public func setStatus(_ status: ExperimentRecord.Status, at time: Double) throws {
        try session.run("""
            UPDATE experiment SET status = \(status.rawValue), "updatedAt" = \(time) WHERE id = \(experiment.id)
            """)
        experiment.status = status
        experiment.updatedAt = time
    }

    // MARK: Nets

    /// The stored outcome of `net` (canonical string), if any.
    public func net(_ net: String) throws -> TrainedNetRecord? {
        try session.records("""
            SELECT * FROM "trainedNet" WHERE "experimentID" = \(experiment.id) AND net = \(net)
            """, TrainedNetRecord.init(columns:)).first
    }

    /// Every stored net outcome, in insertion order.
    public func nets() throws -> [TrainedNetRecord] {
        try session.records("""
            SELECT * FROM "trainedNet" WHERE "experimentID" = \(experiment.id) ORDER BY id
            """, TrainedNetRecord.init(columns:))
    }

    /// Trained (not failed) nets per schedule stage: the search's position in its ε schedule.
    public func trainedCountsByStage() throws -> [Int: Int] {
        let rows = try session.records("""
            SELECT stage, COUNT(*) AS n FROM "trainedNet"
            WHERE "experimentID" = \(experiment.id) AND status = 'trained' AND stage IS NOT NULL GROUP BY stage
            """) { c throws(StoreError) in (stage: try c("stage", as: Int.self), count: try c("n", as: Int.self)) }
        var counts: [Int: Int] = [:]
        for row in rows { counts[row.stage] = row.count }
        return counts
    }

    /// Stores a net's outcome and returns it with its assigned identifier.
    public func insertNet(_ record: TrainedNetRecord) throws -> TrainedNetRecord {
        let learned: Int64? = record.learned.map { $0 ? 1 : 0 }
        let id = try session.value("""
            INSERT INTO "trainedNet" ("experimentID", net, status, stage, epsilon, "bestValidationAccuracy",
                "bestValidationIteration", "lastValidationAccuracy", "lastValidationIteration", "testAccuracyAtBest",
                "testAccuracyAtLast", "parameterCount", "forwardFLOPs", epochs, attempts, learned, seconds, worker,
                failure, "finishedAt", "stoppedAfterEpoch", "predictedAccuracy")
            SELECT \(experiment.id), \(record.net), \(record.status.rawValue), \(record.stage), \(record.epsilon),
                \(record.bestValidationAccuracy), \(record.bestValidationIteration), \(record.lastValidationAccuracy),
                \(record.lastValidationIteration), \(record.testAccuracyAtBest), \(record.testAccuracyAtLast),
                \(record.parameterCount), \(record.forwardFLOPs), \(record.epochsJSON), \(record.attempts), \(learned),
                \(record.seconds), \(record.worker), \(record.failure), \(record.finishedAt), \(record.stoppedAfterEpoch),
                \(record.predictedAccuracy)
            WHERE NOT EXISTS (SELECT 1 FROM "trainedNet" WHERE "experimentID" = \(experiment.id) AND net = \(record.net))
            RETURNING id
            """, as: Int64.self)
        // No row back: the net was there already (one statement instead of a look-up first, since a
        // step records its net while it holds the experiment's lock). Not ON CONFLICT DO NOTHING,
        // which would use up an id on a duplicate and number the next net unlike SQLite.
        guard let id else { throw StoreError.duplicateNet(net: record.net, experiment: experiment.name) }
        var stored = record
        stored.id = id
        return stored
    }

    // MARK: Replay rows

    /// Number of replay rows.
    public func replayCount() throws -> Int {
        try session.value("""
            SELECT COUNT(*) FROM "replayRow" WHERE "experimentID" = \(experiment.id)
            """, as: Int.self) ?? 0
    }

    /// The sequence number, net and reward of every replay row numbered above `sequence` (the row's best
    /// validation accuracy: its own for an imported row, else its net's reward, predicted for a net
    /// stopped early), in sequence order.
    public func replayRewards(after sequence: Int) throws -> [(sequence: Int, net: String, reward: Double)] {
        try session.records("""
            SELECT r.sequence, n.net, COALESCE(x."bestValidationAccuracy", n."predictedAccuracy", n."bestValidationAccuracy") AS reward
            FROM "replayRow" r
            JOIN "trainedNet" n ON n.id = r."netID"
            LEFT JOIN "replayRowResult" x ON x."experimentID" = r."experimentID" AND x.sequence = r.sequence
            WHERE r."experimentID" = \(experiment.id) AND r.sequence > \(sequence) ORDER BY r.sequence
            """) { c throws(StoreError) in
            (sequence: try c("sequence", as: Int.self), net: try c("net", as: String.self), reward: try c("reward", as: Double.self))
        }
    }

    /// Appends a replay row for a trained net; its sequence number is the next one. `ownResult`
    /// and `importedUpdateIndex` are for rows of an imported experiment only (the schema refuses
    /// them elsewhere); give both or neither.
    @discardableResult
    public func appendReplayRow(netID: Int64, epsilon: Double, finishedAt: Double, machine: String,
                                ownResult: RowResult? = nil, importedUpdateIndex: Double? = nil) throws
        -> ReplayRowRecord
    {
        precondition((ownResult == nil) == (importedUpdateIndex == nil), "an imported row has both its result and its index")
        // The experiment's row lock makes MAX + 1 safe: no other writer appends meanwhile. One
        // statement, since a search step appends a row in most of its transactions.
        let inserted = try session.value("""
            INSERT INTO "replayRow" ("experimentID", sequence, "netID", epsilon, "finishedAt", machine)
            SELECT \(experiment.id), COALESCE(MAX(sequence), 0) + 1, \(netID), \(epsilon), \(finishedAt), \(machine)
            FROM "replayRow" WHERE "experimentID" = \(experiment.id)
            RETURNING sequence
            """, as: Int.self)
        guard let next = inserted else {
            throw PostgresStoreError.server(url: session.store.url.description, message: "an insert into replayRow returned no sequence").storeError
        }
        if let ownResult, let importedUpdateIndex {
            try session.run("""
                INSERT INTO "replayRowResult" ("experimentID", sequence, "bestValidationAccuracy", "bestValidationIteration",
                    "lastValidationAccuracy", "lastValidationIteration", "testAccuracyAtBest", "testAccuracyAtLast",
                    "qValueUpdateIndex")
                VALUES (\(experiment.id), \(next), \(ownResult.bestValidationAccuracy), \(ownResult.bestValidationIteration),
                    \(ownResult.lastValidationAccuracy), \(ownResult.lastValidationIteration), \(ownResult.testAccuracyAtBest),
                    \(ownResult.testAccuracyAtLast), \(importedUpdateIndex))
                """)
        }
        return ReplayRowRecord(sequence: next, netID: netID, epsilon: epsilon, finishedAt: finishedAt, machine: machine,
                               ownResult: ownResult, importedUpdateIndex: importedUpdateIndex)
    }

    // MARK: Q table

    /// The whole Q table, in `QValueRecord.inStoreOrder` (as on SQLite).
    public func qValues() throws -> [QValueRecord] {
        QValueRecord.inStoreOrder(try session.records("""
            SELECT \(unescaped: QValueRecord.columns.joined(separator: ", ")) FROM "qValue" WHERE "experimentID" = \(experiment.id)
            """, QValueRecord.init(columns:)))
    }

    /// The entries of the given states, in `QValueRecord.inStoreOrder` (as on SQLite).
    public func qValues(states: [StoredLayerState]) throws -> [QValueRecord] {
        let unique = Array(Set(states))
        guard !unique.isEmpty else { return [] }
        // One statement for all the states: their keys travel as arrays, joined on the table's unique
        // key. Each row names its state by its position in the arrays rather than by its eight
        // columns, since decoding the rows is most of what this read costs the client.
        let actions = QValueRecord.columns.dropFirst(8).map { "q.\($0)" }.joined(separator: ", ")
        let match = QValueRecord.columns.prefix(8).enumerated().map { "q.\($0.element) = s.c\($0.offset)" }
            .joined(separator: " AND ")
        return QValueRecord.inStoreOrder(try session.records("""
            SELECT s.position, \(unescaped: actions) FROM unnest(
                \(unique.map(\.layerType))::text[], \(unique.map(\.layerDepth))::int8[], \(unique.map(\.filterDepth))::int8[],
                \(unique.map(\.filterSize))::int8[], \(unique.map(\.stride))::int8[], \(unique.map(\.imageSize))::int8[],
                \(unique.map(\.fcSize))::int8[], \(unique.map(\.terminate))::bool[]) WITH ORDINALITY AS s(c0, c1, c2, c3, c4, c5, c6, c7, position)
            JOIN "qValue" q ON q."experimentID" = \(experiment.id) AND \(unescaped: match)
            """) { c throws(StoreError) in
            let position: Int = try c("position")
            return QValueRecord(state: unique[position - 1], action: try StoredLayerState(columns: c, prefix: "action"),
                                utility: try c("utility"))
        })
    }

    /// Inserts or updates the given entries (typically the ones a step changed); of entries with
    /// the same state and action the last one counts, as when they are saved one after another.
    public func saveQValues(_ entries: some Sequence<QValueRecord>) throws {
        try saveStep(qValues: Array(entries), rngState: nil, at: experiment.updatedAt)
    }

    /// `saveQValues` and, unless `rngState` is nil, `setRNGState`, in one statement: the experiment's
    /// update rides along as a data-modifying `WITH`, which runs whether or not the insert reads it.
    public func saveStep(qValues entries: [QValueRecord], rngState: UInt64?, at time: Double) throws {
        // One statement for the whole batch (a round trip per entry would dominate a step over a
        // network); ON CONFLICT may touch a row once per statement, hence the last-one-wins merge.
        var latest: [Key: Int] = [:]
        var unique: [QValueRecord] = []
        for entry in entries {
            let key = Key(state: entry.state, action: entry.action)
            if let index = latest[key] {
                unique[index] = entry
            } else {
                latest[key] = unique.count
                unique.append(entry)
            }
        }
        guard !unique.isEmpty else {
            if let rngState { try setRNGState(rngState, at: time) }
            return
        }
        let rng = rngState.map { Int64(bitPattern: $0) }
        let states = unique.map(\.state), actions = unique.map(\.action)
        let columns = QValueRecord.columns.joined(separator: ", ")
        let key = QValueRecord.columns.dropLast().joined(separator: ", ")
        try session.run("""
            WITH generator AS (
                UPDATE experiment SET "rngState" = \(rng), "updatedAt" = \(time)
                WHERE id = \(experiment.id) AND \(rng)::int8 IS NOT NULL)
            INSERT INTO "qValue" ("experimentID", \(unescaped: columns))
            SELECT \(experiment.id), t.* FROM unnest(
                \(states.map(\.layerType))::text[], \(states.map(\.layerDepth))::int8[], \(states.map(\.filterDepth))::int8[],
                \(states.map(\.filterSize))::int8[], \(states.map(\.stride))::int8[], \(states.map(\.imageSize))::int8[],
                \(states.map(\.fcSize))::int8[], \(states.map(\.terminate))::bool[],
                \(actions.map(\.layerType))::text[], \(actions.map(\.layerDepth))::int8[], \(actions.map(\.filterDepth))::int8[],
                \(actions.map(\.filterSize))::int8[], \(actions.map(\.stride))::int8[], \(actions.map(\.imageSize))::int8[],
                \(actions.map(\.fcSize))::int8[], \(actions.map(\.terminate))::bool[],
                \(unique.map(\.utility))::float8[]) AS t
            ON CONFLICT ("experimentID", \(unescaped: key)) DO UPDATE SET utility = excluded.utility
            """)
        if let rngState {
            experiment.rngState = rngState
            experiment.updatedAt = time
        }
    }

    /// Replaces the whole Q table.
    public func replaceQValues(_ entries: some Sequence<QValueRecord>) throws {
        try session.run("DELETE FROM \"qValue\" WHERE \"experimentID\" = \(experiment.id)")
        try saveQValues(entries)
    }

    // MARK: Plumbing

    /// A Q-table entry's key.
    private struct Key: Hashable {
        var state: StoredLayerState
        var action: StoredLayerState
    }

    /// The identifier an `INSERT … RETURNING id` gave back.
    func inserted(_ id: Int64?, into table: String) throws(StoreError) -> Int64 {
        guard let id else {
            throw PostgresStoreError.server(url: session.store.url.description, message: "an insert into \(table) returned no id").storeError
        }
        return id
    }
}
