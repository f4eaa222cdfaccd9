import GRDB
import StoreModel

/// The store's schema as named migrations. A migration is never edited once it has landed:
/// later changes are new migrations appended here.
enum StoreSchema {
    /// `PRAGMA application_id` of every metaqnn store ("MQNN"); tells our files from foreign ones.
    static let applicationID: Int32 = 0x4D51_4E4E

    /// What an existing SQLite database is to metaqnn.
    enum Contents: Equatable {
        /// No tables at all: a fresh file that opening for writing may make a store.
        case empty
        /// One of ours, with no migration this build does not know.
        case store
    }

    /// Classifies `db`, throwing `foreignDatabase` or `newerSchema` for files metaqnn must not touch.
    static func check(_ db: Database, path: String) throws -> Contents {
        let application = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        let objects = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master") ?? 0
        if application != applicationID {
            // The migrator creates its empty bookkeeping table before the first migration's
            // transaction, so a store being created right now (or killed then) holds only that.
            // (Its primary key brings an automatic index, also of that table.)
            let tables = try Set(String.fetchAll(db, sql: "SELECT tbl_name FROM sqlite_master"))
            let unstarted = try tables == ["grdb_migrations"]
                && (Int.fetchOne(db, sql: "SELECT COUNT(*) FROM grdb_migrations") ?? 0) == 0
            if objects == 0 || unstarted { return .empty }
            throw StoreError.foreignDatabase(store: path)
        }
        let unknown = try migrator.appliedIdentifiers(db).subtracting(migrator.migrations).sorted()
        if !unknown.isEmpty { throw StoreError.newerSchema(store: path, unknownMigrations: unknown) }
        return .store
    }

