import Foundation
import QLearning
import SearchSpace
import StoreModel

/// Imports a reference `replay_database.csv` (spec §5) as a new experiment, all or nothing.
///
/// Files as the reference code writes them are taken as they are: file order is the order
/// (`ix_q_value_update` repeats), a test accuracy of `-1.0` means "not measured", accuracies on
/// a percent scale are kept as written (the reference uses the value as the reward, so replay
/// learns what it would), and a net repeated with other results keeps each row's own result.
public struct ReplayImporter: Sendable {
    /// The search space the file's nets must belong to.
    public var settings: SearchSpaceSettings

    /// An importer for nets of `settings`.
    public init(settings: SearchSpaceSettings) {
        self.settings = settings
    }

    /// What an import added.
    public struct Summary: Hashable, Sendable {
        /// Replay rows, in file order.
        public var rows: Int
        /// Distinct nets among them.
        public var nets: Int
        /// File lines of the rows whose accuracies are on a percent scale (kept as written), in file order.
        public var percentScaleLines: [Int]

        /// A summary.
        public init(rows: Int, nets: Int, percentScaleLines: [Int] = []) {
            self.rows = rows
            self.nets = nets
            self.percentScaleLines = percentScaleLines
        }
    }

    /// A checked file, ready to store: its rows and each row's canonical net string.
    public struct Prepared: Sendable {
        /// Where the rows came from (named in errors and in the experiment's settings).
        public var source: String
        /// The rows, in file order.
        public var rows: [ReplayCSVRow]
        /// Each row's canonical net string.
        public var nets: [String]
    }

    /// Reads and checks `path` without touching any store.
    public func prepareFile(at path: String) throws(ReplayImportError) -> Prepared {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            let exists = FileManager.default.fileExists(atPath: path)
            throw .unreadable(path: path, reason: exists ? "not readable UTF-8 text" : "no such file")
        }
        return try prepare(text, source: path)
    }

    /// Checks CSV `text`: it parses, has rows, and every net is legal here.
    public func prepare(_ text: String, source: String) throws(ReplayImportError) -> Prepared {
        let rows: [ReplayCSVRow]
        do { rows = try ReplayCSV.parse(text) } catch { throw .malformed(path: source, error) }
        guard !rows.isEmpty else { throw .noRows(path: source) }
        return Prepared(source: source, rows: rows, nets: try canonicalNets(rows, source: source))
    }

    /// Reads `path` and stores it as experiment `name`; any bad row rejects the whole file and
    /// the store stays as it was.
    @discardableResult
    public func importFile(at path: String, experiment name: String, into store: any ExperimentStore) throws -> Summary {
        try self.store(prepareFile(at: path), experiment: name, into: store)
    }

    /// Stores CSV `text` as experiment `name`; `source` names the file in errors and in the experiment's settings.
    @discardableResult
    public func importText(_ text: String, source: String, experiment name: String, into store: any ExperimentStore) throws
        -> Summary
    {
        try self.store(prepare(text, source: source), experiment: name, into: store)
    }

    /// Stores a checked file as the new experiment `name`, in one transaction.
    @discardableResult
    public func store(_ prepared: Prepared, experiment name: String, into store: any ExperimentStore) throws -> Summary {
        let now = Date().timeIntervalSince1970
        let record = ExperimentRecord(
            name: name, kind: .imported, status: .imported, seed: 0,
            searchSpaceJSON: String(decoding: settings.jsonData(), as: UTF8.self),
            settingsJSON: Self.json(["source": prepared.source]), rngState: 0, createdAt: now, updatedAt: now)
        var distinct = 0
        try store.createExperiment(record) { transaction in
            var ids: [String: Int64] = [:]
            for (row, net) in zip(prepared.rows, prepared.nets) {
                // The net's own record holds its first row's result, as for a net of a search.
                if ids[net] == nil {
                    let stored = try transaction.insertNet(TrainedNetRecord(
                        net: net, status: .trained, stage: nil, epsilon: row.epsilon,
                        bestValidationAccuracy: row.accuracyBestValidation,
                        bestValidationIteration: row.iterationBestValidation,
                        lastValidationAccuracy: row.accuracyLastValidation,
                        lastValidationIteration: row.iterationLastValidation,
                        testAccuracyAtBest: row.accuracyBestTest, testAccuracyAtLast: row.accuracyLastTest,
                        worker: row.machine, finishedAt: row.timeFinished))
                    ids[net] = stored.id
                    distinct += 1
                }
                try transaction.appendReplayRow(netID: ids[net]!, epsilon: row.epsilon, finishedAt: row.timeFinished,
                                                machine: row.machine, ownResult: row.result,
                                                importedUpdateIndex: row.qValueUpdateIndex)
            }
        }
        return Summary(rows: prepared.rows.count, nets: distinct,
                       percentScaleLines: prepared.rows.filter(\.result.isPercentScale).map(\.line))
    }

    /// Each row's canonical net string, after checking every net parses and is legal in the space.
    private func canonicalNets(_ rows: [ReplayCSVRow], source: String) throws(ReplayImportError) -> [String] {
        let space = StateSpace(settings: settings)
        var nets: [String] = []
        for row in rows {
            let architecture: Architecture
            do { architecture = try Architecture(parsing: row.net) } catch {
                throw .badNet(path: source, line: row.line, error)
            }
            do { _ = try space.trajectory(for: architecture) } catch {
                throw .illegalNet(path: source, line: row.line, net: architecture.description, error)
            }
            nets.append(architecture.description)
        }
        return nets
    }

    static func json(_ object: [String: String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try! encoder.encode(object), as: UTF8.self)
    }
}
