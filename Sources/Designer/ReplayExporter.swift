import Foundation
import QLearning
import StoreModel

/// Writes an experiment in the reference formats: `replay_database.csv` and `q_values.csv`.
public struct ReplayExporter: Sendable {
    /// The store to read.
    public var store: any ExperimentStore

    /// An exporter reading `store`.
    public init(store: any ExperimentStore) {
        self.store = store
    }

    /// The experiment's replay rows in sequence order, each with its own result (an imported row's
    /// as imported); `ix_q_value_update` is the sequence number, or for an imported row the index
    /// it was imported with. A net stopped early exports its predicted final accuracy, its reward, as `accuracy_best_val`.
    public func replayCSV(experiment name: String) throws -> String {
        let rows = try store.replayEntries(experiment: name).map { entry in
            let result = entry.result
            return ReplayCSVRow(
                net: entry.net.net, accuracyBestValidation: result.bestValidationAccuracy,
                iterationBestValidation: result.bestValidationIteration,
                accuracyLastValidation: result.lastValidationAccuracy,
                iterationLastValidation: result.lastValidationIteration,
                accuracyBestTest: result.testAccuracyAtBest, accuracyLastTest: result.testAccuracyAtLast,
                qValueUpdateIndex: entry.updateIndex, epsilon: entry.row.epsilon,
                timeFinished: entry.row.finishedAt, machine: entry.row.machine)
        }
        return ReplayCSV.render(rows)
    }

    /// The experiment's stored Q table as `q_values.csv` (header only when the table is empty).
    public func qValuesCSV(experiment name: String) throws -> String {
        try QTable(storeRecords: store.qValues(experiment: name), experiment: name).csv()
    }

    /// Writes the requested files atomically; returns the rows and Q entries written. Refuses,
    /// before reading anything, an output that is the store itself or both outputs in one file.
    @discardableResult
    public func export(experiment name: String, replayCSV replayPath: String, qCSV qPath: String?) throws
        -> (rows: Int, qValues: Int)
    {
        let replayFile = OutputFile(path: replayPath), qFile = qPath.map(OutputFile.init(path:))
        try OutputFile.check([replayFile] + (qFile.map { [$0] } ?? []), store: store.filePath)
        // Everything is read before anything is written, so a failure leaves no half export.
        let replay = try replayCSV(experiment: name)
        let q = try qPath.map { _ in try qValuesCSV(experiment: name) }
        try replayFile.write(replay)
        var qCount = 0
        if let qFile, let q {
            try qFile.write(q)
            qCount = q.split(separator: "\n").count - 1
        }
        return (replay.split(separator: "\n").count - 1, qCount)
    }
}
