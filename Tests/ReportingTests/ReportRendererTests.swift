import Testing
@testable import Reporting

/// Structure of rendered reports: which figures exist, that each is valid SVG with the right series.
@Suite struct ReportRendererTests {
    private func figure(_ report: RenderedReport, _ name: String) throws -> SVGInspector {
        let svg = try #require(report.figures.first { $0.fileName == name }?.svg, "missing figure \(name)")
        return try #require(SVGInspector.parse(svg), "\(name) is not well-formed XML")
    }

    @Test func everyFigureIsSelfContainedSVG() throws {
        let report = ReportRenderer.render(ReportFixtures.small)
        #expect(report.figures.count == 7)  // rolling, histograms, scatter, 3 diagrams, Q values
        for figure in report.figures {
            let svg = try #require(SVGInspector.parse(figure.svg), "\(figure.fileName) is not well-formed XML")
            let root = try #require(svg.root)
            #expect(root.name == "svg")
            #expect(root.attributes["width"] != nil && root.attributes["height"] != nil)
            #expect(root.attributes["viewBox"] == "0 0 \(root.attributes["width"]!) \(root.attributes["height"]!)")
            #expect(!figure.svg.contains("<style"), "\(figure.fileName) must not rely on CSS")
            #expect(figure.svg.contains("fill=\"#ffffff\""), "\(figure.fileName) needs a white background")
            #expect(report.markdown.contains("(\(figure.fileName))"), "\(figure.fileName) is not linked")
        }
    }

    @Test func seriesCountsMatchTheData() throws {
        let report = ReportRenderer.render(ReportFixtures.small)
        #expect(try figure(report, ReportRenderer.FileName.rollingAccuracy).seriesCount == 1)
        // Two ε values with unique models: two histogram panels.
        #expect(try figure(report, ReportRenderer.FileName.histograms).seriesCount == 2)
        // conv, pool, fc, terminate.
        let q = try figure(report, ReportRenderer.FileName.qValues)
        #expect(q.seriesCount == 4)
        #expect(["conv", "pool", "fc", "terminate"].allSatisfy(q.texts.contains))
        // Random search and Q-learning.
        #expect(try figure(report, ReportRenderer.FileName.accuracyParameters).seriesCount == 2)
    }

    @Test func rollingFigureShadesEachEpsilonRun() throws {
        let svg = try figure(ReportRenderer.render(ReportFixtures.small), ReportRenderer.FileName.rollingAccuracy)
        #expect(svg.classCounts["rect.band"] == 2)
        #expect(svg.texts.contains("ε=1.0") && svg.texts.contains("ε=0.5"))
        #expect(svg.classCounts["path.samples"] == 1)
    }

    @Test func diagramsHaveOneBoxPerLayerForTheTopThree() throws {
        let report = ReportRenderer.render(ReportFixtures.small)
        let ranked = ReportStatistics(ReportFixtures.small).ranked
        for rank in 1...3 {
            let svg = try figure(report, ReportRenderer.FileName.diagram(rank: rank))
            let layers = LayerDiagramFigure.blocks(of: ranked[rank - 1].net).count
            #expect(svg.classCounts["rect.layer"] == layers)
        }
        #expect(!report.figures.contains { $0.fileName == ReportRenderer.FileName.diagram(rank: 4) })
    }

    @Test func emptyExperimentHasNoFiguresAndSaysSo() {
        let report = ReportRenderer.render(ReportFixtures.empty)
        #expect(report.figures.isEmpty)
        #expect(report.markdown.contains("No models have been trained"))
        #expect(!report.markdown.contains("!["))
    }

    @Test func oneModelExperimentStillDrawsValidFigures() throws {
        let report = ReportRenderer.render(ReportFixtures.oneModel)
        #expect(report.markdown.contains("Only one model has been trained"))
        #expect(try figure(report, ReportRenderer.FileName.rollingAccuracy).seriesCount == 1)
        #expect(try figure(report, ReportRenderer.FileName.histograms).seriesCount == 1)
        #expect(try figure(report, ReportRenderer.FileName.accuracyParameters).seriesCount == 1)
        #expect(try figure(report, ReportRenderer.FileName.diagram(rank: 1)).classCounts["rect.layer"] == 6)
        for figure in report.figures { #expect(!figure.svg.contains("NaN") && !figure.svg.contains("inf")) }
    }

    @Test func importedStoreShowsDashesAndSkipsTheParameterPlot() throws {
        let report = ReportRenderer.render(ReportFixtures.imported)
        #expect(!report.figures.contains { $0.fileName == ReportRenderer.FileName.accuracyParameters })
        #expect(!report.figures.contains { $0.fileName == ReportRenderer.FileName.qValues })
        #expect(report.markdown.contains("| — | — | — | — |"))
        #expect(report.markdown.contains("no parameter counts are recorded"))
    }

    @Test func topKLimitsTheTableAndDiagrams() {
        let report = ReportRenderer.render(ReportFixtures.small, options: ReportOptions(topK: 2))
        #expect(report.markdown.contains("## Top 2 of 9 architectures"))
        #expect(report.markdown.contains("| 2 | `"))
        #expect(!report.markdown.contains("| 3 | `"))
        #expect(report.figures.filter { $0.fileName.hasSuffix("_layers.svg") }.count == 2)
    }

    @Test func textIsEscapedInSVG() throws {
        let figure = LayerDiagramFigure(title: "a < b & \"c\"", net: "[C(8,3,1), X<1>, SM(10)]")
        let svg = try #require(SVGInspector.parse(figure.render()))
        #expect(svg.texts.contains("a < b & \"c\""))
        #expect(svg.classCounts["rect.layer"] == 3)
    }
}
