import LearningCurves
import SearchSpace
import Testing

/// The predictor on synthetic curves whose rule is known.
@Suite struct PredictorTests {
    @Test func knownRuleIsLearnedOutOfFold() throws {
        var generator = SplitMix64(seed: 7)
        let evaluation = try PredictorEvaluation(fullCurves: SyntheticCurves.ruled(count: 60, seed: 1), horizon: 3,
                                                 using: &generator)
        // After two epochs the final accuracy is a function of what was seen.
        let afterTwo = evaluation.prefixes[1]
        for regressor in Regressor.allCases {
            let r2 = try #require(afterTwo.scores[regressor]?.rSquared)
            #expect(r2 > 0.95, "\(regressor) R² after two epochs is \(r2)")
        }
        // The naive forecast y₂ misses the trend, so the regressors must beat it.
        #expect(afterTwo.scores[.kernelRidgeRBF]!.rmse < afterTwo.lastObserved.rmse / 2)
    }

    @Test func pureNoiseIsNotPredicted() throws {
        var generator = SplitMix64(seed: 7)
        let evaluation = try PredictorEvaluation(fullCurves: SyntheticCurves.noise(count: 60, seed: 2), horizon: 3,
                                                 using: &generator)
        for prefix in evaluation.prefixes {
            let r2 = try #require(prefix.scores[.kernelRidgeRBF]?.rSquared)
            #expect(r2 < 0.2 && r2 > -0.5, "R² on noise after \(prefix.prefix) epochs is \(r2)")
        }
    }

    @Test func fittedPredictorPredictsTheRuleAndItsErrorIsSmall() throws {
        var generator = SplitMix64(seed: 3)
        let predictor = try CurvePredictor(fullCurves: SyntheticCurves.ruled(count: 60, seed: 4), horizon: 3,
                                           using: &generator)
        let fresh = SyntheticCurves.ruled(count: 20, seed: 5)
        let errors = fresh.map { predictor.predict($0, prefix: 2).mean - $0.finalAccuracy }
        #expect(errors.allSatisfy { abs($0) < 0.03 }, "errors \(errors)")
        #expect(predictor.models[1].sigma < 0.02)
        #expect(predictor.models[1].sigma < predictor.models[0].sigma)
    }

    @Test func sameSeedSameFitOtherSeedOtherFolds() throws {
        let curves = SyntheticCurves.ruled(count: 30, seed: 6)
        func fit(_ seed: UInt64) throws -> ([Double], [Int]) {
            var generator = SplitMix64(seed: seed)
            let predictor = try CurvePredictor(fullCurves: curves, horizon: 3, using: &generator)
            var again = SplitMix64(seed: seed)
            let folds = CrossValidation(count: 30, folds: 5, using: &again).assignment
            return (predictor.models.map(\.sigma) + curves.map { predictor.predict($0, prefix: 1).mean }, folds)
        }
        let (a, foldsA) = try fit(11), (b, foldsB) = try fit(11), (_, foldsC) = try fit(12)
        #expect(a == b)
        #expect(foldsA == foldsB)
        #expect(foldsA != foldsC)
        // Folds are as equal in size as the rows allow.
        #expect((0..<5).map { fold in foldsA.filter { $0 == fold }.count } == [6, 6, 6, 6, 6])
    }

    @Test func tooFewCurvesIsATypedError() {
        var generator = SplitMix64(seed: 1)
        #expect(throws: PredictorError.tooFewCurves(have: 3, need: CurvePredictor.minimumCurves)) {
            try CurvePredictor(fullCurves: SyntheticCurves.ruled(count: 3, seed: 1), horizon: 3, using: &generator)
        }
        #expect(throws: PredictorError.horizonTooShort(horizon: 1)) {
            try CurvePredictor(fullCurves: [], horizon: 1, using: &generator)
        }
    }
}
