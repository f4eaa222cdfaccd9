/// Turns a `ReportInput` into Markdown and SVG strings; the only public entry point of Reporting.
public enum ReportRenderer {
    /// File names of the figures, fixed so links and regenerated files stay stable.
    public enum FileName {
        /// Paper Fig. 3.
        public static let rollingAccuracy = "rolling_accuracy.svg"
        /// Paper Fig. A2.
        public static let histograms = "accuracy_histograms.svg"
        /// Paper Fig. A3/A4.
        public static let qValues = "q_values_by_depth.svg"
        /// Accuracy against parameter count.
        public static let accuracyParameters = "accuracy_vs_parameters.svg"
        /// Layer diagram of the model at `rank` (1-based).
        public static func diagram(rank: Int) -> String { "top\(rank)_layers.svg" }
        /// Predicted against actual final accuracy (early stopping).
        public static let predictorScatter = "predicted_vs_actual.svg"
        /// Epochs saved by early stopping against the threshold Δ.
        public static let epochsSaved = "epochs_saved.svg"
    }

    /// Renders the whole report; an empty experiment gives a valid page that says so and no figures.
    public static func render(_ input: ReportInput, options: ReportOptions = ReportOptions()) -> RenderedReport {
        let statistics = ReportStatistics(input)
        var figures: [ReportFigure] = []
        if statistics.totalRows > 0 {
            let window = options.rollingWindow ?? statistics.defaultWindow()
            figures.append(ReportFigure(
                fileName: FileName.rollingAccuracy,
                svg: RollingAccuracyFigure(statistics: statistics, window: window).render()))
            figures.append(ReportFigure(
                fileName: FileName.histograms, svg: AccuracyHistogramFigure(statistics: statistics).render()))
            if let scatter = AccuracyParametersFigure(statistics: statistics) {
                figures.append(ReportFigure(fileName: FileName.accuracyParameters, svg: scatter.render()))
            }
            for (index, model) in statistics.ranked.prefix(min(options.diagrams, options.topK)).enumerated() {
                let title = "Rank \(index + 1): \(Format.percent(model.validationAccuracy)) validation accuracy"
                    + (model.parameters.map { ", \(Format.si($0)) parameters" } ?? "")
                figures.append(ReportFigure(
                    fileName: FileName.diagram(rank: index + 1), svg: LayerDiagramFigure(title: title, net: model.net).render()))
            }
        }
        if let predictor = input.predictor {
            figures.append(ReportFigure(fileName: FileName.predictorScatter,
                                        svg: PredictorScatterFigure(predictor.evaluation).render()))
            figures.append(ReportFigure(fileName: FileName.epochsSaved, svg: EpochsSavedFigure(predictor.simulation).render()))
        }
        if !input.qValues.isEmpty {
            figures.append(ReportFigure(fileName: FileName.qValues, svg: QValueDepthFigure(samples: input.qValues).render()))
        }
        let markdown = MarkdownReport(input: input, statistics: statistics, options: options,
                                      figureNames: Set(figures.map(\.fileName))).render()
        return RenderedReport(markdown: markdown, figures: figures)
    }
}
