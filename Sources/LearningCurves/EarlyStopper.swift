/// The early-stopping decision for one net, shared by a live search and `ReplaySimulation`: a
/// predictor fitted on the experiment's first full curves in stored order (as many as
/// `RefitSchedule` allows) and the best accuracy so far, both fixed when the net starts training.
///
/// The decision is then a function of those curves, the best accuracy, the net's partial curve and
/// the rule alone, so every worker, a replay and a resumed run decide the same way.
public struct EarlyStopper: Sendable {
    /// Δ and B.
    public let rule: StoppingRule
    /// The fitted predictor; nil before burn-in ends.
    public let predictor: CurvePredictor?
    /// Full curves the experiment held when the net started.
    public let fullCurveCount: Int
    /// y_best: the best accuracy of the nets trained to the end so far.
    public let best: Double

    /// A stopper from a fitted predictor (nil before burn-in).
    public init(rule: StoppingRule, predictor: CurvePredictor?, fullCurveCount: Int, best: Double) {
        self.rule = rule
        self.predictor = predictor
        self.fullCurveCount = fullCurveCount
        self.best = best
    }

    /// How many of `available` full curves the predictor is fitted on; nil while none is (before burn-in).
    public static func fitSize(available: Int, rule: StoppingRule) -> Int? {
        RefitSchedule.fitSize(available: available, burnIn: rule.burnIn)
    }

    /// Fits the predictor on exactly `curves` (the first `fitSize` full curves, in stored order), its
    /// folds drawn from a fresh copy of `generator` so the same curves always give the same predictor.
    public static func fit<G: RandomNumberGenerator>(_ curves: [CurveSample], horizon: Int, regressor: Regressor = .nuSVR,
                                                     folds: Int = 5, generator: G) -> CurvePredictor {
        precondition(curves.count >= CurvePredictor.minimumCurves, "a fit size is never below the predictor's minimum")
        var fresh = generator
        // Enough curves of `horizon` ≥ 2 epochs always fit.
        return try! CurvePredictor(fullCurves: curves, horizon: horizon, regressor: regressor, folds: folds, using: &fresh)
    }

    /// The prediction to record when the net should stop after `prefix` epochs of `sample`
    /// (1 ≤ prefix ≤ its epochs); nil when it trains on (always at or after the horizon, and before burn-in).
    public func stop(_ sample: CurveSample, after prefix: Int) -> Prediction? {
        guard let predictor, prefix >= 1, prefix < predictor.horizon else { return nil }
        let prediction = predictor.predict(sample, prefix: prefix)
        return rule.shouldStop(prediction, best: best, fullCurves: fullCurveCount) ? prediction : nil
    }
}
