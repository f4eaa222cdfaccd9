import PostgresNIO
import StoreModel

extension PostgresTransaction {
    /// `replayRewards(after:)` and, when `countsAndLeases`, `trainedCountsByStage()` and `leases()`, in
    /// one statement: a claim makes all three reads right after taking the experiment's lock and holds
    /// the lock while it waits for each answer. The three kinds of row share one select list, each
    /// filling the columns it needs (a replay row's sequence and a stage's count go in `id`); each
    /// part is the query of its separate read, with that read's order.
    public func stepReads(replayAfter sequence: Int, countsAndLeases: Bool) throws -> StepReads {
        guard countsAndLeases else {
            return StepReads(trainedCountsByStage: [:], leases: [], replayRewards: try replayRewards(after: sequence))
        }
        var reads = StepReads(trainedCountsByStage: [:], leases: [], replayRewards: [])
        let rows = try session.fetch("""
            SELECT 'lease' AS kind, id, net, stage, epsilon, worker, pid, host, "claimedAt", "heartbeatAt", NULL::float8 AS reward
            FROM lease WHERE "experimentID" = \(experiment.id)
            UNION ALL
            SELECT 'replay', r.sequence, n.net, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                COALESCE(x."bestValidationAccuracy", n."predictedAccuracy", n."bestValidationAccuracy")
            FROM "replayRow" r
            JOIN "trainedNet" n ON n.id = r."netID"
            LEFT JOIN "replayRowResult" x ON x."experimentID" = r."experimentID" AND x.sequence = r.sequence
            WHERE r."experimentID" = \(experiment.id) AND r.sequence > \(sequence)
            UNION ALL
            SELECT 'stage', COUNT(*), NULL, stage, NULL, NULL, NULL, NULL, NULL, NULL, NULL
            FROM "trainedNet" WHERE "experimentID" = \(experiment.id) AND status = 'trained' AND stage IS NOT NULL GROUP BY stage
            ORDER BY kind, id
            """)
        for row in rows {
            let c = RecordColumns(row: row.makeRandomAccess(), url: session.store.url.description)
            switch try c("kind", as: String.self) {
            case "lease": reads.leases.append(try LeaseRecord(columns: c))
            case "replay": reads.replayRewards.append((sequence: try c("id"), net: try c("net"), reward: try c("reward")))
            default: reads.trainedCountsByStage[try c("stage")] = try c("id")
            }
        }
        return reads
    }
}
