import Foundation
import StoreModel

// Row mapping for the PostgreSQL store, column for column as the SQLite store's (Records+GRDB.swift):
// UInt64 values (seed, generator state) are kept as the BIGINT with the same bits, `learned` as
// 0 or 1, and DOUBLE PRECISION travels in binary, so every Double reads back with its bits.

extension ExperimentRecord {
    /// Reads an `experiment` row.
    init(columns c: RecordColumns) throws(StoreError) {
        self.init(id: try c("id"), name: try c("name"), kind: try c.value("kind", as: Kind.self),
                  status: try c.value("status", as: Status.self), seed: UInt64(bitPattern: try c("seed")),
                  searchSpaceJSON: try c("searchSpace"), settingsJSON: try c("settings"),
                  rngState: UInt64(bitPattern: try c("rngState")), createdAt: try c("createdAt"),
                  updatedAt: try c("updatedAt"))
    }
}

extension TrainedNetRecord {
    /// Reads a `trainedNet` row.
    init(columns c: RecordColumns) throws(StoreError) {
        let learned: Int64? = try c("learned")
        self.init(id: try c("id"), net: try c("net"), status: try c.value("status", as: Status.self), stage: try c("stage"),
                  epsilon: try c("epsilon"), bestValidationAccuracy: try c("bestValidationAccuracy"),
                  bestValidationIteration: try c("bestValidationIteration"),
                  lastValidationAccuracy: try c("lastValidationAccuracy"),
                  lastValidationIteration: try c("lastValidationIteration"),
                  testAccuracyAtBest: try c("testAccuracyAtBest"), testAccuracyAtLast: try c("testAccuracyAtLast"),
                  parameterCount: try c("parameterCount"), forwardFLOPs: try c("forwardFLOPs"), epochsJSON: try c("epochs"),
                  attempts: try c("attempts"), learned: learned.map { $0 != 0 }, seconds: try c("seconds"),
                  worker: try c("worker"), failure: try c("failure"), finishedAt: try c("finishedAt"),
                  stoppedAfterEpoch: try c("stoppedAfterEpoch"), predictedAccuracy: try c("predictedAccuracy"))
    }
}

extension ReplayRowRecord {
    /// The select list that joins `replayRowResult` as `x` onto `replayRow` as `r`, named for `init(columns:)`.
    static let postgresJoinedColumns = """
        r.sequence, r."netID", r.epsilon, r."finishedAt", r.machine,
        x."bestValidationAccuracy" AS "ownBestValidationAccuracy", x."bestValidationIteration" AS "ownBestValidationIteration",
        x."lastValidationAccuracy" AS "ownLastValidationAccuracy", x."lastValidationIteration" AS "ownLastValidationIteration",
        x."testAccuracyAtBest" AS "ownTestAccuracyAtBest", x."testAccuracyAtLast" AS "ownTestAccuracyAtLast",
        x."qValueUpdateIndex" AS "ownQValueUpdateIndex"
        """

    /// Reads a `replayRow` row joined with its `replayRowResult` (`postgresJoinedColumns`).
    init(columns c: RecordColumns) throws(StoreError) {
        var own: RowResult?
        if let best: Double = try c("ownBestValidationAccuracy") {
            own = RowResult(
                bestValidationAccuracy: best, bestValidationIteration: try c("ownBestValidationIteration"),
                lastValidationAccuracy: try c("ownLastValidationAccuracy"),
                lastValidationIteration: try c("ownLastValidationIteration"),
                testAccuracyAtBest: try c("ownTestAccuracyAtBest"), testAccuracyAtLast: try c("ownTestAccuracyAtLast"))
        }
        self.init(sequence: try c("sequence"), netID: try c("netID"), epsilon: try c("epsilon"), finishedAt: try c("finishedAt"),
                  machine: try c("machine"), ownResult: own, importedUpdateIndex: try c("ownQValueUpdateIndex"))
    }
}

