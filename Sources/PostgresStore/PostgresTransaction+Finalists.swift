import PostgresNIO
import StoreModel

/// Writes of finalists (nets trained again for keeps) and their ensembles inside one experiment's transaction.
extension PostgresTransaction {
    /// The stored finalist trainings, by selection rank then seed.
    public func finalists() throws -> [FinalistRecord] {
        try session.records("""
            SELECT * FROM finalist WHERE "experimentID" = \(experiment.id) ORDER BY "selectionRank", seed, id
            """, FinalistRecord.init(columns:))
    }

    /// Stores one finished (net, seed); throws `duplicateFinalist` when it is already there.
    public func insertFinalist(_ record: FinalistRecord) throws -> FinalistRecord {
        let existing = try session.value("""
            SELECT COUNT(*) FROM finalist WHERE "experimentID" = \(experiment.id) AND net = \(record.net) AND seed = \(record.seed)
            """, as: Int.self) ?? 0
        if existing > 0 {
            throw StoreError.duplicateFinalist(net: record.net, seed: record.seed, experiment: experiment.name)
        }
        let mean = try StoredJSON.encode(record.normalizationMean)
        let std = try StoredJSON.encode(record.normalizationStd)
        let id = try session.value("""
            INSERT INTO finalist ("experimentID", "selectionRank", net, seed, settings, epochs, "bestValidationAccuracy",
                "lastValidationAccuracy", "testAccuracyAtBest", "testAccuracyAtLast", "parameterCount", "forwardFLOPs", seconds,
                "weightsFile", "weightsSHA256", "normalizationMean", "normalizationStd", worker, "finishedAt")
            VALUES (\(experiment.id), \(record.selectionRank), \(record.net), \(record.seed), \(record.settingsJSON),
                \(record.epochsJSON), \(record.bestValidationAccuracy), \(record.lastValidationAccuracy),
                \(record.testAccuracyAtBest), \(record.testAccuracyAtLast), \(record.parameterCount), \(record.forwardFLOPs),
                \(record.seconds), \(record.weightsFile), \(record.weightsSHA256),
                \(mean), \(std),
                \(record.worker), \(record.finishedAt))
            RETURNING id
            """, as: Int64.self)
        var stored = record
        stored.id = try inserted(id, into: "finalist")
        stored.experimentID = experiment.id
        return stored
    }

    /// Replaces the experiment's ensemble table with `records`.
    public func replaceEnsembles(_ records: [EnsembleRecord]) throws {
        try session.run("DELETE FROM \"finalistEnsemble\" WHERE \"experimentID\" = \(experiment.id)")
        for record in records {
            let nets = try StoredJSON.encode(record.nets)
            try session.run("""
                INSERT INTO "finalistEnsemble" ("experimentID", size, nets, models, "testAccuracy", "computedAt")
                VALUES (\(experiment.id), \(record.size), \(nets), \(record.models),
                    \(record.testAccuracy), \(record.computedAt))
                """)
        }
    }
}
