import GRDB
import StoreModel

/// The counts a search's progress line shows, from a few aggregate queries.
extension ReplayStore {
    /// The experiment's replay rows, trained nets per stage, best net and early stops, from one snapshot.
    public func searchTally(experiment name: String) throws(StoreError) -> SearchTally {
        let id = try experiment(named: name).id
        return try read { db in
            var byStage: [Int: Int] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT stage, COUNT(*) AS n FROM trainedNet
                WHERE experimentID = ? AND status = 'trained' AND stage IS NOT NULL GROUP BY stage
                """, arguments: [id]) { byStage[row["stage"]] = row["n"] }
            let counts = try Row.fetchOne(db, sql: """
                SELECT (SELECT COUNT(*) FROM replayRow WHERE experimentID = :id) AS replay,
                       COUNT(stoppedAfterEpoch) AS stopped, COALESCE(SUM(stoppedAfterEpoch), 0) AS epochs
                FROM trainedNet WHERE experimentID = :id AND status = 'trained'
                """, arguments: ["id": id])!
            let best = try TrainedNetRecord.fetchOne(db, sql: """
                SELECT * FROM trainedNet WHERE experimentID = ? AND status = 'trained'
                ORDER BY COALESCE(predictedAccuracy, bestValidationAccuracy) DESC, id LIMIT 1
                """, arguments: [id])
            return SearchTally(replayRows: counts["replay"], trainedByStage: byStage, best: best, stoppedEarly: counts["stopped"],
                               stoppedAfterEpochs: counts["epochs"])
        }
    }
}
