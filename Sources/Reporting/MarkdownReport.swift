/// Builds the report's Markdown page from the input and its derived statistics.
struct MarkdownReport {
    let input: ReportInput
    let statistics: ReportStatistics
    let options: ReportOptions
    /// Figures that were rendered; a section links only figures that exist.
    let figureNames: Set<String>

    func render() -> String {
        var parts = [header(), status()]
        if !statistics.models.isEmpty {
            parts += [topModels(), perEpsilon(), comparison(), predictor()]
        }
        parts.append(finalists())
        parts.append(greedy())
        parts.append(figures())
        parts.append(footer())
        return parts.filter { !$0.isEmpty }.joined(separator: "\n\n") + "\n"
    }

    private var experiment: ExperimentHeader { input.experiment }

    func header() -> String {
        var table = MarkdownTable(["Setting", "Value"])
        if let status = experiment.status { table.append(["Status", status]) }
        table.append(["Dataset", experiment.dataset])
        table.append(["Search space", experiment.searchSpace])
        table.append(["ε schedule", schedule()])
        table.append(["Seed", experiment.seed.map(String.init) ?? Format.missing])
        let scheduled = experiment.epsilonSchedule.reduce(0) { $0 + $1.models }
        let unique = statistics.models.count
        table.append(["Models trained", "\(unique) unique" + (scheduled > 0 ? " of \(scheduled) scheduled" : "")
            + ", \(statistics.totalRows) replay rows in all"])
        table.append(["Wall time", Format.duration(experiment.wallSeconds)])
        table.append(["Models per hour", modelsPerHour()])
        table.append(["Store", Format.code(experiment.storePath)])
        var text = "# Experiment \(Format.code(experiment.name))\n\n" + table.render()
        if let command = experiment.reproduceCommand {
            text += "\n\nReproduce with:\n\n```sh\n\(command)\n```"
        }
        if !experiment.notes.isEmpty {
            text += "\n\n" + experiment.notes.map { "- \($0)" }.joined(separator: "\n")
        }
        return text
    }

    func schedule() -> String {
        guard !experiment.epsilonSchedule.isEmpty else { return Format.missing }
        return experiment.epsilonSchedule.map { "\(Format.epsilon($0.epsilon)) × \($0.models)" }.joined(separator: ", ")
    }

    func modelsPerHour() -> String {
        guard let seconds = experiment.wallSeconds, seconds > 0, !statistics.models.isEmpty else { return Format.missing }
        return Format.fixed(Double(statistics.models.count) / (seconds / 3600), 1) + " unique"
    }

    func status() -> String {
        switch statistics.models.count {
        case 0:
            return "**No models have been trained in this experiment yet**, so there are no tables or figures of "
                + "results; the report fills in as the search records models."
        case 1:
            return "**Only one model has been trained so far**, so every table below describes that single model "
                + "and each figure shows one point."
        default:
            return ""
        }
    }

    func topModels() -> String {
        let top = statistics.ranked.prefix(options.topK)
        guard !top.isEmpty else { return "" }
        var table = MarkdownTable(
            ["Rank", "Net", "Val. acc.", "Test acc.", "Params", "FLOPs", "Epochs", "Train time", "ε found", "Iteration found"],
            rightAligned: [0, 2, 3, 4, 5, 6, 7, 8, 9])
        for (index, model) in top.enumerated() {
            table.append([
                "\(index + 1)", Format.code(model.net),
                Format.accuracy(model.validationAccuracy, percentScale: model.percentScale) + (model.predicted ? " †" : ""),
                Format.accuracy(model.testAccuracy, percentScale: model.percentScale), Format.si(model.parameters), Format.si(model.forwardFLOPs),
                model.epochs.map(String.init) ?? Format.missing, Format.duration(model.trainingSeconds),
                Format.epsilon(model.firstEpsilon), "\(model.firstIteration)",
            ])
        }
        let title = top.count < statistics.ranked.count ? "Top \(top.count) of \(statistics.ranked.count) architectures"
            : top.count == 1 ? "The one architecture" : "All \(top.count) architectures"
        var text = "## \(title)\n\nRanked by best validation accuracy; test accuracy is taken at the "
            + "epoch of best validation accuracy. FLOPs are forward FLOPs per image.\n\n" + table.render()
        if top.contains(where: \.percentScale) {
            text += "\n\n‡ On a percent scale in the imported file; shown, ranked and replayed as written."
        }
        if top.contains(where: \.predicted) {
            text += "\n\n† Stopped early after the epochs shown: the predicted final validation accuracy ŷ_T, which is "
                + "also the net's reward; its test accuracy is measured at the best epoch trained."
        }
        let diagrams = (1...max(1, min(options.diagrams, top.count))).map(ReportRenderer.FileName.diagram(rank:))
            .filter(figureNames.contains)
        if !diagrams.isEmpty {
            text += "\n\n### Layer diagrams\n\n"
                + diagrams.enumerated().map { "![Layer diagram of rank \($0.offset + 1)](\($0.element))" }.joined(separator: "\n\n")
        }
        return text
    }
}