extension QValueRecord {
    /// The `qValue` columns of one entry, quoted, in table order (`v5-typed-q-values`), without `experimentID`.
    static let columns = ["state", "action"].flatMap { side in StoredLayerState.columnSuffixes.map { "\"\(side)\($0)\"" } } + ["utility"]

    /// Reads a `qValue` row.
    init(columns c: RecordColumns) throws(StoreError) {
        self.init(state: try StoredLayerState(columns: c, prefix: "state"), action: try StoredLayerState(columns: c, prefix: "action"),
                  utility: try c("utility"))
    }
}

extension StoredLayerState {
    /// Reads the fields stored under `prefix` (`state` or `action`).
    init(columns c: RecordColumns, prefix: String) throws(StoreError) {
        self.init(layerType: try c(prefix + "LayerType"), layerDepth: try c(prefix + "LayerDepth"),
                  filterDepth: try c(prefix + "FilterDepth"), filterSize: try c(prefix + "FilterSize"),
                  stride: try c(prefix + "Stride"), imageSize: try c(prefix + "ImageSize"), fcSize: try c(prefix + "FcSize"),
                  terminate: try c(prefix + "Terminate"))
    }
}

extension LeaseRecord {
    /// Reads a `lease` row.
    init(columns c: RecordColumns) throws(StoreError) {
        let pid: Int64 = try c("pid")
        guard let pid32 = Int32(exactly: pid) else { throw .corrupt(store: c.url, detail: "lease pid \(pid)") }
        self.init(id: try c("id"), net: try c("net"), stage: try c("stage"), epsilon: try c("epsilon"), worker: try c("worker"),
                  pid: pid32, host: try c("host"), claimedAt: try c("claimedAt"), heartbeatAt: try c("heartbeatAt"))
    }
}

extension FinalistRecord {
    /// Reads a `finalist` row; the normalisation arrays are JSON text, as on SQLite.
    init(columns c: RecordColumns) throws(StoreError) {
        self.init(id: try c("id"), experimentID: try c("experimentID"), selectionRank: try c("selectionRank"), net: try c("net"),
                  seed: try c("seed"), settingsJSON: try c("settings"), epochsJSON: try c("epochs"),
                  bestValidationAccuracy: try c("bestValidationAccuracy"), lastValidationAccuracy: try c("lastValidationAccuracy"),
                  testAccuracyAtBest: try c("testAccuracyAtBest"), testAccuracyAtLast: try c("testAccuracyAtLast"),
                  parameterCount: try c("parameterCount"), forwardFLOPs: try c("forwardFLOPs"), seconds: try c("seconds"),
                  weightsFile: try c("weightsFile"), weightsSHA256: try c("weightsSHA256"),
                  normalizationMean: try StoredJSON.decode(c("normalizationMean"), column: "normalizationMean", url: c.url),
                  normalizationStd: try StoredJSON.decode(c("normalizationStd"), column: "normalizationStd", url: c.url),
                  worker: try c("worker"), finishedAt: try c("finishedAt"))
    }
}

extension EnsembleRecord {
    /// Reads a `finalistEnsemble` row; `nets` is JSON text, as on SQLite.
    init(columns c: RecordColumns) throws(StoreError) {
        self.init(experimentID: try c("experimentID"), size: try c("size"),
                  nets: try StoredJSON.decode(c("nets"), column: "nets", url: c.url), models: try c("models"),
                  testAccuracy: try c("testAccuracy"), computedAt: try c("computedAt"))
    }
}

/// The JSON text of array columns, written exactly as the SQLite store writes them (GRDB encodes a
/// Codable record's arrays with a `JSONEncoder` whose output is `.sortedKeys`), so both hold the same text.
enum StoredJSON {
    /// `value` as the SQLite store's JSON text.
    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// The array `text` holds; `corrupt` when it holds none.
    static func decode<T: Decodable>(_ text: String, column: String, url: String) throws(StoreError) -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(text.utf8))
        } catch {
            throw .corrupt(store: url, detail: "\(column) is not a JSON array of the expected type")
        }
    }
}
