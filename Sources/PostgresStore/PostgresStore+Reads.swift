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
    @available(*, noasync, message: "PostgresStore blocks its caller; call it from a thread, not from async code")
    public func searchTally(experiment name: String) throws(StoreError) -> SearchTally {
        try read { session throws(StoreError) in
            let id = try session.experimentID(named: name)
            var byStage: [Int: Int] = [:]
            for row in try session.records("""
                SELECT stage, COUNT(*) AS n FROM "trainedNet"
                WHERE "experimentID" = \(id) AND status = 'trained' AND stage IS NOT NULL GROUP BY stage
                """, { c throws(StoreError) in (stage: try c("stage", as: Int.self), count: try c("n", as: Int.self)) }) {
                byStage[row.stage] = row.count
            }
            let counts = try session.records("""
                SELECT (SELECT COUNT(*) FROM "replayRow" WHERE "experimentID" = \(id)) AS replay,
                       COUNT("stoppedAfterEpoch") AS stopped, COALESCE(SUM("stoppedAfterEpoch"), 0)::int8 AS epochs
                FROM "trainedNet" WHERE "experimentID" = \(id) AND status = 'trained'
                """) { c throws(StoreError) in
                (rows: try c("replay", as: Int.self), stopped: try c("stopped", as: Int.self), epochs: try c("epochs", as: Int.self))
            }[0]
            // NULLS LAST: SQLite sorts NULL lowest, PostgreSQL highest.
            let best = try session.records("""
                SELECT * FROM "trainedNet" WHERE "experimentID" = \(id) AND status = 'trained'
                ORDER BY COALESCE("predictedAccuracy", "bestValidationAccuracy") DESC NULLS LAST, id LIMIT 1
                """, TrainedNetRecord.init(columns:)).first
            return SearchTally(replayRows: counts.rows, trainedByStage: byStage, best: best, stoppedEarly: counts.stopped,
                               stoppedAfterEpochs: counts.epochs)
        }
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
