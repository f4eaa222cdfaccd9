import Foundation
import LearningCurves
import Reporting
import SearchSpace
import StoreModel
import Training

/// How well early stopping by learning-curve prediction would have worked on one stored experiment:
/// the predictor's out-of-fold accuracy per prefix length and a replay simulation in stored order.
public struct PredictorStudy: Sendable {
    /// Thresholds Δ the simulation tries.
    public static let thresholds = [0.9, 0.95, 0.99]
    /// Seed of the cross-validation folds, fixed so that a study of the same store always gives the same numbers.
    public static let seed: UInt64 = 2017

    /// Nets with a stored curve and net features, in stored order.
    public let nets: [ReplaySimulation.Net]
    /// T: the longest stored curve, the epochs of a net trained to the end.
    public let horizon: Int
    /// Out-of-fold scores per τ and regressor, on the full curves.
    public let evaluation: PredictorEvaluation
    /// What early stopping would have saved at each threshold, with the winning regressor.
    public let simulation: ReplaySimulation

    /// Studies stored nets (as `ExperimentStore.nets(experiment:)` returns them); throws when there are
    /// too few full curves or curves too short to predict from.
    public init(records: [TrainedNetRecord], burnIn: Int = StoppingRule().burnIn) throws(PredictorError) {
        let nets = records.compactMap(Self.net)
        let horizon = nets.map(\.sample.accuracies.count).max() ?? 0
        let full = nets.map(\.sample).filter { $0.accuracies.count == horizon }
        var generator = SplitMix64(seed: Self.seed)
        let evaluation = try PredictorEvaluation(fullCurves: full, horizon: horizon, using: &generator)
        self.nets = nets
        self.horizon = horizon
        self.evaluation = evaluation
        simulation = ReplaySimulation(nets: nets, horizon: horizon, thresholds: Self.thresholds, burnIn: burnIn,
                                      regressor: evaluation.best, generator: SplitMix64(seed: Self.seed))
    }

    /// The study as the report shows it.
    public var summary: PredictorSummary {
        PredictorSummary(evaluation: evaluation, simulation: simulation, netCount: nets.count, seed: Self.seed)
    }

    /// Full curves among the studied nets.
    public var fullCurveCount: Int { evaluation.actual.count }

    /// A stored net as the predictor sees it, with its reward (predicted for a net stopped early);
    /// nil for failed nets and nets without curve or features (imports).
    static func net(_ record: TrainedNetRecord) -> ReplaySimulation.Net? {
        guard record.status == .trained, let reward = record.reward,
              let parameters = record.parameterCount, let flops = record.forwardFLOPs,
              let epochs = try? JSONDecoder().decode([EpochRecord].self, from: Data(record.epochsJSON.utf8)),
              let first = epochs.first, let architecture = try? Architecture(parsing: record.net) else { return nil }
        let context = CurveContext(net: architecture, parameterCount: parameters, forwardFLOPs: flops,
                                   learningRate: first.learningRate, attempt: max(record.attempts, 1))
        return ReplaySimulation.Net(sample: CurveSample(accuracies: epochs.map(\.validationAccuracy), context: context),
                                    reward: reward)
    }
}
