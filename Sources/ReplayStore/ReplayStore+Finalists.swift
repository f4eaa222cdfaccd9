import GRDB
import StoreModel

/// Reads of the finalists (nets trained again for keeps) and their ensembles.
extension ReplayStore {
    /// Every finished finalist training of the experiment, by selection rank then seed.
    public func finalists(experiment name: String) throws(StoreError) -> [FinalistRecord] {
        let id = try experiment(named: name).id
        return try read { db in
            try FinalistRecord.fetchAll(db, sql: "SELECT * FROM finalist WHERE experimentID = ? ORDER BY selectionRank, seed, id",
                                        arguments: [id])
        }
    }

    /// The experiment's stored ensemble accuracies, by size.
    public func ensembles(experiment name: String) throws(StoreError) -> [EnsembleRecord] {
        let id = try experiment(named: name).id
        return try read { db in
            try EnsembleRecord.fetchAll(db, sql: "SELECT * FROM finalistEnsemble WHERE experimentID = ? ORDER BY size",
                                        arguments: [id])
        }
    }
}

/// Writes of finalists inside one experiment's transaction.
extension StoreTransaction {
    /// The stored finalist trainings, by selection rank then seed.
    public func finalists() throws -> [FinalistRecord] {
        try FinalistRecord.fetchAll(db, sql: "SELECT * FROM finalist WHERE experimentID = ? ORDER BY selectionRank, seed, id",
                                    arguments: [experiment.id])
    }

    /// Stores one finished (net, seed); throws `duplicateFinalist` when it is already there.
    public func insertFinalist(_ record: FinalistRecord) throws -> FinalistRecord {
        let existing = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM finalist WHERE experimentID = ? AND net = ? AND seed = ?",
                                        arguments: [experiment.id, record.net, record.seed]) ?? 0
        if existing > 0 {
            throw StoreError.duplicateFinalist(net: record.net, seed: record.seed, experiment: experiment.name)
        }
        var stored = record
        stored.id = nil
        stored.experimentID = experiment.id
        try stored.insert(db)
        stored.id = db.lastInsertedRowID
        return stored
    }

    /// Replaces the experiment's ensemble table with `records`.
    public func replaceEnsembles(_ records: [EnsembleRecord]) throws {
        try db.execute(sql: "DELETE FROM finalistEnsemble WHERE experimentID = ?", arguments: [experiment.id])
        for record in records {
            var stored = record
            stored.experimentID = experiment.id
            try stored.insert(db)
        }
    }
}
