import Testing
@testable import Reporting

/// Nets stopped early: their predicted accuracies are marked † in the leaderboard, with a legend.
@Suite struct PredictedAccuracyReportTests {
    @Test func stoppedNetsAreMarkedAndExplained() {
        var input = ReportFixtures.small
        let plain = ReportRenderer.render(input).markdown
        #expect(!plain.contains("†"))
        // The best net (rank 1) was stopped early after 2 of its 4 epochs.
        let best = input.models.indices.max { input.models[$0].validationAccuracy < input.models[$1].validationAccuracy }!
        input.models[best].stoppedAfterEpoch = 2
        input.models[best].epochs = 2
        let markdown = ReportRenderer.render(input).markdown
        let rankOne = markdown.split(separator: "\n").first { $0.hasPrefix("| 1 | ") }
        #expect(rankOne?.contains(" % † |") == true, "\(rankOne ?? "no rank 1 row")")
        #expect(markdown.split(separator: "\n").filter { $0.hasPrefix("| ") && $0.contains(" † |") }.count == 1)
        #expect(markdown.contains("† Stopped early after the epochs shown: the predicted final validation accuracy"))
    }
}
