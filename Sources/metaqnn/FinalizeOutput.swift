import Designer
import Foundation
import Reporting
import Synchronization
import Training

/// Text for `finalize`: a header, per-run progress through `ProgressDisplay`, and the closing tables.
final class FinalizeOutput: Sendable {
    private let finalize: Finalize
    private let terminal: Bool
    private let state = Mutex((displays: [FinalistRun: ProgressDisplayBox](), stored: 0))

    init(finalize: Finalize, terminal: Bool) {
        self.finalize = finalize
        self.terminal = terminal
    }

    /// Runs stored so far (for the interrupt message).
    var storedCount: @Sendable () -> Int { { [self] in state.withLock { $0.stored } } }

    /// Prints one event; called one at a time.
    func report(_ event: FinalizeEvent) {
        switch event {
        case let .started(runs, stored, workers):
            state.withLock { $0.stored = stored }
            let nets = Set(runs.map(\.net)).count
            print("Finalizing experiment '\(finalize.request.experiment)': \(nets) net\(nets == 1 ? "" : "s") × "
                + "\(finalize.request.seeds) seed\(finalize.request.seeds == 1 ? "" : "s"), \(stored) of \(runs.count) runs stored, "
                + "\(workers) at once.")
            print(ProgressDisplay.describe(dataset: finalize.datasetName, splits: finalize.splits, settings: finalize.settings))
        case let .runStarted(run, _):
            let box = ProgressDisplayBox(ProgressDisplay(terminal: terminal, silent: false, settings: finalize.settings,
                                                         dataset: finalize.datasetName, splits: finalize.splits, label: Self.label(run)))
            state.withLock { $0.displays[run] = box }
            print("\(Self.label(run)) training \(run.net)")
        case let .progress(run, _, progress):
            state.withLock { $0.displays[run] }?.display.report(progress)
        case let .runFinished(run, record):
            let stored = state.withLock { state in
                state.displays[run] = nil
                state.stored += 1
                return state.stored
            }
            print("\(Self.label(run)) done: val \(ProgressFormatter.percent(record.lastValidationAccuracy)), "
                + "test \(ProgressFormatter.percent(record.testAccuracyAtLast)) in \(String(format: "%.1f", record.seconds)) s "
                + "→ \(record.weightsFile) (\(stored)/\(finalize.runs.count) stored)")
        case let .ensembles(records):
            print("Ensembles of the top 1 … \(records.count) nets evaluated on \(finalize.splits.test.count) test images.")
        case let .reportWritten(url):
            print("report: \(url.path)")
        case let .reportFailed(reason):
            print("report not written: \(reason)")
        }
        fflush(nil)
    }

    /// The closing lines: finalists ranked by mean validation accuracy, the ensembles, the export command.
    func summary(_ outcome: FinalizeOutcome, experiment: String, storeOption: String) -> [String] {
        guard let summary = FinalistsSummary(finalists: outcome.standings.flatMap(\.runs), ensembles: outcome.ensembles, nets: []) else {
            return []
        }
        var lines = ["", "Finalists (mean over seeds; last-epoch weights):"]
        for (index, row) in summary.rows.enumerated() {
            let validation = row.validationAccuracies.reduce(0, +) / Double(row.validationAccuracies.count)
            let deviation = row.testAccuracyDeviation.map { " ± " + String(format: "%.2f", $0 * 100) } ?? ""
            lines.append("  \(index + 1). \(row.net)  val \(ProgressFormatter.percent(validation))  "
                + "test \(ProgressFormatter.percent(row.meanTestAccuracy))\(deviation)  (\(row.seeds.count) seed\(row.seeds.count == 1 ? "" : "s"))")
        }
        lines.append("Ensembles (averaged softmax of every seed of the top k nets):")
        for row in summary.ensembles {
            lines.append("  top \(row.size) (\(row.models) model\(row.models == 1 ? "" : "s")): test \(ProgressFormatter.percent(row.testAccuracy))")
        }
        lines.append("Export the best model: metaqnn export-model --experiment \(experiment)\(storeOption) --rank 1 --seed \(summary.rows[0].bestSeed) --onnx \(experiment).onnx")
        return lines
    }

    private static func label(_ run: FinalistRun) -> String { "[rank \(run.rank) seed \(run.seed)]" }
}

/// Lets the non-Sendable display live in the output's lock; it is only touched under that lock.
private final class ProgressDisplayBox: @unchecked Sendable {
    let display: ProgressDisplay
    init(_ display: ProgressDisplay) { self.display = display }
}
