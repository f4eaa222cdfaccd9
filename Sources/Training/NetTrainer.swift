import Datasets
import Foundation
import NeuralEngine
import SearchSpace

/// Trains net strings on fixed data splits with the paper's scheme: Adam, step decay, and restarts (spec §4, §7).
public struct NetTrainer: Sendable {
    /// The training scheme.
    public var settings: TrainingSettings
    /// Normalised training, validation and test sets.
    public var data: DataSplits

    /// Creates a trainer for `data` (already split and normalised).
    public init(settings: TrainingSettings, data: DataSplits) {
        self.settings = settings
        self.data = data
    }

    /// Trains `net` from `seed` (weights and batch order), restarting at lower learning rates while the
    /// first epoch does not beat the threshold; a net that never does gets accuracy 1/classes and `learned == false`.
    ///
    /// `stopAfter`, when given, is asked after every epoch of an attempt that beat the threshold
    /// (never after the last epoch); when it answers true, training ends there and the result holds
    /// the partial curve with `stoppedAfterEpoch` set. Without it nothing changes.
    public func train(_ net: Architecture, seed: UInt64, progress: (TrainingProgress) -> Void = { _ in },
                      stopAfter: ((EpochCheck) -> Bool)? = nil) throws(TrainingError) -> TrainingResult {
        try trainNetwork(net, seed: seed, progress: progress, stopAfter: stopAfter).result
    }

    /// Trains as `train` does and also hands back the network with its last epoch's weights, e.g. to save them.
    public func trainNetwork(_ net: Architecture, seed: UInt64, progress: (TrainingProgress) -> Void = { _ in },
                             stopAfter: ((EpochCheck) -> Bool)? = nil)
        throws(TrainingError) -> (result: TrainingResult, network: Network) {
        try settings.validate()
        let classes = data.classes
        let input = TensorShape(channels: data.train.channels, height: data.train.height, width: data.train.width)
        let threshold = settings.threshold(classes: classes)
        let clock = ContinuousClock()
        let started = clock.now
        var generator = SplitMix64(seed: seed)
        var lastRun: AttemptRun?
        var lastNetwork: Network?
        for attempt in 1...settings.maxAttempts {
            let learningRate = settings.learningRate(epoch: 1, attempt: attempt)
            let network = try NetworkBuilder.network(for: net, input: input, classes: classes, settings: settings,
                                                     learningRate: learningRate, seed: generator.next())
            progress(.attemptStarted(attempt: attempt, learningRate: decimal(learningRate)))
            let run = runAttempt(network, attempt: attempt, threshold: threshold, generator: &generator,
                                 stopAfter: stopAfter, progress: progress)
            lastRun = run
            lastNetwork = network
            if run.learned {
                return (result(net, run: run, network: network, attempts: attempt, learned: true, seconds: started.duration(to: clock.now)),
                        network)
            }
            progress(.belowThreshold(attempt: attempt, validationAccuracy: run.records[0].validationAccuracy, threshold: decimal(threshold)))
        }
        return (result(net, run: lastRun!, network: lastNetwork!, attempts: settings.maxAttempts, learned: false,
                       seconds: started.duration(to: clock.now)), lastNetwork!)
    }

    /// One attempt's learning curve; `learned` is false when it was abandoned after its first epoch,
    /// `stopped` true when the caller's `stopAfter` ended it before the last epoch.
    struct AttemptRun {
        var records: [EpochRecord]
        var learned: Bool
        var stopped = false
    }

