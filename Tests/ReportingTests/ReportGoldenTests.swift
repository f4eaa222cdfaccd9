import Testing
@testable import Reporting

/// The Markdown of fixed inputs against golden files (re-record with `METAQNN_RECORD_GOLDEN=1`).
@Suite struct ReportGoldenTests {
    @Test func smallExperimentMatchesGolden() throws {
        try Golden.check(ReportRenderer.render(ReportFixtures.small, options: ReportOptions(topK: 5)).markdown,
                         against: "small.md")
    }

    @Test func emptyExperimentMatchesGolden() throws {
        try Golden.check(ReportRenderer.render(ReportFixtures.empty).markdown, against: "empty.md")
    }

    @Test func oneModelExperimentMatchesGolden() throws {
        try Golden.check(ReportRenderer.render(ReportFixtures.oneModel).markdown, against: "one-model.md")
    }

    @Test func importedReferenceStoreMatchesGolden() throws {
        try Golden.check(ReportRenderer.render(ReportFixtures.imported).markdown, against: "imported.md")
    }

    @Test func predictorSectionMatchesGolden() throws {
        let report = ReportRenderer.render(PredictorFixture.input, options: ReportOptions(topK: 5))
        try Golden.check(report.markdown, against: "predictor.md")
        let names = report.figures.map(\.fileName)
        #expect(names.contains(ReportRenderer.FileName.predictorScatter) && names.contains(ReportRenderer.FileName.epochsSaved))
        #expect(report.markdown.contains("![Epochs saved against Δ](epochs_saved.svg)"))
        // The scatter has one series per prefix shown (a quarter of the epochs, and one before the end).
        let scatter = try #require(report.figures.first { $0.fileName == ReportRenderer.FileName.predictorScatter })
        #expect(SVGInspector.parse(scatter.svg)?.classCounts["path.series"] == 2)
        let saved = try #require(report.figures.first { $0.fileName == ReportRenderer.FileName.epochsSaved })
        #expect(SVGInspector.parse(saved.svg)?.classCounts["path.series"] == 1)
        // Without a study the section and its figures are absent.
        let plain = ReportRenderer.render(ReportFixtures.small, options: ReportOptions(topK: 5))
        #expect(!plain.markdown.contains("Early stopping") && !plain.figures.map(\.fileName).contains(ReportRenderer.FileName.epochsSaved))
    }

    @Test func layerDiagramMatchesGolden() throws {
        let figure = LayerDiagramFigure(title: "Rank 1", net: ReportFixtures.nets[7])
        try Golden.check(figure.render(), against: "diagram.svg")
    }
}
