import LearningCurves
import Reporting
import SearchSpace

/// An early-stopping study of 40 made-up four-epoch curves, computed for real by LearningCurves.
enum PredictorFixture {
    /// Curve i rises from a start spread by the golden ratio, its gain set by the net's depth, and its
    /// last epoch jitters by up to two points, so the predictor is good but not perfect.
    static var nets: [ReplaySimulation.Net] {
        (0..<40).map { i in
            let start = 0.2 + 0.4 * (Double(i) * 0.618_033_988_75).truncatingRemainder(dividingBy: 1)
            let jitter = 0.02 * (Double(i) * 0.414_213_562_37).truncatingRemainder(dividingBy: 1) - 0.01
            let layers = 1 + i % 4
            // Not monotone in the depth, so before the second epoch only a non-linear model can tell the gain.
            let gain = [0.05, 0.17, 0.09, 0.03][layers - 1]
            let curve = (0..<4).map { (epoch: Int) -> Double in
                let t = Double(epoch)
                return start + gain * t * (1 - 0.2 * t) + (epoch == 3 ? jitter : 0)
            }
            let context = CurveContext(parameterCount: 1_000 * layers * layers, forwardFLOPs: 50_000 * layers,
                                       convolutions: layers, poolings: layers / 2, fullyConnected: i % 2, globalPoolings: 0,
                                       learningRate: 0.001, attempt: 1)
            let sample = CurveSample(accuracies: curve, context: context)
            return ReplaySimulation.Net(sample: sample, reward: sample.finalAccuracy)
        }
    }

    static var summary: PredictorSummary {
        let nets = nets
        var generator = SplitMix64(seed: 5)
        let evaluation = try! PredictorEvaluation(fullCurves: nets.map(\.sample), horizon: 4, using: &generator)
        let simulation = ReplaySimulation(nets: nets, horizon: 4, thresholds: [0.9, 0.95, 0.99], burnIn: 10,
                                          regressor: evaluation.best, generator: SplitMix64(seed: 5))
        return PredictorSummary(evaluation: evaluation, simulation: simulation, netCount: nets.count, seed: 5)
    }

    static var input: ReportInput {
        var input = ReportFixtures.small
        input.predictor = summary
        return input
    }
}
