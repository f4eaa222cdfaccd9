import LearningCurves

/// The early-stopping section: out-of-fold accuracy of the curve predictor and the replay simulation.
extension MarkdownReport {
    func predictor() -> String {
        guard let summary = input.predictor else { return "" }
        let evaluation = summary.evaluation, simulation = summary.simulation
        let best = evaluation.best
        var text = "## Early stopping by learning-curve prediction\n\n"
            + "A regressor per number of epochs seen (τ) predicts a net's final validation accuracy ŷ_T from its first τ "
            + "epochs and its features; scores are out of fold (nested 5-fold cross-validation, seed \(summary.seed)) "
            + "on the \(evaluation.actual.count) nets trained to the full \(evaluation.horizon) epochs.\n\n"
        var headers = ["τ"]
        for regressor in evaluation.regressors { headers += ["R² \(regressor.label)", "RMSE \(regressor.label)"] }
        headers += ["R² of ŷ_T = y_τ", "RMSE of ŷ_T = y_τ"]
        var table = MarkdownTable(headers, rightAligned: Set(headers.indices))
        for prefix in evaluation.prefixes {
            var row = ["\(prefix.prefix)"]
            for regressor in evaluation.regressors {
                let score = prefix.scores[regressor]!
                row += [score.rSquared.map { Format.fixed($0, 3) } ?? Format.missing, Format.fixed(score.rmse * 100, 2) + " pt"]
            }
            row += [prefix.lastObserved.rSquared.map { Format.fixed($0, 3) } ?? Format.missing,
                    Format.fixed(prefix.lastObserved.rmse * 100, 2) + " pt"]
            table.append(row)
        }
        let others = evaluation.regressors.filter { $0 != best }.map { regressor -> String in
            ", against " + Format.fixed(evaluation.meanRMSE(regressor) * 100, 2) + " for " + regressor.label
        }
        text += table.render() + "\n\nThe \(best.label) regressor has the lowest mean RMSE ("
            + Format.fixed(evaluation.meanRMSE(best) * 100, 2) + " points\(others.joined())) and is the one simulated below.\n\n"
        var replay = MarkdownTable(["Δ", "Epochs trained", "Epochs saved", "Nets stopped", "Best net trained to the end",
                                    "Top 5 trained to the end"], rightAligned: [0, 1, 2, 3, 5])
        for outcome in simulation.outcomes {
            replay.append([Format.fixed(outcome.threshold, 2), "\(outcome.trainedEpochs) of \(outcome.storedEpochs)",
                           Format.fixed(outcome.savedFraction * 100, 1) + " %", "\(outcome.stoppedCount)",
                           outcome.bestKept ? "yes" : "no", "\(outcome.topKept) of \(outcome.topCount)"])
        }
        text += "Replaying the \(summary.netCount) nets in stored order, a net is stopped after epoch τ once "
            + "Φ((y_best − ŷ_T)/σ(τ)) ≥ Δ, after a burn-in of \(simulation.burnIn) full curves; the predictor is "
            + "refitted on the full curves seen so far as they grow by a quarter.\n\n" + replay.render()
        let figures = [
            (ReportRenderer.FileName.predictorScatter, "Predicted versus actual final accuracy"),
            (ReportRenderer.FileName.epochsSaved, "Epochs saved against Δ"),
        ]
        for (file, title) in figures where figureNames.contains(file) {
            text += "\n\n![\(title)](\(file))"
        }
        return text
    }
}
