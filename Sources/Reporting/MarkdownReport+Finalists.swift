/// The Finalists section: the top nets trained again for keeps, their ensembles, how well the
/// search's cheap ranking predicted the result, and how to export the best model.
extension MarkdownReport {
    func finalists() -> String {
        guard let summary = input.finalists, !summary.rows.isEmpty else { return "" }
        let seeds = Set(summary.rows.map(\.seeds.count))
        let scheme = summary.epochs.map { "\($0) epoch\($0 == 1 ? "" : "s")" } ?? "the finalize scheme"
        var text = "## Finalists\n\nThe search's top \(summary.rows.count) nets trained again (\(scheme)) from "
            + "\(seeds.count == 1 ? "\(seeds.first!)" : "several") seed\(seeds == [1] ? "" : "s") each, "
            + "ranked by mean validation accuracy over the seeds. Each model keeps its last epoch's weights; test "
            + "accuracy is theirs, mean ± standard deviation over the seeds. Train time is per seed.\n\n"
        var table = MarkdownTable(["Rank", "Net", "Search val. acc.", "Final val. acc.", "Test acc.", "Seeds", "Params", "FLOPs", "Train time"],
                                  rightAligned: [0, 2, 3, 4, 5, 6, 7, 8])
        for (index, row) in summary.rows.enumerated() {
            let meanValidation = row.validationAccuracies.reduce(0, +) / Double(max(1, row.validationAccuracies.count))
            let test = Format.percent(row.meanTestAccuracy) + (row.testAccuracyDeviation.map { " ± " + Format.fixed($0 * 100, 2) } ?? "")
            table.append(["\(index + 1)", Format.code(row.net), Format.percent(row.searchValidationAccuracy),
                          Format.percent(meanValidation), test, "\(row.seeds.count)", Format.si(row.parameters),
                          Format.si(row.forwardFLOPs), Format.duration(row.meanSeconds)])
        }
        text += table.render()
        if !summary.ensembles.isEmpty {
            var ensembles = MarkdownTable(["Top k nets", "Models averaged", "Test acc."], rightAligned: [0, 1, 2])
            for row in summary.ensembles {
                ensembles.append(["\(row.size)", "\(row.models)", Format.percent(row.testAccuracy)])
            }
            text += "\n\n### Ensembles\n\nThe softmax outputs of every model (all seeds) of the top k finalists, "
                + "averaged, on the test set.\n\n" + ensembles.render()
        }
        text += "\n\n### Does the search's ranking hold?\n\n" + correlation(summary)
        let best = summary.rows[0]
        let name = input.experiment.name
        let store = input.experiment.storePath == "Replay/\(name).sqlite" ? "" : " --store \(input.experiment.storePath)"
        text += "\n\n### Export the best model\n\nRank 1's best seed (highest validation accuracy) as an ONNX file:\n\n"
            + "```sh\nmetaqnn export-model --experiment \(name)\(store) --rank 1 --seed \(best.bestSeed) --onnx \(name).onnx\n```"
        return text
    }

    private func correlation(_ summary: FinalistsSummary) -> String {
        guard let rho = summary.rankCorrelation else {
            return "Spearman's rank correlation between search-time validation accuracy and finalized test accuracy "
                + "needs at least three finalists with distinct scores, so it is not given."
        }
        let count = summary.rows.filter { $0.searchValidationAccuracy != nil }.count
        let meaning = rho >= 0.7
            ? "the short search budget ranks these nets much as full training does, so its leaderboard can be trusted"
            : rho >= 0.3
            ? "the short search budget's ranking only roughly predicts the order after full training, so finalize more than the very top"
            : "the short search budget's ranking says little about which of these nets is best after full training, so finalize a wider top"
        return "Spearman's rank correlation between search-time validation accuracy and finalized mean test accuracy "
            + "over the \(count) finalists is ρ = \(Format.fixed(rho, 2)): \(meaning)."
    }
}
