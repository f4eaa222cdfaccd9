import Testing
@testable import Reporting

/// The Finalists section against a golden file, and the statistics it quotes.
@Suite struct FinalistsReportTests {
    static var finalists: FinalistsSummary {
        let rows = [
            FinalistRow(net: ReportFixtures.nets[7], searchValidationAccuracy: 0.97, seeds: [1, 2],
                        validationAccuracies: [0.981, 0.979], testAccuracies: [0.975, 0.971], parameters: 81_010,
                        forwardFLOPs: 2_000_000, meanSeconds: 95.5, bestSeed: 1),
            FinalistRow(net: ReportFixtures.nets[3], searchValidationAccuracy: 0.955, seeds: [1, 2],
                        validationAccuracies: [0.978, 0.980], testAccuracies: [0.972, 0.973], parameters: 16_010,
                        forwardFLOPs: 1_000_000, meanSeconds: 61, bestSeed: 2),
            FinalistRow(net: ReportFixtures.nets[6], searchValidationAccuracy: 0.955, seeds: [1, 2],
                        validationAccuracies: [0.97, 0.972], testAccuracies: [0.969, 0.966], parameters: 49_010,
                        forwardFLOPs: 1_750_000, meanSeconds: 70, bestSeed: 2),
        ]
        let ensembles = [EnsembleRow(size: 1, models: 2, testAccuracy: 0.976), EnsembleRow(size: 2, models: 4, testAccuracy: 0.979),
                         EnsembleRow(size: 3, models: 6, testAccuracy: 0.98)]
        return FinalistsSummary(rows: rows, ensembles: ensembles, epochs: 15)
    }

    @Test func sectionMatchesGolden() throws {
        var input = ReportFixtures.small
        input.finalists = Self.finalists
        try Golden.check(ReportRenderer.render(input, options: ReportOptions(topK: 5)).markdown, against: "finalists.md")
    }

    @Test func noFinalistsNoSection() throws {
        #expect(!ReportRenderer.render(ReportFixtures.small).markdown.contains("## Finalists"))
    }

    @Test func spearmanUsesMeanRanksForTies() {
        // Search ranks 3, 1.5, 1.5 against test ranks 3, 2, 1: ρ = 0.866…
        let rho = Self.finalists.rankCorrelation!
        #expect(abs(rho - 0.8660254) < 1e-6, "\(rho)")
        #expect(FinalistsSummary.ranks([0.5, 0.2, 0.5, 0.1]) == [3.5, 2, 3.5, 1])
        var constant = Self.finalists
        for index in constant.rows.indices { constant.rows[index].searchValidationAccuracy = 0.9 }
        #expect(constant.rankCorrelation == nil)
        constant.rows.removeLast()
        #expect(constant.rankCorrelation == nil, "fewer than three finalists")
    }

    @Test func deviationIsTheSampleOne() {
        let row = Self.finalists.rows[0]
        #expect(abs(row.meanTestAccuracy - 0.973) < 1e-12)
        #expect(abs(row.testAccuracyDeviation! - 0.0028284271) < 1e-9)
        var single = row
        single.testAccuracies = [0.9]
        #expect(single.testAccuracyDeviation == nil)
    }
}
