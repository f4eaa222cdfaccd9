import Foundation
import QLearning
import ReplayStore

/// Writes an experiment in the reference formats: `replay_database.csv` and `q_values.csv`.
public struct ReplayExporter: Sendable {
    /// The store to read.
    public var store: ReplayStore

    /// An exporter reading `store`.
    public init(store: ReplayStore) {
        self.store = store
    }

    /// The experiment's replay rows in sequence order, each with its own result (an imported row's
    /// as imported); `ix_q_value_update` is the sequence number, or for an imported row the index
    /// it was imported with.
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

    /// Writes the requested files atomically; returns the rows and Q entries written.
    @discardableResult
    public func export(experiment name: String, replayCSV replayPath: String, qCSV qPath: String?) throws
        -> (rows: Int, qValues: Int)
    {
        // Everything is read before anything is written, so a failure leaves no half export.
        let replay = try replayCSV(experiment: name)
        let q = try qPath.map { _ in try qValuesCSV(experiment: name) }
        try write(replay, to: replayPath)
        var qCount = 0
        if let qPath, let q {
            try write(q, to: qPath)
            qCount = q.split(separator: "\n").count - 1
        }
        return (replay.split(separator: "\n").count - 1, qCount)
    }

    private func write(_ text: String, to path: String) throws {
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            let directory = (path as NSString).deletingLastPathComponent
            var isDirectory: ObjCBool = false
            let reason = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
                ? "it is a directory, not a file"
                : directory.isEmpty || FileManager.default.fileExists(atPath: directory)
                ? "not writable" : "no directory \(directory)"
            throw ExportError.unwritable(path: path, reason: reason)
        }
    }
}
