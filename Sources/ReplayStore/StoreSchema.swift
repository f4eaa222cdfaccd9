import GRDB

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
        if application != applicationID {
            // GRDB commits its empty migrations table before the first migration sets our
            // application id, so a store another process is creating right now looks like this.
            let objects = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master WHERE name != 'grdb_migrations'") ?? 0
            let migrations = try db.tableExists("grdb_migrations")
                ? try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM grdb_migrations") ?? 0 : 0
            if objects == 0 && migrations == 0 { return .empty }
            throw ReplayStoreError.foreignDatabase(path: path)
        }
        let unknown = try migrator.appliedIdentifiers(db).subtracting(migrator.migrations).sorted()
        if !unknown.isEmpty { throw ReplayStoreError.newerSchema(path: path, unknownMigrations: unknown) }
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
        return migrator
    }
}
