/// Out-of-fold accuracy of the predictor on an experiment's full curves, per prefix length and regressor.
///
/// Nested cross-validation: each outer fold's prediction comes from a model whose hyperparameters
/// were chosen by an inner cross-validation on the other folds only, so the scores are honest.
public struct PredictorEvaluation: Hashable, Sendable {
    /// R² and RMSE of one method at one prefix length.
    public struct Score: Hashable, Sendable {
        /// Coefficient of determination; nil when the final accuracies do not vary.
        public var rSquared: Double?
        /// Root mean squared error, in accuracy fractions.
        public var rmse: Double
    }

    /// Everything measured at one prefix length τ.
    public struct PrefixResult: Hashable, Sendable {
        /// τ, epochs observed.
        public var prefix: Int
        /// Out-of-fold score of each regressor.
        public var scores: [Regressor: Score]
        /// Out-of-fold predictions of each regressor, in curve order.
        public var predictions: [Regressor: [Double]]
        /// The naive forecast ŷ_T = y_τ (the last observed accuracy), for scale.
        public var lastObserved: Score
    }

    /// T: epochs of a full curve.
    public let horizon: Int
    /// Final accuracies y_T of the curves, in curve order.
    public let actual: [Double]
    /// Results for τ = 1 … T − 1.
    public let prefixes: [PrefixResult]
    /// The regressors compared.
    public let regressors: [Regressor]

    /// Evaluates `regressors` on full curves; folds come from `generator`, so a seed fixes every number.
    public init(fullCurves samples: [CurveSample], horizon: Int, regressors: [Regressor] = Regressor.allCases,
                folds: Int = 5, using generator: inout some RandomNumberGenerator) throws(PredictorError) {
        // The inner folds need enough rows after the outer fold is held out.
        let need = max(CurvePredictor.minimumCurves * folds / max(folds - 1, 1), 2 * folds)
        // Counted first, so an experiment without curves (an import) hears that rather than about epochs.
        guard samples.count >= need else { throw .tooFewCurves(have: samples.count, need: need) }
        guard horizon >= 2 else { throw .horizonTooShort(horizon: horizon) }
        precondition(!regressors.isEmpty, "evaluate at least one regressor")
        precondition(samples.allSatisfy { $0.accuracies.count == horizon }, "every curve must have \(horizon) epochs")
        self.horizon = horizon
        self.regressors = regressors
        let targets = samples.map(\.finalAccuracy)
        actual = targets
        let outer = CrossValidation(count: samples.count, folds: folds, using: &generator)
        let training = (0..<outer.folds).map { fold in outer.assignment.indices.filter { outer.assignment[$0] != fold } }
        let inner = training.map { CrossValidation(count: $0.count, folds: folds, using: &generator) }

        prefixes = (1..<horizon).map { prefix in
            let rows = samples.map { CurveFeatures.vector($0, prefix: prefix) }
            let anchors = samples.map { CurveFeatures.anchor($0, prefix: prefix) }
            let gains = zip(targets, anchors).map { $0 - $1 }
            var scores: [Regressor: Score] = [:], predictionsByRegressor: [Regressor: [Double]] = [:]
            for regressor in regressors {
                var predictions = [Double](repeating: 0, count: samples.count)
                for fold in 0..<outer.folds {
                    let train = training[fold]
                    let trainRows = train.map { rows[$0] }, trainTargets = train.map { gains[$0] }
                    let (chosen, _) = inner[fold].tune(rows: trainRows, targets: trainTargets, regressor: regressor)
                    let model = regressor.fit(rows: trainRows, targets: trainTargets, hyperparameters: chosen)!
                    for row in outer.assignment.indices where outer.assignment[row] == fold {
                        predictions[row] = anchors[row] + model.predict(rows[row])
                    }
                }
                scores[regressor] = Self.score(predictions, targets)
                predictionsByRegressor[regressor] = predictions
            }
            return PrefixResult(prefix: prefix, scores: scores, predictions: predictionsByRegressor,
                                lastObserved: Self.score(anchors, targets))
        }
    }

    /// The regressor with the lowest mean out-of-fold RMSE over all prefix lengths (first listed wins ties).
    public var best: Regressor {
        regressors.min { meanRMSE($0) < meanRMSE($1) }!
    }

    /// Mean over prefix lengths of a regressor's out-of-fold RMSE.
    public func meanRMSE(_ regressor: Regressor) -> Double {
        prefixes.reduce(0) { $0 + ($1.scores[regressor]?.rmse ?? .infinity) } / Double(prefixes.count)
    }

    /// The smallest τ that observes at least a quarter of the curve (the reference point).
    public var quarterPrefix: Int { min(max(1, (horizon + 3) / 4), horizon - 1) }

    static func score(_ predicted: [Double], _ actual: [Double]) -> Score {
        Score(rSquared: RegressionMetrics.rSquared(predicted, actual),
              rmse: RegressionMetrics.rootMeanSquaredError(predicted, actual))
    }
}
