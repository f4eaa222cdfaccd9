import GRDB
import StoreModel

// Row mapping lives here so that the public records stay plain values. UInt64 values (seed,
// generator state) are stored as the Int64 with the same bits: SQLite integers are signed.

extension ExperimentRecord: FetchableRecord {
    public init(row: Row) throws {
        let kind: String = row["kind"], status: String = row["status"]
        guard let kind = Kind(rawValue: kind), let status = Status(rawValue: status) else {
            throw RecordDecodingError(detail: "experiment kind '\(kind)' or status '\(status)'")
        }
        self.init(id: row["id"], name: row["name"], kind: kind, status: status,
                  seed: UInt64(bitPattern: row["seed"]), searchSpaceJSON: row["searchSpace"],
                  settingsJSON: row["settings"], rngState: UInt64(bitPattern: row["rngState"]),
                  createdAt: row["createdAt"], updatedAt: row["updatedAt"])
    }
}

extension TrainedNetRecord: FetchableRecord {
    public init(row: Row) throws {
        let status: String = row["status"]
        guard let status = Status(rawValue: status) else {
            throw RecordDecodingError(detail: "net status '\(status)'")
        }
        self.init(id: row["id"], net: row["net"], status: status, stage: row["stage"], epsilon: row["epsilon"],
                  bestValidationAccuracy: row["bestValidationAccuracy"],
                  bestValidationIteration: row["bestValidationIteration"],
                  lastValidationAccuracy: row["lastValidationAccuracy"],
                  lastValidationIteration: row["lastValidationIteration"],
                  testAccuracyAtBest: row["testAccuracyAtBest"], testAccuracyAtLast: row["testAccuracyAtLast"],
                  parameterCount: row["parameterCount"], forwardFLOPs: row["forwardFLOPs"],
                  epochsJSON: row["epochs"], attempts: row["attempts"], learned: row["learned"],
                  seconds: row["seconds"], worker: row["worker"], failure: row["failure"],
                  finishedAt: row["finishedAt"], stoppedAfterEpoch: row["stoppedAfterEpoch"],
                  predictedAccuracy: row["predictedAccuracy"])
    }
}

extension ReplayRowRecord: FetchableRecord {
    /// Reads `replayRow` columns, and the `own…` columns of `replayRowResult` when the query joined them.
    public init(row: Row) {
        var own: RowResult?
        if let best: Double = row["ownBestValidationAccuracy"] {
            own = RowResult(
                bestValidationAccuracy: best, bestValidationIteration: row["ownBestValidationIteration"],
                lastValidationAccuracy: row["ownLastValidationAccuracy"],
                lastValidationIteration: row["ownLastValidationIteration"],
                testAccuracyAtBest: row["ownTestAccuracyAtBest"], testAccuracyAtLast: row["ownTestAccuracyAtLast"])
        }
        self.init(sequence: row["sequence"], netID: row["netID"], epsilon: row["epsilon"],
                  finishedAt: row["finishedAt"], machine: row["machine"], ownResult: own,
                  importedUpdateIndex: row["ownQValueUpdateIndex"])
    }

    /// The select list that joins `replayRowResult` as `x` onto `replayRow` as `r`, named for `init(row:)`.
    static let joinedColumns = """
        r.*, x.bestValidationAccuracy AS ownBestValidationAccuracy,
        x.bestValidationIteration AS ownBestValidationIteration, x.lastValidationAccuracy AS ownLastValidationAccuracy,
        x.lastValidationIteration AS ownLastValidationIteration, x.testAccuracyAtBest AS ownTestAccuracyAtBest,
        x.testAccuracyAtLast AS ownTestAccuracyAtLast, x.qValueUpdateIndex AS ownQValueUpdateIndex
        """
}

extension QValueRecord: FetchableRecord {
    /// The `qValue` columns of one entry, in table order (`v5-typed-q-values`), without `experimentID`.
    static let columns = ["state", "action"].flatMap { side in StoredLayerState.columnSuffixes.map { side + $0 } } + ["utility"]

    /// Reads a `qValue` row.
    public init(row: Row) {
        self.init(state: StoredLayerState(row: row, prefix: "state"), action: StoredLayerState(row: row, prefix: "action"),
                  utility: row["utility"])
    }

    /// The values of `columns` for this entry.
    var databaseValues: [any DatabaseValueConvertible] {
        state.databaseValues + action.databaseValues + [utility]
    }
}

extension StoredLayerState {
    /// Reads the fields stored under `prefix` (`state` or `action`).
    init(row: Row, prefix: String) {
        self.init(layerType: row[prefix + "LayerType"], layerDepth: row[prefix + "LayerDepth"],
                  filterDepth: row[prefix + "FilterDepth"], filterSize: row[prefix + "FilterSize"], stride: row[prefix + "Stride"],
                  imageSize: row[prefix + "ImageSize"], fcSize: row[prefix + "FcSize"], terminate: row[prefix + "Terminate"])
    }

    /// The values of the fields, in `columns` order.
    var databaseValues: [any DatabaseValueConvertible] {
        [layerType, layerDepth, filterDepth, filterSize, stride, imageSize, fcSize, terminate]
    }
}

extension LeaseRecord: FetchableRecord {
    public init(row: Row) {
        self.init(id: row["id"], net: row["net"], stage: row["stage"], epsilon: row["epsilon"], worker: row["worker"],
                  pid: row["pid"], host: row["host"], claimedAt: row["claimedAt"], heartbeatAt: row["heartbeatAt"])
    }
}

/// A stored value outside what the schema's checks allow (only a hand-edited store can hold one).
struct RecordDecodingError: Error {
    var detail: String
}

// Finalist records are Codable: GRDB maps their properties to columns and stores the arrays as JSON text.

extension FinalistRecord: FetchableRecord, PersistableRecord {
    /// The table name.
    public static let databaseTableName = "finalist"
}

extension EnsembleRecord: FetchableRecord, PersistableRecord {
    /// The table name.
    public static let databaseTableName = "finalistEnsemble"
}
