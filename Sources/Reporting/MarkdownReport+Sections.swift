/// The per-ε table, the random-versus-Q-learning comparison, the greedy net and the figure links.
extension MarkdownReport {
    func perEpsilon() -> String {
        var table = MarkdownTable(["ε", "Unique models", "Mean val. acc.", "Median val. acc.", "Best val. acc."],
                                  rightAligned: [0, 1, 2, 3, 4])
        for row in statistics.perEpsilon {
            table.append([Format.epsilon(row.epsilon), "\(row.uniqueModels)", Format.percent(row.mean),
                          Format.percent(row.median), Format.percent(row.best)])
        }
        return "## Accuracy by ε\n\nAs in the paper's table: unique models grouped by the ε at which each was first "
            + "trained.\n\n" + table.render()
    }

    func comparison() -> String {
        let random = statistics.randomSearch, learned = statistics.qLearning
        func best(_ models: [RankedModel]) -> RankedModel? {
            models.max { $0.validationAccuracy != $1.validationAccuracy
                ? $0.validationAccuracy < $1.validationAccuracy : $0.firstIteration > $1.firstIteration }
        }
        func mean(_ models: [RankedModel]) -> Double? {
            models.isEmpty ? nil : models.map(\.validationAccuracy).reduce(0, +) / Double(models.count)
        }
        let a = best(random), b = best(learned)
        var table = MarkdownTable(["", "Random search (ε = 1)", "Q-learning (ε < 1)"])
        table.append(["Unique models", "\(random.count)", "\(learned.count)"])
        table.append(["Mean val. acc.", Format.percent(mean(random)), Format.percent(mean(learned))])
        table.append(["Best net", a.map { Format.code($0.net) } ?? Format.missing, b.map { Format.code($0.net) } ?? Format.missing])
        table.append(["Best val. acc.", Format.percent(a?.validationAccuracy), Format.percent(b?.validationAccuracy)])
        table.append(["Test acc. of best", Format.percent(a?.testAccuracy), Format.percent(b?.testAccuracy)])
        table.append(["Params of best", Format.si(a?.parameters), Format.si(b?.parameters)])
        table.append(["Best found at iteration", a.map { "\($0.firstIteration)" } ?? Format.missing,
                      b.map { "\($0.firstIteration)" } ?? Format.missing])
        var text = "## Random search versus Q-learning\n\n" + table.render()
        if learned.isEmpty {
            text += "\n\nQ-learning has not started yet: every model so far was sampled at ε = 1."
        } else if random.isEmpty {
            text += "\n\nNo model was first trained at ε = 1, so there is no random-search baseline."
        }
        return text
    }

    func greedy() -> String {
        var text = "## Greedy architecture under the current Q table\n\n"
        guard let greedy = input.greedy else {
            return text + "No Q table was available, so the greedy (ε = 0) architecture is not shown."
        }
        text += "With ε = 0 the agent now builds " + Format.code(greedy.net) + "."
        if let expected = greedy.expectedAccuracy {
            text += " The Q table's estimate of its accuracy (the best Q value at the start state) is "
                + Format.fixed(expected, 4) + "."
        }
        if let rank = statistics.ranked.firstIndex(where: { $0.net == greedy.net }) {
            let model = statistics.ranked[rank]
            text += " It has been trained: \(Format.accuracy(model.validationAccuracy, percentScale: model.percentScale))"
                + (model.predicted ? " predicted" : "") + " validation accuracy, rank "
                + "\(rank + 1) of \(statistics.ranked.count)."
        } else {
            text += " It has not been trained yet."
        }
        return text
    }

    func figures() -> String {
        let entries: [(String, String, String)] = [
            (ReportRenderer.FileName.rollingAccuracy, "Rolling mean accuracy over iterations (paper Fig. 3)",
             "Grey dots are single models, the line their trailing mean; shaded bands mark the ε stages, darker for "
                + "more exploration."),
            (ReportRenderer.FileName.histograms, "Accuracy distribution per ε (paper Fig. A2)",
             "Share of the unique models first trained at each ε, by validation accuracy; dashed line: mean."),
            (ReportRenderer.FileName.qValues, "Mean Q value by layer depth (paper Fig. A3/A4)",
             "Mean Q value of all stored actions that add a layer of each type at each depth."),
            (ReportRenderer.FileName.accuracyParameters, "Accuracy versus parameters",
             "Each dot is a unique model; the x axis is logarithmic."),
        ]
        var text = "## Figures"
        var shown = 0
        for (file, title, caption) in entries where figureNames.contains(file) {
            text += "\n\n### \(title)\n\n![\(title)](\(file))\n\n\(caption)"
            shown += 1
        }
        var missing: [String] = []
        if statistics.models.isEmpty { missing.append("no results to plot yet") }
        if input.qValues.isEmpty { missing.append("no Q values were available") }
        if !statistics.models.isEmpty && !figureNames.contains(ReportRenderer.FileName.accuracyParameters) {
            missing.append("no parameter counts are recorded, so accuracy versus parameters is not plotted")
        }
        if !missing.isEmpty {
            text += "\n\n" + (shown == 0 ? "No figures: " : "Not shown: ") + missing.joined(separator: "; ") + "."
        }
        return text
    }

    func footer() -> String {
        "---\n\nGenerated by `metaqnn report` from the replay store; accuracies are fractions of the validation "
            + "split shown as percentages, and \"—\" marks a value the store does not hold."
    }
}
