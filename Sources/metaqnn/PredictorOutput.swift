import Designer
import Foundation
import LearningCurves

/// The text `metaqnn predictor` prints for a study.
enum PredictorOutput {
    static func lines(_ study: PredictorStudy, experiment: String) -> [String] {
        let evaluation = study.evaluation
        var lines = [
            "Experiment '\(experiment)': \(study.nets.count) nets with curves, \(study.fullCurveCount) trained to the "
                + "full \(study.horizon) epochs.",
            "",
            "Out-of-fold prediction of the final accuracy (nested 5-fold cross-validation, seed \(PredictorStudy.seed)):",
        ]
        let methods = evaluation.regressors.map(\.label) + ["last observed y_τ"]
        lines.append(pad("τ", 3) + methods.map { pad($0, 26) }.joined())
        lines.append(pad("", 3) + methods.map { _ in pad("R²", 10) + pad("RMSE", 16) }.joined())
        for prefix in evaluation.prefixes {
            let scores = evaluation.regressors.map { prefix.scores[$0]! } + [prefix.lastObserved]
            lines.append(pad("\(prefix.prefix)", 3)
                + scores.map { pad(r2($0.rSquared), 10) + pad(fixed($0.rmse, 4), 16) }.joined())
        }
        let best = evaluation.best
        let others = evaluation.regressors.filter { $0 != best }
        lines.append("Best: \(best.label), mean RMSE \(fixed(evaluation.meanRMSE(best), 4))"
            + others.map { " against \(fixed(evaluation.meanRMSE($0), 4)) for \($0.label)" }.joined(separator: ",") + ".")
        lines.append("")
        lines.append("Replay in stored order with early stopping (\(best.label), burn-in \(study.simulation.burnIn) full curves):")
        lines.append(pad("Δ", 7) + pad("epochs trained", 18) + pad("saved", 9) + pad("nets stopped", 15)
            + pad("best kept", 12) + "top-5 kept")
        for outcome in study.simulation.outcomes {
            lines.append(pad(fixed(outcome.threshold, 2), 7)
                + pad("\(outcome.trainedEpochs) of \(outcome.storedEpochs)", 18)
                + pad(fixed(outcome.savedFraction * 100, 1) + " %", 9) + pad("\(outcome.stoppedCount)", 15)
                + pad(outcome.bestKept ? "yes" : "no", 12) + "\(outcome.topKept) of \(outcome.topCount)")
        }
        return lines
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }

    static func fixed(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }

    static func r2(_ value: Double?) -> String { value.map { fixed($0, 3) } ?? "—" }
}