    /// The migrator that brings any store of ours up to this build's schema.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-experiments-nets-replay-q-leases") { db in
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            try db.execute(sql: """
                CREATE TABLE experiment (
                    id            INTEGER PRIMARY KEY,
                    name          TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
                    kind          TEXT NOT NULL CHECK (kind IN ('search', 'import')),
                    status        TEXT NOT NULL CHECK (status IN ('running', 'stopped', 'finished', 'imported')),
                    seed          INTEGER NOT NULL,
                    searchSpace   TEXT NOT NULL CHECK (json_valid(searchSpace)),
                    settings      TEXT NOT NULL CHECK (json_valid(settings)),
                    rngState      INTEGER NOT NULL,
                    createdAt     REAL NOT NULL,
                    updatedAt     REAL NOT NULL
                );
                CREATE TABLE trainedNet (
                    id                      INTEGER PRIMARY KEY,
                    experimentID            INTEGER NOT NULL REFERENCES experiment(id) ON DELETE CASCADE,
                    net                     TEXT NOT NULL,
                    status                  TEXT NOT NULL CHECK (status IN ('trained', 'failed')),
                    stage                   INTEGER CHECK (stage >= 0),
                    epsilon                 REAL NOT NULL CHECK (epsilon BETWEEN 0 AND 1),
                    bestValidationAccuracy  REAL,
                    bestValidationIteration INTEGER,
                    lastValidationAccuracy  REAL,
                    lastValidationIteration INTEGER,
                    testAccuracyAtBest      REAL,
                    testAccuracyAtLast      REAL,
                    parameterCount          INTEGER,
                    forwardFLOPs            INTEGER,
                    epochs                  TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(epochs)),
                    attempts                INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
                    learned                 INTEGER CHECK (learned IN (0, 1)),
                    seconds                 REAL NOT NULL DEFAULT 0,
                    worker                  TEXT NOT NULL,
                    failure                 TEXT,
                    finishedAt              REAL NOT NULL,
                    UNIQUE (experimentID, net),
                    UNIQUE (experimentID, id),
                    CHECK ((status = 'trained' AND failure IS NULL
                            AND bestValidationAccuracy IS NOT NULL AND bestValidationIteration IS NOT NULL
                            AND lastValidationAccuracy IS NOT NULL AND lastValidationIteration IS NOT NULL)
                        OR (status = 'failed' AND failure IS NOT NULL))
                );
                CREATE TABLE replayRow (
                    experimentID INTEGER NOT NULL REFERENCES experiment(id) ON DELETE CASCADE,
                    sequence     INTEGER NOT NULL CHECK (sequence >= 1),
                    netID        INTEGER NOT NULL,
                    epsilon      REAL NOT NULL CHECK (epsilon BETWEEN 0 AND 1),
                    finishedAt   REAL NOT NULL,
                    machine      TEXT NOT NULL,
                    PRIMARY KEY (experimentID, sequence),
                    FOREIGN KEY (experimentID, netID) REFERENCES trainedNet(experimentID, id) ON DELETE CASCADE
                ) WITHOUT ROWID;
                CREATE INDEX replayRowNet ON replayRow(experimentID, netID);
                CREATE TRIGGER replayRowNeedsTrainedNet BEFORE INSERT ON replayRow
                WHEN (SELECT status FROM trainedNet WHERE id = NEW.netID) IS NOT 'trained'
                BEGIN SELECT RAISE(ABORT, 'a replay row must reference a trained net'); END;
                CREATE TABLE qValue (
                    experimentID INTEGER NOT NULL REFERENCES experiment(id) ON DELETE CASCADE,
                    state        TEXT NOT NULL,
                    action       TEXT NOT NULL,
                    utility      REAL NOT NULL,
                    PRIMARY KEY (experimentID, state, action)
                ) WITHOUT ROWID;
                CREATE TABLE lease (
                    id           INTEGER PRIMARY KEY,
                    experimentID INTEGER NOT NULL REFERENCES experiment(id) ON DELETE CASCADE,
                    net          TEXT NOT NULL,
                    stage        INTEGER NOT NULL CHECK (stage >= 0),
                    epsilon      REAL NOT NULL CHECK (epsilon BETWEEN 0 AND 1),
                    worker       TEXT NOT NULL,
                    pid          INTEGER NOT NULL,
                    host         TEXT NOT NULL,
                    claimedAt    REAL NOT NULL,
                    heartbeatAt  REAL NOT NULL,
                    UNIQUE (experimentID, net)
                );
                """)
        }
        // Reference replay files repeat a net with different results (trained again, elsewhere),
        // so an imported row keeps its own result and its own ix_q_value_update. Rows of this
        // project's searches have none here and read their net's one result, as before.
        migrator.registerMigration("v2-imported-row-results") { db in
            try db.execute(sql: """
                CREATE TABLE replayRowResult (
                    experimentID            INTEGER NOT NULL,
                    sequence                INTEGER NOT NULL,
                    bestValidationAccuracy  REAL NOT NULL,
                    bestValidationIteration INTEGER NOT NULL CHECK (bestValidationIteration >= 0),
                    lastValidationAccuracy  REAL NOT NULL,
                    lastValidationIteration INTEGER NOT NULL CHECK (lastValidationIteration >= 0),
                    testAccuracyAtBest      REAL,
                    testAccuracyAtLast      REAL,
                    qValueUpdateIndex       REAL NOT NULL,
                    PRIMARY KEY (experimentID, sequence),
                    FOREIGN KEY (experimentID, sequence) REFERENCES replayRow(experimentID, sequence) ON DELETE CASCADE
                ) WITHOUT ROWID;
                CREATE TRIGGER replayRowResultOnlyImported BEFORE INSERT ON replayRowResult
                WHEN (SELECT kind FROM experiment WHERE id = NEW.experimentID) IS NOT 'import'
                BEGIN SELECT RAISE(ABORT, 'only rows of an imported experiment carry their own result'); END;
                """)
        }
        migrator.registerMigration("v3-finalists") { db in
            // Finalists are nets of a finished search trained again, longer, from several seeds;
            // each row is one finished (net, seed) with the weights file it left beside the store.
            try db.execute(sql: """
                CREATE TABLE finalist (
                    id                      INTEGER PRIMARY KEY,
                    experimentID            INTEGER NOT NULL REFERENCES experiment(id) ON DELETE CASCADE,
                    selectionRank           INTEGER NOT NULL CHECK (selectionRank >= 1),
                    net                     TEXT NOT NULL,
                    seed                    INTEGER NOT NULL,
                    settings                TEXT NOT NULL CHECK (json_valid(settings)),
                    epochs                  TEXT NOT NULL CHECK (json_valid(epochs)),
                    bestValidationAccuracy  REAL NOT NULL CHECK (bestValidationAccuracy BETWEEN 0 AND 1),
                    lastValidationAccuracy  REAL NOT NULL CHECK (lastValidationAccuracy BETWEEN 0 AND 1),
                    testAccuracyAtBest      REAL NOT NULL CHECK (testAccuracyAtBest BETWEEN 0 AND 1),
                    testAccuracyAtLast      REAL NOT NULL CHECK (testAccuracyAtLast BETWEEN 0 AND 1),
                    parameterCount          INTEGER NOT NULL CHECK (parameterCount >= 0),
                    forwardFLOPs            INTEGER NOT NULL CHECK (forwardFLOPs >= 0),
                    seconds                 REAL NOT NULL CHECK (seconds >= 0),
                    weightsFile             TEXT NOT NULL CHECK (length(weightsFile) > 0),
                    weightsSHA256           TEXT NOT NULL CHECK (length(weightsSHA256) = 64),
                    normalizationMean       TEXT NOT NULL CHECK (json_valid(normalizationMean)),
                    normalizationStd        TEXT NOT NULL CHECK (json_valid(normalizationStd)),
                    worker                  TEXT NOT NULL,
                    finishedAt              REAL NOT NULL,
                    UNIQUE (experimentID, net, seed)
                );
                CREATE TABLE finalistEnsemble (
                    experimentID  INTEGER NOT NULL REFERENCES experiment(id) ON DELETE CASCADE,
                    size          INTEGER NOT NULL CHECK (size >= 1),
                    nets          TEXT NOT NULL CHECK (json_valid(nets)),
                    models        INTEGER NOT NULL CHECK (models >= size),
                    testAccuracy  REAL NOT NULL CHECK (testAccuracy BETWEEN 0 AND 1),
                    computedAt    REAL NOT NULL,
                    PRIMARY KEY (experimentID, size)
                ) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("v4-early-stopping") { db in
            // A net stopped early by learning-curve prediction keeps its partial curve and measured
            // accuracies; its reward is the predicted final accuracy, kept beside them. Both
            // columns are set together, only on trained nets; nets trained to the end leave both null.
            try db.execute(sql: """
                ALTER TABLE trainedNet ADD COLUMN stoppedAfterEpoch INTEGER CHECK (stoppedAfterEpoch >= 1);
                ALTER TABLE trainedNet ADD COLUMN predictedAccuracy REAL
                    CHECK ((predictedAccuracy IS NULL) = (stoppedAfterEpoch IS NULL)
                        AND (predictedAccuracy IS NULL OR (status = 'trained' AND predictedAccuracy BETWEEN 0 AND 1)));
                """)
        }
        registerTypedQValues(in: &migrator)
        return migrator
    }
}
