import Foundation
import LearningCurves
import SearchSpace
import StoreModel
import Training

/// One worker's early stopping: when a net is claimed, the stopper for it from the experiment's
/// stored nets; while it trains, the per-epoch decision.
///
/// The predictor is fitted on the first full curves in stored order (nets trained to the end: not
/// stopped, not failed, not abandoned below the restart threshold), as many as `RefitSchedule`
/// allows, with folds from a fixed seed; y_best is the best measured validation accuracy of the
/// nets not stopped, as in `ReplaySimulation`. Stored nets are never changed or removed, so the
/// same stored nets always give the same stopper, whichever worker or run asks.
struct SearchEarlyStopping {
    /// Δ and B.
    let rule: StoppingRule
    /// T: the epochs of a full curve.
    let horizon: Int
    /// The last fit, reused until the fit size changes.
    private var fitted: (size: Int, predictor: CurvePredictor)?

    init(rule: StoppingRule, horizon: Int) {
        self.rule = rule
        self.horizon = horizon
    }

    /// The stopper for a net claimed while the experiment holds `records` (in stored order).
    mutating func stopper(records: [TrainedNetRecord]) -> EarlyStopper {
        var full: [CurveSample] = []
        var best = -Double.infinity
        for record in records where record.status == .trained && record.stoppedAfterEpoch == nil {
            if let accuracy = record.bestValidationAccuracy { best = max(best, accuracy) }
            if let net = PredictorStudy.net(record), net.sample.accuracies.count == horizon { full.append(net.sample) }
        }
        guard let size = EarlyStopper.fitSize(available: full.count, rule: rule) else {
            return EarlyStopper(rule: rule, predictor: nil, fullCurveCount: full.count, best: best)
        }
        if fitted?.size != size {
            fitted = (size, EarlyStopper.fit(Array(full.prefix(size)), horizon: horizon,
                                             generator: SplitMix64(seed: PredictorStudy.seed)))
        }
        return EarlyStopper(rule: rule, predictor: fitted!.predictor, fullCurveCount: full.count, best: best)
    }

    /// The reward of a net stopped with `prediction`: ŷ_T, a regression's output that may leave
    /// [0, 1], clamped to the accuracies a reward can be.
    static func reward(_ prediction: Prediction) -> Double {
        min(max(prediction.mean, 0), 1)
    }

    /// The decision after an epoch of `net`: the prediction to record when it stops, nil to train on.
    static func decide(_ stopper: EarlyStopper, net: Architecture, check: EpochCheck) -> Prediction? {
        let context = CurveContext(net: net, parameterCount: check.parameterCount, forwardFLOPs: check.forwardFLOPs,
                                   learningRate: check.epochs[0].learningRate, attempt: check.attempt)
        let sample = CurveSample(accuracies: check.epochs.map(\.validationAccuracy), context: context)
        return stopper.stop(sample, after: check.epochs.count)
    }
}
