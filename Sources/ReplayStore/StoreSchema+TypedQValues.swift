import GRDB
import StoreModel

extension StoreSchema {
    /// Why `v5-typed-q-values` stopped: a `qValue` row whose state or action is not a reference tuple.
    struct UnreadableQValue: Error {
        /// What the store's `corrupt` sentence shows.
        var detail: String
    }

    /// The columns of one side (`state` or `action`) of a typed `qValue` row, with the checks the
    /// search space guarantees of every bucketed state.
    private static func typedColumns(_ side: String) -> String {
        """
            \(side)LayerType   TEXT NOT NULL CHECK (\(side)LayerType IN ('start', 'conv', 'pool', 'fc', 'gap')),
            \(side)LayerDepth  INTEGER NOT NULL CHECK (\(side)LayerDepth >= 0),
            \(side)FilterDepth INTEGER NOT NULL CHECK (\(side)FilterDepth >= 0),
            \(side)FilterSize  INTEGER NOT NULL CHECK (\(side)FilterSize >= 0),
            \(side)Stride      INTEGER NOT NULL CHECK (\(side)Stride >= 0),
            \(side)ImageSize   INTEGER NOT NULL CHECK (\(side)ImageSize >= 0),
            \(side)FcSize      INTEGER NOT NULL CHECK (\(side)FcSize >= 0),
            \(side)Terminate   INTEGER NOT NULL CHECK (\(side)Terminate IN (0, 1)),
        """
    }

    /// Q values keep their state and action as the reference tuple's eight typed fields instead of
    /// the text of those fields joined by commas; the key is still one utility per experiment,
    /// state and action. Existing rows are converted; one that is not two reference tuples stops
    /// the migration, so the store stays as it was rather than losing a Q value.
    static func registerTypedQValues(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v5-typed-q-values") { db in
            // The fields spelled out, because a migration never changes once landed.
            let fields = ["LayerType", "LayerDepth", "FilterDepth", "FilterSize", "Stride", "ImageSize", "FcSize", "Terminate"]
            let key = ["state", "action"].flatMap { side in fields.map { side + $0 } }
            try db.execute(sql: """
                CREATE TABLE typedQValue (
                    experimentID INTEGER NOT NULL REFERENCES experiment(id) ON DELETE CASCADE,
                \(typedColumns("state"))
                \(typedColumns("action"))
                    utility      REAL NOT NULL,
                    PRIMARY KEY (experimentID, \(key.joined(separator: ", ")))
                ) WITHOUT ROWID
                """)
            let insert = try db.makeStatement(sql: """
                INSERT INTO typedQValue (experimentID, \(key.joined(separator: ", ")), utility)
                VALUES (\(Array(repeating: "?", count: key.count + 2).joined(separator: ", ")))
                """)
            let rows = try Row.fetchCursor(db, sql: "SELECT experimentID, state, action, utility FROM qValue")
            while let row = try rows.next() {
                let experiment: Int64 = row["experimentID"]
                let state: String = row["state"]
                let action: String = row["action"]
                guard let typedState = parseReferenceTuple(state), let typedAction = parseReferenceTuple(action) else {
                    throw UnreadableQValue(detail: """
                        the Q value of experiment \(experiment) for state '\(state)' and action '\(action)' is not two \
                        reference tuples, so the migration v5-typed-q-values changed nothing
                        """)
                }
                let values: [any DatabaseValueConvertible] = [experiment] + typedState.databaseValues
                    + typedAction.databaseValues + [row["utility"] as Double]
                try insert.execute(arguments: StatementArguments(values))
            }
            try db.execute(sql: """
                DROP TABLE qValue;
                ALTER TABLE typedQValue RENAME TO qValue;
                """)
        }
    }

    /// A tuple as the schema before `v5-typed-q-values` stored it (what `StoredLayerState.referenceText`
    /// writes): a layer type and seven non-negative integers of at most 18 digits (a BIGINT on PostgreSQL
    /// too), the last 0 or 1; nil for anything else.
    static func parseReferenceTuple(_ text: String) -> StoredLayerState? {
        let cells = text.split(separator: ",", omittingEmptySubsequences: false)
        guard cells.count == 8, ["start", "conv", "pool", "fc", "gap"].contains(cells[0]) else { return nil }
        let numbers = cells.dropFirst().compactMap { cell in
            (1...18).contains(cell.count) && cell.allSatisfy { $0.isASCII && $0.isNumber } ? Int(cell) : nil
        }
        guard numbers.count == 7, numbers[6] == 0 || numbers[6] == 1 else { return nil }
        return StoredLayerState(layerType: String(cells[0]), layerDepth: numbers[0], filterDepth: numbers[1],
                                filterSize: numbers[2], stride: numbers[3], imageSize: numbers[4], fcSize: numbers[5],
                                terminate: numbers[6] == 1)
    }
}
