import LearningCurves
import SearchSpace
import Testing

/// The one stopping decision: fitted on the first curves `RefitSchedule` allows, silent before burn-in
/// and at the horizon, and exactly the rule applied to the predictor's output in between.
@Suite struct EarlyStopperTests {
    static let curves = SyntheticCurves.ruled(count: 40, seed: 11)

    @Test func fitsOnTheFirstCurvesOfTheScheduleAndAlwaysTheSamePredictor() {
        let rule = StoppingRule(threshold: 0.99, burnIn: 8)
        #expect(EarlyStopper.fitSize(available: 7, rule: rule) == nil)
        #expect(EarlyStopper.fitSize(available: 9, rule: rule) == 8)
        #expect(EarlyStopper.fitSize(available: 40, rule: rule) == RefitSchedule.fitSize(available: 40, burnIn: 8))
        let size = EarlyStopper.fitSize(available: Self.curves.count, rule: rule)!
        let a = EarlyStopper.fit(Array(Self.curves.prefix(size)), horizon: 3, generator: SplitMix64(seed: 2017))
        let b = EarlyStopper.fit(Array(Self.curves.prefix(size)), horizon: 3, generator: SplitMix64(seed: 2017))
        #expect(a.curveCount == size)
        for sample in Self.curves.suffix(5) {
            #expect(a.predict(sample, prefix: 2) == b.predict(sample, prefix: 2))
        }
    }

    @Test func decidesByTheRuleAfterBurnInOnly() {
        let rule = StoppingRule(threshold: 0.99, burnIn: 10)
        let predictor = EarlyStopper.fit(Array(Self.curves.prefix(10)), horizon: 3, generator: SplitMix64(seed: 1))
        // A poor partial curve: y₁ = 0.2, y₂ = 0.21 predicts about 0.265, far below a best of 0.95.
        let poor = CurveSample(accuracies: [0.2, 0.21], context: Self.curves[0].context)
        let sure = EarlyStopper(rule: rule, predictor: predictor, fullCurveCount: 10, best: 0.95)
        let prediction = predictor.predict(poor, prefix: 2)
        #expect(sure.stop(poor, after: 2) == prediction)
        #expect(rule.shouldStop(prediction, best: 0.95, fullCurves: 10))
        // Nothing beats a best of 0: never stopped.
        #expect(EarlyStopper(rule: rule, predictor: predictor, fullCurveCount: 10, best: 0).stop(poor, after: 2) == nil)
        // Before burn-in, without a predictor, and at the horizon: never stopped.
        #expect(EarlyStopper(rule: rule, predictor: predictor, fullCurveCount: 9, best: 0.95).stop(poor, after: 2) == nil)
        #expect(EarlyStopper(rule: rule, predictor: nil, fullCurveCount: 10, best: 0.95).stop(poor, after: 2) == nil)
        let full = CurveSample(accuracies: [0.2, 0.21, 0.22], context: Self.curves[0].context)
        #expect(sure.stop(full, after: 3) == nil)
    }
}
