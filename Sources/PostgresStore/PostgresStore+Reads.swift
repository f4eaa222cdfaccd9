import PostgresNIO
import StoreModel

/// Reads of one experiment's nets, replay, Q table, leases, finalists and ensembles, each from one snapshot.
extension PostgresStore {
    /// Every net outcome of the experiment, in insertion order.
    @available(*, noasync, message: "PostgresStore blocks its caller; call it from a thread, not from async code")
    public func nets(experiment name: String) throws(StoreError) -> [TrainedNetRecord] {
        try read { session throws(StoreError) in
            let id = try session.experimentID(named: name)
            return try session.records("SELECT * FROM \"trainedNet\" WHERE \"experimentID\" = \(id) ORDER BY id",
                                       TrainedNetRecord.init(columns:))
        }
    }

    /// The experiment's replay rows, trained nets per stage, best net and early stops, from one snapshot.
    ///
    /// One statement, which sees one snapshot without a transaction around it: every worker asks
    /// after every step, so the five round trips of a read transaction (begin, the experiment, the
    /// stage counts, the other counts, the best net, commit) would cost each step more server time
    /// than most of its own statements. The best net's columns fill the row, NULL before any.
    @available(*, noasync, message: "PostgresStore blocks its caller; call it from a thread, not from async code")
    public func searchTally(experiment name: String) throws(StoreError) -> SearchTally {
        let rows: [PostgresRow]
        do {
            // NULLS LAST: SQLite sorts NULL lowest, PostgreSQL highest.
            rows = try exclusively { session throws(PostgresStoreError) in
                try session.prepared("""
                    SELECT c."tallyReplayRows", c."tallyStopped", c."tallyEpochs", g."tallyStages", g."tallyCounts", b.*
                    FROM experiment e
                    CROSS JOIN LATERAL (
                        SELECT (SELECT COUNT(*) FROM "replayRow" WHERE "experimentID" = e.id) AS "tallyReplayRows",
                               COUNT("stoppedAfterEpoch") AS "tallyStopped",
                               COALESCE(SUM("stoppedAfterEpoch"), 0)::int8 AS "tallyEpochs"
                        FROM "trainedNet" WHERE "experimentID" = e.id AND status = 'trained') c
                    CROSS JOIN LATERAL (
                        SELECT COALESCE(array_agg(stage ORDER BY stage), '{}')::int8[] AS "tallyStages",
                               COALESCE(array_agg(n ORDER BY stage), '{}')::int8[] AS "tallyCounts"
                        FROM (SELECT stage, COUNT(*) AS n FROM "trainedNet"
                              WHERE "experimentID" = e.id AND status = 'trained' AND stage IS NOT NULL GROUP BY stage) s) g
                    LEFT JOIN LATERAL (
                        SELECT * FROM "trainedNet" WHERE "experimentID" = e.id AND status = 'trained'
                        ORDER BY COALESCE("predictedAccuracy", "bestValidationAccuracy") DESC NULLS LAST, id LIMIT 1) b ON true
                    WHERE e.name = \(name)
                    """)
            }
        } catch {
            throw error.storeError
        }
        guard let row = rows.first else { throw .experimentNotFound(name: name, store: url.description) }
        let c = RecordColumns(row: row.makeRandomAccess(), url: url.description)
        let stages: [Int] = try c("tallyStages"), counts: [Int] = try c("tallyCounts")
        guard stages.count == counts.count else {
            throw .corrupt(store: url.description, detail: "stage counts of experiment \(name) do not pair up")
        }
        let bestID: Int64? = try c("id")
        return SearchTally(replayRows: try c("tallyReplayRows"), trainedByStage: Dictionary(uniqueKeysWithValues: zip(stages, counts)),
                           best: bestID == nil ? nil : try TrainedNetRecord(columns: c), stoppedEarly: try c("tallyStopped"),
                           stoppedAfterEpochs: try c("tallyEpochs"))
    }

    /// Every replay row joined with its net, in sequence order.
    @available(*, noasync, message: "PostgresStore blocks its caller; call it from a thread, not from async code")
    public func replayEntries(experiment name: String) throws(StoreError) -> [ReplayEntry] {
        try read { session throws(StoreError) in
            let id = try session.experimentID(named: name)
            let nets = try session.records("SELECT * FROM \"trainedNet\" WHERE \"experimentID\" = \(id)",
                                           TrainedNetRecord.init(columns:))
            let byID = Dictionary(uniqueKeysWithValues: nets.map { ($0.id, $0) })
            let rows = try session.records("""
                SELECT \(unescaped: ReplayRowRecord.postgresJoinedColumns) FROM "replayRow" r
                LEFT JOIN "replayRowResult" x ON x."experimentID" = r."experimentID" AND x.sequence = r.sequence
                WHERE r."experimentID" = \(id) ORDER BY r.sequence
                """, ReplayRowRecord.init(columns:))
            var entries: [ReplayEntry] = []
            for row in rows {
                guard let net = byID[row.netID] else {
                    throw .corrupt(store: url.description, detail: "replay row \(row.sequence) without its net")
                }
                entries.append(ReplayEntry(row: row, net: net))
            }
            return entries
        }
    }

    /// The experiment's Q table, in `QValueRecord.inStoreOrder` (as on SQLite).
    @available(*, noasync, message: "PostgresStore blocks its caller; call it from a thread, not from async code")
    public func qValues(experiment name: String) throws(StoreError) -> [QValueRecord] {
        try read { session throws(StoreError) in
            let id = try session.experimentID(named: name)
            return QValueRecord.inStoreOrder(try session.records("""
                SELECT \(unescaped: QValueRecord.columns.joined(separator: ", ")) FROM "qValue" WHERE "experimentID" = \(id)
                """, QValueRecord.init(columns:)))
        }
    }

    /// The experiment's nets in flight.
    @available(*, noasync, message: "PostgresStore blocks its caller; call it from a thread, not from async code")
    public func leases(experiment name: String) throws(StoreError) -> [LeaseRecord] {
        try read { session throws(StoreError) in
            let id = try session.experimentID(named: name)
            return try session.records("SELECT * FROM lease WHERE \"experimentID\" = \(id) ORDER BY id", LeaseRecord.init(columns:))
        }
    }

    /// Every finished finalist training of the experiment, by selection rank then seed.
    @available(*, noasync, message: "PostgresStore blocks its caller; call it from a thread, not from async code")
    public func finalists(experiment name: String) throws(StoreError) -> [FinalistRecord] {
        try read { session throws(StoreError) in
            let id = try session.experimentID(named: name)
            return try session.records("""
                SELECT * FROM finalist WHERE "experimentID" = \(id) ORDER BY "selectionRank", seed, id
                """, FinalistRecord.init(columns:))
        }
    }

    /// The experiment's stored ensemble accuracies, by size.
    @available(*, noasync, message: "PostgresStore blocks its caller; call it from a thread, not from async code")
    public func ensembles(experiment name: String) throws(StoreError) -> [EnsembleRecord] {
        try read { session throws(StoreError) in
            let id = try session.experimentID(named: name)
            return try session.records("SELECT * FROM \"finalistEnsemble\" WHERE \"experimentID\" = \(id) ORDER BY size",
                                       EnsembleRecord.init(columns:))
        }
    }
}
