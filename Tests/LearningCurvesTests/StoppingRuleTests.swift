import LearningCurves
import Testing

/// The stopping rule on hand-made numbers; Φ values from a standard normal table.
@Suite struct StoppingRuleTests {
    @Test func normalDistributionFunctionMatchesTheTable() {
        let table: [(Double, Double)] = [(0, 0.5), (1, 0.841_344_746), (-1, 0.158_655_254), (2, 0.977_249_868),
                                         (2.5, 0.993_790_335), (2.326_347_874, 0.99)]
        for (z, phi) in table {
            #expect(abs(StoppingRule.standardNormalCDF(z) - phi) < 1e-8, "Φ(\(z))")
        }
    }

    @Test func stopsOnlyWhenSureEnoughAndAfterBurnIn() {
        let rule = StoppingRule(threshold: 0.99, burnIn: 20)
        // (0.85 − 0.80)/0.02 = 2.5 → Φ = 0.9938 ≥ 0.99: stop.
        #expect(rule.shouldStop(Prediction(mean: 0.80, sigma: 0.02), best: 0.85, fullCurves: 20))
        // Same numbers before the burn-in ends: keep training.
        #expect(!rule.shouldStop(Prediction(mean: 0.80, sigma: 0.02), best: 0.85, fullCurves: 19))
        // (0.85 − 0.81)/0.02 = 2 → Φ = 0.9772: below 0.99, above 0.95.
        #expect(!rule.shouldStop(Prediction(mean: 0.81, sigma: 0.02), best: 0.85, fullCurves: 20))
        #expect(StoppingRule(threshold: 0.95, burnIn: 20).shouldStop(Prediction(mean: 0.81, sigma: 0.02), best: 0.85,
                                                                      fullCurves: 20))
        // A prediction above the best is not stopped at Δ = 0.5: Φ(−1) = 0.159.
        #expect(!StoppingRule(threshold: 0.5, burnIn: 0).shouldStop(Prediction(mean: 0.87, sigma: 0.02), best: 0.85,
                                                                     fullCurves: 0))
        #expect(abs(StoppingRule.probabilityNotBetter(predicted: 0.87, sigma: 0.02, best: 0.85) - 0.158_655_254) < 1e-8)
    }

    @Test func zeroSigmaIsASharpComparison() {
        #expect(StoppingRule.probabilityNotBetter(predicted: 0.5, sigma: 0, best: 0.6) == 1)
        #expect(StoppingRule.probabilityNotBetter(predicted: 0.7, sigma: 0, best: 0.6) == 0)
    }

    @Test func refitScheduleGrowsByAQuarter() {
        #expect(RefitSchedule.fitSize(available: 19, burnIn: 20) == nil)
        #expect(RefitSchedule.fitSize(available: 20, burnIn: 20) == 20)
        #expect(RefitSchedule.fitSize(available: 24, burnIn: 20) == 20)
        #expect(RefitSchedule.fitSize(available: 25, burnIn: 20) == 25)
        #expect(RefitSchedule.fitSize(available: 31, burnIn: 20) == 25)
        #expect(RefitSchedule.fitSize(available: 32, burnIn: 20) == 32)
        // A burn-in below the fitting minimum waits for the minimum.
        #expect(RefitSchedule.fitSize(available: 4, burnIn: 0) == nil)
        #expect(RefitSchedule.fitSize(available: CurvePredictor.minimumCurves, burnIn: 0) == CurvePredictor.minimumCurves)
    }
}
