import Foundation
import ReplayStore
import SearchSpace
import StoreModel
import Testing
import Training
@testable import Designer

/// Tiny searches: on the generated 6×6 three-class set (a two-layer space, one epoch per net), and
/// small ones on the embedded digits.
enum SearchFixtures {
    static let schedule = "1.0:8,0.5:6"

    /// A request for a tiny search in `directory`.
    static func request(_ directory: URL, experiment: String = "tiny", seed: UInt64 = 5, workers: Int = 1) throws -> SearchRequest {
        var request = SearchRequest(experiment: experiment, store: .sqlite(path: directory.appendingPathComponent("\(experiment).sqlite").path),
                                    reportDirectory: nil)
        request.dataset = .synthetic
        request.inputSize = 6
        request.layerLimit = 2
        request.schedule = try EpsilonSchedule(parsing: schedule)
        request.replayNumber = 16
        request.seed = seed
        request.workers = workers
        request.threadsPerWorker = 1
        request.training = epochs(1)
        return request
    }

    /// A one-worker search on the embedded digits, seed 3, stored as `file` in `folder`, whose nets
    /// have at most `layerLimit` layers and train for `epochs` epochs.
    static func digitsRequest(_ folder: URL, experiment: String, file: String, layerLimit: Int, schedule: String,
                              replayNumber: Int, epochs count: Int) throws -> SearchRequest {
        var request = SearchRequest(experiment: experiment, store: .sqlite(path: folder.appendingPathComponent(file).path), reportDirectory: nil)
        request.dataset = .digits
        request.layerLimit = layerLimit
        request.schedule = try EpsilonSchedule(parsing: schedule)
        request.replayNumber = replayNumber
        request.seed = 3
        request.threadsPerWorker = 1
        request.training = epochs(count)
        return request
    }

    /// The training flags of `--epochs count`: the fallback scheme with its epochs replaced.
    static func epochs(_ count: Int) -> @Sendable (TrainingSettings) -> TrainingSettings {
        { settings in
            var settings = settings
            settings.epochs = count
            return settings
        }
    }

    /// The same search as command-line arguments of `metaqnn search`.
    static func arguments(store: URL, experiment: String = "tiny", seed: UInt64 = 5, workers: Int = 1,
                          schedule: String = schedule, epochs: Int = 1) -> [String] {
        ["search", "--experiment", experiment, "--store", store.path, "--synthetic-data", "--input-size", "6",
         "--layer-limit", "2", "--schedule", schedule, "--replay-number", "16", "--seed", "\(seed)",
         "--workers", "\(workers)", "--threads", "1", "--epochs", "\(epochs)",
         "--report-dir", store.deletingLastPathComponent().appendingPathComponent("report-\(experiment)").path]
    }

    /// Everything a finished search leaves in its store that must not depend on how it got there.
    struct Snapshot: Equatable {
        var replays: [String]
        var nets: [String]
        var qValues: [String]
        var leases: Int
        var problems: [String]
    }

    /// Runs the search `request(folder)` makes, to completion, in two fresh folders `a` and `b` of
    /// `directory`, expecting `models` unique nets each time; returns both stores' snapshots.
    static func twoRuns(in directory: URL, experiment: String, models: Int,
                        request: (URL) throws -> SearchRequest) throws -> [Snapshot] {
        try ["a", "b"].map { run in
            let folder = directory.appendingPathComponent(run)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let outcome = try Search(request(folder)).run(cancellation: SearchCancellation())
            #expect(outcome.completed && outcome.status.modelsDone == models)
            return try snapshot(store: folder.appendingPathComponent("\(experiment).sqlite"), experiment: experiment)
        }
    }

    /// The same finished search, run uninterrupted (`expected`) and killed and resumed (`after`), left the same store.
    static func expectSame(_ after: Snapshot, as expected: Snapshot) {
        #expect(after.problems.isEmpty, "integrity_check: \(after.problems)")
        #expect(after.leases == 0)
        #expect(after.nets == expected.nets, "every net trained once, with the same result (and the same early stop, if any)")
        #expect(after.replays == expected.replays, "the same replay rows in the same order")
        #expect(after.qValues == expected.qValues, "the same Q table")
    }

    static func snapshot(store path: URL, experiment: String = "tiny") throws -> Snapshot {
        // Looking must not change the store.
        try snapshot(of: try ReplayStore(path: path.path, mode: .readOnly), experiment: experiment)
    }

    /// The snapshot of `experiment` in `store`, whichever backend holds it.
    static func snapshot(of store: any ExperimentStore, experiment: String = "tiny") throws -> Snapshot {
        Snapshot(
            replays: try store.replayEntries(experiment: experiment).map { "\($0.row.sequence) \($0.net.net) ε=\($0.row.epsilon)" },
            nets: try store.nets(experiment: experiment).map {
                "\($0.net) \($0.status) stage=\($0.stage ?? -1) acc=\($0.bestValidationAccuracy ?? -1)"
                    + ($0.stoppedAfterEpoch.map { " stopped=\($0)" } ?? "") + ($0.predictedAccuracy.map { " predicted=\($0)" } ?? "")
            }.sorted(),
            qValues: try store.qValues(experiment: experiment).map { "\($0.state.referenceText) \($0.action.referenceText) \($0.utility)" },
            leases: try store.leases(experiment: experiment).count,
            problems: try store.integrityProblems())
    }
}
