import Foundation
import SearchSpace
import Training

/// Stands in for training when the search itself is under test (`--trainer synthetic`): it reads no
/// images and returns, after `delay` seconds, an accuracy that is a fixed function of the net.
///
/// The rule (the README's "Synthetic trainer"): with h the 64-bit FNV-1a hash of the canonical net
/// string, u = (first SplitMix64 output seeded with h) / 2⁶⁴ ∈ [0, 1), and L the net's layers other
/// than dropout and the final SM, the final accuracy is A = 0.5 + 0.03 · min(L, 10) + 0.15 · u, so
/// deeper nets are mildly better and the Q-learner has something to learn. The curve of E epochs is
/// v(e) = c + (A − c) · (1 − 2⁻ᵉ) / (1 − 2⁻ᴱ) with c = 1/classes: rising, and A at the last epoch.
/// Test accuracy equals validation accuracy, training accuracy too, training loss is 1 − v(e), and
/// epoch e ends at iteration e. Nets are never restarted; the search seed is not used, so a net
/// scores the same in every search.
struct SyntheticTrainer: NetTraining {
    /// The scheme; only `epochs` (the curve's length) and the learning-rate schedule (recorded per epoch) are used.
    var settings: TrainingSettings
    /// Seconds each net takes, spread evenly over its epochs (and within them over slices of at most a second).
    var delay: Double
    /// The space's input side and channels, for the parameter and FLOP counts.
    var inputSize: Int
    var inputChannels: Int
    /// Classes: chance accuracy 1/classes is where every curve starts from.
    var classes: Int

    /// The final accuracy A of `net` under the rule above.
    static func accuracy(of net: Architecture) -> Double {
        var generator = SplitMix64(seed: TrainingSeed.hash(net.description))
        let unit = Double(generator.next() >> 11) * 0x1p-53
        let layers = net.layers.filter { layer in
            switch layer {
            case .dropout, .softmax: false
            case .conv, .pool, .fc, .gap: true
            }
        }.count
        return 0.5 + 0.03 * Double(min(layers, 10)) + 0.15 * unit
    }

    /// The validation accuracy after epoch `epoch` of `epochs` for a final accuracy `final`.
    static func curve(final: Double, chance: Double, epoch: Int, epochs: Int) -> Double {
        // The last point is A itself: c + (A − c) need not round back to A.
        guard epoch < epochs else { return final }
        return chance + (final - chance) * (1 - pow(2, -Double(epoch))) / (1 - pow(2, -Double(epochs)))
    }

    func train(_ net: Architecture, seed: UInt64, progress: (TrainingProgress) -> Void,
               stopAfter: ((EpochCheck) -> Bool)?) throws(TrainingError) -> TrainingResult {
        try settings.validate()
        let cost: NetworkCost
        do {
            cost = try NetworkCost(of: net, inputSize: inputSize, inputChannels: inputChannels)
        } catch {
            throw .invalidLayer(net: net.description, layer: error.token, reason: error.description)
        }
        let clock = ContinuousClock()
        let started = clock.now
        let final = Self.accuracy(of: net), chance = 1 / Double(classes)
        let epochs = settings.epochs
        progress(.attemptStarted(attempt: 1, learningRate: Double(settings.learningRate(epoch: 1, attempt: 1))))
        var records: [EpochRecord] = []
        for epoch in 1...epochs {
            let epochStart = clock.now
            let accuracy = Self.curve(final: final, chance: chance, epoch: epoch, epochs: epochs)
            // Slept in slices of at most a second, each reported like a batch, because the runner
            // heartbeats the lease from progress events and a long delay must not look like a dead worker.
            let share = delay / Double(epochs)
            let slices = max(1, Int((share).rounded(.up)))
            for slice in 1...slices where share > 0 {
                Thread.sleep(forTimeInterval: share / Double(slices))
                progress(.batch(BatchProgress(attempt: 1, epoch: epoch, epochs: epochs, batch: slice, batches: slices, images: 0,
                                              epochImages: 0, meanLoss: 1 - accuracy, accuracy: accuracy,
                                              seconds: Self.seconds(epochStart.duration(to: clock.now)))))
            }
            let record = EpochRecord(epoch: epoch, iteration: epoch, trainLoss: 1 - accuracy, trainAccuracy: accuracy,
                                     validationAccuracy: accuracy, testAccuracy: accuracy,
                                     learningRate: Double(settings.learningRate(epoch: epoch, attempt: 1)),
                                     seconds: Self.seconds(epochStart.duration(to: clock.now)))
            records.append(record)
            progress(.epochFinished(record, attempt: 1))
            if epoch < epochs, let stopAfter,
               stopAfter(EpochCheck(epochs: records, attempt: 1, parameterCount: cost.parameters, forwardFLOPs: cost.forwardFLOPs)) {
                break
            }
        }
        // The curve never falls, so its best is its last point (the earliest wins a tie, as in `NetTrainer`).
        let best = records.first { $0.validationAccuracy == records.map(\.validationAccuracy).max() }!
        let last = records[records.count - 1]
        return TrainingResult(net: net.description, bestValidationAccuracy: best.validationAccuracy,
                              bestValidationIteration: best.iteration, lastValidationAccuracy: last.validationAccuracy,
                              lastValidationIteration: last.iteration, testAccuracyAtBest: best.testAccuracy,
                              testAccuracyAtLast: last.testAccuracy, epochs: records, parameterCount: cost.parameters,
                              forwardFLOPs: cost.forwardFLOPs, attempts: 1, learned: true,
                              seconds: Self.seconds(started.duration(to: clock.now)),
                              stoppedAfterEpoch: last.epoch < epochs ? last.epoch : nil)
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }
}
