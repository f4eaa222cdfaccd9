/// One regressor per observed prefix length τ = 1 … T − 1, each predicting a net's final accuracy
/// from its first τ epochs, with σ(τ) from cross-validation residuals.
public struct CurvePredictor: Sendable {
    /// One prefix length's fitted regressor.
    public struct PrefixModel: Sendable {
        /// Epochs observed.
        public let prefix: Int
        /// Hyperparameters chosen by cross-validation.
        public let hyperparameters: Hyperparameters
        /// σ(τ): root mean squared out-of-fold error at the chosen hyperparameters.
        public let sigma: Double
        let model: RegressionModel
    }

    /// Fewest full curves a predictor is fitted on.
    public static let minimumCurves = 5

    /// T: epochs of a full curve.
    public let horizon: Int
    /// The regression method.
    public let regressor: Regressor
    /// Full curves fitted on.
    public let curveCount: Int
    /// Models for τ = 1 … T − 1, in order.
    public let models: [PrefixModel]

    /// Fits on full curves (every sample's curve has `horizon` epochs); the folds, shared by every τ,
    /// are drawn from `generator`, so the same curves and generator give the same predictor.
    public init(fullCurves samples: [CurveSample], horizon: Int, regressor: Regressor = .nuSVR,
                folds: Int = 5, using generator: inout some RandomNumberGenerator) throws(PredictorError) {
        guard horizon >= 2 else { throw .horizonTooShort(horizon: horizon) }
        guard samples.count >= Self.minimumCurves else {
            throw .tooFewCurves(have: samples.count, need: Self.minimumCurves)
        }
        precondition(samples.allSatisfy { $0.accuracies.count == horizon }, "every fitted curve must have \(horizon) epochs")
        self.horizon = horizon
        self.regressor = regressor
        curveCount = samples.count
        let targets = samples.map(\.finalAccuracy)
        let validation = CrossValidation(count: samples.count, folds: folds, using: &generator)
        models = (1..<horizon).map { prefix in
            let rows = samples.map { CurveFeatures.vector($0, prefix: prefix) }
            let gains = zip(samples, targets).map { $1 - CurveFeatures.anchor($0, prefix: prefix) }
            let (chosen, predictions) = validation.tune(rows: rows, targets: gains, regressor: regressor)
            // The chosen λ fitted in every fold, so it fits on all rows too.
            let model = regressor.fit(rows: rows, targets: gains, hyperparameters: chosen)!
            return PrefixModel(prefix: prefix, hyperparameters: chosen,
                               sigma: RegressionMetrics.rootMeanSquaredError(predictions, gains), model: model)
        }
    }

    /// ŷ_T and σ(τ) for a net that has trained `prefix` epochs (1 ≤ prefix < T) of `sample`'s curve.
    public func predict(_ sample: CurveSample, prefix: Int) -> Prediction {
        precondition(prefix >= 1 && prefix < horizon, "prefix \(prefix) is outside 1…\(horizon - 1)")
        let prefixModel = models[prefix - 1]
        return Prediction(mean: CurveFeatures.anchor(sample, prefix: prefix)
                            + prefixModel.model.predict(CurveFeatures.vector(sample, prefix: prefix)),
                          sigma: prefixModel.sigma)
    }
}
