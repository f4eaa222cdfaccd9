extension PostgresSchema {
    /// The fields of a stored state as column suffixes after `state` or `action`, in table order; spelled
    /// out here because a migration never changes once landed.
    private static let fields = ["LayerType", "LayerDepth", "FilterDepth", "FilterSize", "Stride", "ImageSize", "FcSize", "Terminate"]

    /// The columns of one side (`state` or `action`) of a typed `qValue` row, with the SQLite store's checks.
    private static func typedColumns(_ side: String) -> String {
        """
            "\(side)LayerType"   TEXT NOT NULL CHECK ("\(side)LayerType" IN ('start', 'conv', 'pool', 'fc', 'gap')),
            "\(side)LayerDepth"  BIGINT NOT NULL CHECK ("\(side)LayerDepth" >= 0),
            "\(side)FilterDepth" BIGINT NOT NULL CHECK ("\(side)FilterDepth" >= 0),
            "\(side)FilterSize"  BIGINT NOT NULL CHECK ("\(side)FilterSize" >= 0),
            "\(side)Stride"      BIGINT NOT NULL CHECK ("\(side)Stride" >= 0),
            "\(side)ImageSize"   BIGINT NOT NULL CHECK ("\(side)ImageSize" >= 0),
            "\(side)FcSize"      BIGINT NOT NULL CHECK ("\(side)FcSize" >= 0),
            "\(side)Terminate"   BOOLEAN NOT NULL,
        """
    }

    /// The text of one side of an old row split into the typed fields (the pattern below has been checked).
    private static func parsed(_ column: String) -> String {
        (1...8).map { index in
            let cell = "split_part(\(column), ',', \(index))"
            return index == 1 ? cell : index == 8 ? "\(cell) = '1'" : "\(cell)::bigint"
        }.joined(separator: ", ")
    }

    /// What a tuple stored before this migration looks like: the SQLite store's parser accepts the same.
    private static let referenceTuple = "'^(start|conv|pool|fc|gap)(,[0-9]{1,18}){6},[01]$'"

    /// Q values keep their state and action as the reference tuple's eight typed fields instead of
    /// the text of those fields joined by commas; the key is still one utility per experiment, state
    /// and action. Existing rows are converted; one that is not two reference tuples stops the
    /// migration (rolling back its transaction), so the store stays as it was rather than losing a Q value.
    static let v5: [String] = {
        let key = ["state", "action"].flatMap { side in fields.map { "\"\(side)\($0)\"" } }.joined(separator: ", ")
        return [
            """
            CREATE TABLE "typedQValue" (
                "experimentID" BIGINT NOT NULL,
            \(typedColumns("state"))
            \(typedColumns("action"))
                utility        DOUBLE PRECISION NOT NULL,
                CONSTRAINT "typedQValue_pkey" PRIMARY KEY ("experimentID", \(key)),
                CONSTRAINT "typedQValue_experimentID_fkey" FOREIGN KEY ("experimentID") REFERENCES experiment(id) ON DELETE CASCADE
            )
            """,
            """
            DO $$
            DECLARE bad record;
            BEGIN
                SELECT "experimentID", state, action INTO bad FROM "qValue"
                WHERE state !~ \(referenceTuple) OR action !~ \(referenceTuple) LIMIT 1;
                IF FOUND THEN
                    RAISE EXCEPTION 'the Q value of experiment % for state ''%'' and action ''%'' is not two reference tuples, so the migration v5-typed-q-values changed nothing',
                        bad."experimentID", bad.state, bad.action;
                END IF;
            END
            $$
            """,
            """
            INSERT INTO "typedQValue" ("experimentID", \(key), utility)
            SELECT "experimentID", \(parsed("state")), \(parsed("action")), utility FROM "qValue"
            """,
            """
            DROP TABLE "qValue"
            """,
            """
            ALTER TABLE "typedQValue" RENAME TO "qValue"
            """,
            // The constraints get the names PostgreSQL gives a table created as "qValue".
            """
            ALTER TABLE "qValue" RENAME CONSTRAINT "typedQValue_pkey" TO "qValue_pkey"
            """,
            """
            ALTER TABLE "qValue" RENAME CONSTRAINT "typedQValue_experimentID_fkey" TO "qValue_experimentID_fkey"
            """,
        ]
    }()
}
