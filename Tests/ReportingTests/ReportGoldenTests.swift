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

    @Test func layerDiagramMatchesGolden() throws {
        let figure = LayerDiagramFigure(title: "Rank 1", net: ReportFixtures.nets[7])
        try Golden.check(figure.render(), against: "diagram.svg")
    }
}
