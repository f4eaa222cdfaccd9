import Testing
@testable import Reporting

/// Derived numbers: ranking, first-found iteration, per-ε statistics and the rolling mean.
@Suite struct ReportStatisticsTests {
    let statistics = ReportStatistics(ReportFixtures.small)

    @Test func uniqueModelsAreCountedOnceAndRowsAllCount() {
        #expect(statistics.models.count == 9)
        #expect(statistics.totalRows == 10)
        #expect(statistics.models.first { $0.net == ReportFixtures.nets[3] }?.samples == 2)
    }

    @Test func rankingIsByAccuracyThenEarliestFound() {
        #expect(statistics.ranked.map(\.net).prefix(3) == [ReportFixtures.nets[7], ReportFixtures.nets[3], ReportFixtures.nets[6]])
        // nets 3 and 6 tie at 95.5 %; net 3 was found first (iteration 4 versus 8).
        #expect(statistics.ranked[1].firstIteration == 4)
        #expect(statistics.ranked[2].firstIteration == 8)
        #expect(statistics.ranked[2].firstEpsilon == 0.5)
    }

    @Test func perEpsilonStatisticsUseFirstFoundModels() throws {
        #expect(statistics.perEpsilon.map(\.epsilon) == [1.0, 0.5])
        let random = statistics.perEpsilon[0]
        #expect(random.uniqueModels == 5)
        #expect(abs(random.mean - (0.91 + 0.62 + 0.10 + 0.955 + 0.87) / 5) < 1e-12)
        #expect(random.median == 0.87)
        #expect(random.best == 0.955)
        let learned = statistics.perEpsilon[1]
        #expect(learned.uniqueModels == 4)
        #expect(abs(learned.median - (0.93 + 0.955) / 2) < 1e-12)
    }

    @Test func missingModelDetailsFallBackToTheReplayRow() throws {
        let model = try #require(statistics.models.first { $0.net == ReportFixtures.nets[4] })
        #expect(model.validationAccuracy == 0.87)
        #expect(model.parameters == nil)
        #expect(abs((model.testAccuracy ?? 0) - 0.86) < 1e-12)
    }

    @Test func rollingMeanIsTrailingAndShortAtTheStart() {
        let rolling = statistics.rollingMean(window: 3)
        let rows = statistics.rowAccuracies
        #expect(rolling.count == rows.count)
        #expect(rolling[0] == rows[0])
        #expect(abs(rolling[1] - (rows[0] + rows[1]) / 2) < 1e-12)
        #expect(abs(rolling[6] - (rows[4] + rows[5] + rows[6]) / 3) < 1e-12)
        #expect(statistics.rollingMean(window: 1) == rows)
    }

    @Test func epsilonBandsFollowConsecutiveRuns() {
        let bands = RollingAccuracyFigure.bands([1, 1, 0.9, 0.9, 0.9, 1])
        #expect(bands.map(\.epsilon) == [1, 0.9, 1])
        #expect(bands.map(\.first) == [1, 3, 6])
        #expect(bands.map(\.last) == [2, 5, 6])
    }
}

@Suite struct RollingWindowTests {
    private func statistics(rows: Int) -> ReportStatistics {
        let replays = (0..<rows).map { ReplayRow(sequence: $0 + 1, net: "[SM(\($0))]", validationAccuracy: 0.5, epsilon: 1) }
        return ReportStatistics(ReportInput(experiment: ReportFixtures.header, replays: replays))
    }

    @Test func defaultWindowGrowsWithTheRunWithinBounds() {
        #expect(statistics(rows: 0).defaultWindow() == 1)
        #expect(statistics(rows: 1).defaultWindow() == 1)
        #expect(statistics(rows: 3).defaultWindow() == 3)
        #expect(statistics(rows: 10).defaultWindow() == 5)
        #expect(statistics(rows: 300).defaultWindow() == 15)
        #expect(statistics(rows: 2700).defaultWindow() == 100)
    }

    @Test func bandsDarkenWithEpsilon() {
        #expect(RollingAccuracyFigure.bandColor(epsilon: 1) == "#c4d8ed")
        #expect(RollingAccuracyFigure.bandColor(epsilon: 0) == "#f6f9fc")
        #expect(RollingAccuracyFigure.bandColor(epsilon: 0.9) != RollingAccuracyFigure.bandColor(epsilon: 0.8))
    }
}