    private func runAttempt(_ network: Network, attempt: Int, threshold: Float, generator: inout SplitMix64,
                            stopAfter: ((EpochCheck) -> Bool)?, progress: (TrainingProgress) -> Void) -> AttemptRun {
        let clock = ContinuousClock()
        let train = data.train
        let batchSize = settings.batchSize
        let batches = (train.count + batchSize - 1) / batchSize
        var order = Array(0..<train.count)
        let shape = TensorShape(channels: train.channels, height: train.height, width: train.width)
        // One full-size batch reused every step (filled in place); a short last batch gets its own.
        var fullBatch = Tensor(zeros: batchSize, shape: shape)
        var fullLabels = [Int32](repeating: 0, count: batchSize)
        var iteration = 0
        var records: [EpochRecord] = []
        for epoch in 1...settings.epochs {
            let epochStart = clock.now
            let learningRate = settings.learningRate(epoch: epoch, attempt: attempt)
            network.learningRate = learningRate
            StratifiedSampler.shuffle(&order, using: &generator)
            var lossSum = 0.0, correct = 0, seen = 0
            for batch in 0..<batches {
                let lower = batch * batchSize, upper = min(lower + batchSize, train.count)
                let count = upper - lower
                let outcome: BatchResult
                if count == batchSize {
                    train.gather(order[lower..<upper], images: &fullBatch.storage, labels: &fullLabels)
                    outcome = network.trainStep(images: fullBatch, labels: fullLabels)
                } else {
                    var images = Tensor(zeros: count, shape: shape), labels = [Int32](repeating: 0, count: count)
                    train.gather(order[lower..<upper], images: &images.storage, labels: &labels)
                    outcome = network.trainStep(images: images, labels: labels)
                }
                iteration += 1
                lossSum += Double(outcome.lossSum)
                correct += outcome.correct
                seen += outcome.count
                progress(.batch(BatchProgress(attempt: attempt, epoch: epoch, epochs: settings.epochs, batch: batch + 1,
                                              batches: batches, images: seen, epochImages: train.count, meanLoss: lossSum / Double(seen),
                                              accuracy: Double(correct) / Double(seen), seconds: seconds(epochStart.duration(to: clock.now)))))
            }
            let record = EpochRecord(epoch: epoch, iteration: iteration, trainLoss: lossSum / Double(max(seen, 1)),
                                     trainAccuracy: Double(correct) / Double(max(seen, 1)),
                                     validationAccuracy: Self.accuracy(of: network, on: data.validation),
                                     testAccuracy: Self.accuracy(of: network, on: data.test),
                                     learningRate: decimal(learningRate), seconds: seconds(epochStart.duration(to: clock.now)))
            records.append(record)
            progress(.epochFinished(record, attempt: attempt))
            // Spec §4: a net that does not beat the threshold after its first epoch is restarted.
            if epoch == 1 && !(record.validationAccuracy > Double(threshold)) {
                return AttemptRun(records: records, learned: false)
            }
            if epoch < settings.epochs, let stopAfter,
               stopAfter(EpochCheck(epochs: records, attempt: attempt, parameterCount: network.parameterCount,
                                    forwardFLOPs: network.forwardFLOPsPerImage)) {
                return AttemptRun(records: records, learned: true, stopped: true)
            }
        }
        return AttemptRun(records: records, learned: true)
    }

    private func result(_ net: Architecture, run: AttemptRun, network: Network, attempts: Int, learned: Bool,
                        seconds elapsed: Duration) -> TrainingResult {
        let records = run.records
        let last = records[records.count - 1]
        if !learned {
            let chance = 1 / Double(data.classes)
            return TrainingResult(net: net.description, bestValidationAccuracy: chance, bestValidationIteration: last.iteration,
                                  lastValidationAccuracy: chance, lastValidationIteration: last.iteration,
                                  testAccuracyAtBest: chance, testAccuracyAtLast: chance, epochs: records,
                                  parameterCount: network.parameterCount, forwardFLOPs: network.forwardFLOPsPerImage,
                                  attempts: attempts, learned: false, seconds: seconds(elapsed))
        }
        // The earliest epoch wins ties, as a strict improvement is needed to move the best.
        var best = records[0]
        for record in records.dropFirst() where record.validationAccuracy > best.validationAccuracy { best = record }
        return TrainingResult(net: net.description, bestValidationAccuracy: best.validationAccuracy,
                              bestValidationIteration: best.iteration, lastValidationAccuracy: last.validationAccuracy,
                              lastValidationIteration: last.iteration, testAccuracyAtBest: best.testAccuracy,
                              testAccuracyAtLast: last.testAccuracy, epochs: records, parameterCount: network.parameterCount,
                              forwardFLOPs: network.forwardFLOPsPerImage, attempts: attempts, learned: true, seconds: seconds(elapsed),
                              stoppedAfterEpoch: run.stopped ? last.epoch : nil)
    }

    /// Accuracy of `network` (evaluation mode) on `dataset`; the network splits it into batches it can hold.
    static func accuracy(of network: Network, on dataset: ImageDataset) -> Double {
        guard dataset.count > 0 else { return 0 }
        let shape = TensorShape(channels: dataset.channels, height: dataset.height, width: dataset.width)
        let images = Tensor(count: dataset.count, shape: shape, storage: dataset.images)
        return network.evaluate(images: images, labels: dataset.labels).accuracy
    }
}

private func seconds(_ duration: Duration) -> Double {
    let (whole, atto) = duration.components
    return Double(whole) + Double(atto) * 1e-18
}

/// The Double whose shortest decimal form is the Float's (0.001, not 0.0010000000474974513), for readable records.
private func decimal(_ value: Float) -> Double {
    Double(value.description) ?? Double(value)
}
