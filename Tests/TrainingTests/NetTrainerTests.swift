import Datasets
import SearchSpace
import Testing
@testable import Training

@Suite struct NetTrainerTests {
    static let smallNet = Architecture(layers: [.fc(units: 8), .softmax(classes: 2)])

    @Test func learnsASeparableProblemWithoutRestarting() throws {
        let data = try ToyData.splits(train: ToyData.separable(count: 400, seed: 1, name: "toy/train"),
                                      test: ToyData.separable(count: 100, seed: 2, name: "toy/test"), validationSize: 100)
        let settings = TrainingSettings(learningRate: 0.01, batchSize: 16, epochs: 4, decayEvery: 2)
        var epochsSeen: [Int] = []
        var batches = 0
        let result = try NetTrainer(settings: settings, data: data).train(Self.smallNet, seed: 3) { event in
            switch event {
            case let .epochFinished(record, _): epochsSeen.append(record.epoch)
            case .batch: batches += 1
            default: break
            }
        }
        #expect(result.learned && result.attempts == 1)
        #expect(result.bestValidationAccuracy > 0.95)
        #expect(result.testAccuracyAtLast > 0.95)
        #expect(epochsSeen == [1, 2, 3, 4])
        // 300 training images in batches of 16: 19 steps per epoch (the last one partial).
        #expect(batches == 4 * 19)
        #expect(result.lastValidationIteration == 4 * 19)
        let rates: [Float] = result.epochs.map { Float($0.learningRate) }
        let decayed: Float = 0.01 * 0.2
        #expect(rates == [0.01, 0.01, decayed, decayed])
        #expect(result.epochs.contains { $0.iteration == result.bestValidationIteration && $0.validationAccuracy == result.bestValidationAccuracy })
        #expect(result.parameterCount == 2 * 8 + 8 + 8 * 2 + 2)
        #expect(result.net == Self.smallNet.description)
    }

    @Test func sameSeedSameResult() throws {
        let data = try ToyData.splits(train: ToyData.separable(count: 200, seed: 1, name: "toy/train"),
                                      test: ToyData.separable(count: 50, seed: 2, name: "toy/test"), validationSize: 50)
        let trainer = NetTrainer(settings: TrainingSettings(learningRate: 0.01, batchSize: 16, epochs: 2), data: data)
        var a = try trainer.train(Self.smallNet, seed: 9)
        var b = try trainer.train(Self.smallNet, seed: 9)
        a.seconds = 0; b.seconds = 0
        a.epochs = a.epochs.map { var r = $0; r.seconds = 0; return r }
        b.epochs = b.epochs.map { var r = $0; r.seconds = 0; return r }
        #expect(a == b)
    }

    @Test("A stop hook ends training after the epoch it names; the result holds the partial curve, identical to the full run's start")
    func stopHookEndsTrainingEarly() throws {
        let data = try ToyData.splits(train: ToyData.separable(count: 200, seed: 1, name: "toy/train"),
                                      test: ToyData.separable(count: 50, seed: 2, name: "toy/test"), validationSize: 50)
        let trainer = NetTrainer(settings: TrainingSettings(learningRate: 0.01, batchSize: 16, epochs: 5, decayEvery: 2), data: data)
        var full = try trainer.train(Self.smallNet, seed: 9)
        var checked: [Int] = []
        var finished: [Int] = []
        var stopped = try trainer.train(Self.smallNet, seed: 9, progress: { event in
            if case let .epochFinished(record, _) = event { finished.append(record.epoch) }
        }, stopAfter: { check in
            checked.append(check.epochs.count)
            #expect(check.attempt == 1 && check.parameterCount == full.parameterCount && check.forwardFLOPs == full.forwardFLOPs)
            return check.epochs.count == 3
        })
        #expect(checked == [1, 2, 3])
        #expect(finished == [1, 2, 3])
        #expect(stopped.stoppedAfterEpoch == 3 && full.stoppedAfterEpoch == nil)
        #expect(stopped.epochs.count == 3 && stopped.lastValidationIteration == stopped.epochs[2].iteration)
        full.epochs = full.epochs.map { var r = $0; r.seconds = 0; return r }
        stopped.epochs = stopped.epochs.map { var r = $0; r.seconds = 0; return r }
        #expect(stopped.epochs == Array(full.epochs.prefix(3)))
        #expect(stopped.lastValidationAccuracy == full.epochs[2].validationAccuracy)
        #expect(stopped.bestValidationAccuracy == full.epochs.prefix(3).map(\.validationAccuracy).max())

        // Never asked after the last epoch: a hook that always says stop still leaves a full curve when T = 1.
        let one = NetTrainer(settings: TrainingSettings(learningRate: 0.01, batchSize: 16, epochs: 1), data: data)
        var asked = 0
        let single = try one.train(Self.smallNet, seed: 9, stopAfter: { _ in asked += 1; return true })
        #expect(asked == 0 && single.stoppedAfterEpoch == nil && single.epochs.count == 1)
    }

    @Test func restartRuleFiresAndRecordsChance() throws {
        // Random labels cannot beat a 0.9 threshold: every attempt is abandoned after its first epoch.
        let data = try ToyData.splits(train: ToyData.randomLabels(count: 300, classes: 4, seed: 1, name: "noise/train"),
                                      test: ToyData.randomLabels(count: 40, classes: 4, seed: 2, name: "noise/test"), validationSize: 60)
        let settings = TrainingSettings(learningRate: 0.01, batchSize: 32, epochs: 3, restartThreshold: 0.9, maxAttempts: 5)
        var startRates: [Double] = []
        var abandoned: [Int] = []
        let net = Architecture(layers: [.fc(units: 8), .softmax(classes: 4)])
        let result = try NetTrainer(settings: settings, data: data).train(net, seed: 4) { event in
            switch event {
            case let .attemptStarted(_, rate): startRates.append(rate)
            case let .belowThreshold(attempt, _, threshold):
                abandoned.append(attempt)
                #expect(abs(threshold - 0.9) < 1e-6)
            default: break
            }
        }
        #expect(!result.learned)
        #expect(result.attempts == 5)
        #expect(abandoned == [1, 2, 3, 4, 5])
        #expect(result.bestValidationAccuracy == 0.25 && result.testAccuracyAtBest == 0.25 && result.lastValidationAccuracy == 0.25)
        #expect(result.epochs.count == 1)
        let expected = (0..<5).map { 0.01 * pow(0.4, Double($0)) }
        #expect(zip(startRates, expected).allSatisfy { abs($0 - $1) < 1e-7 } && startRates.count == 5)
    }

    @Test func defaultThresholdLetsALearnerThrough() throws {
        // With the default 1.5/classes threshold the separable problem passes on the first attempt; with a
        // threshold above 1 (no net can beat it) the same run is abandoned: the check uses the threshold.
        let data = try ToyData.splits(train: ToyData.separable(count: 600, seed: 1, name: "toy/train"),
                                      test: ToyData.separable(count: 50, seed: 2, name: "toy/test"), validationSize: 100)
        let settings = TrainingSettings(learningRate: 0.02, batchSize: 16, epochs: 1, restartThreshold: nil, maxAttempts: 2)
        let passed = try NetTrainer(settings: settings, data: data).train(Self.smallNet, seed: 1)
        #expect(passed.attempts == 1 && passed.learned, "validation accuracy \(passed.epochs.map(\.validationAccuracy))")
        var strict = settings
        strict.restartThreshold = 1
        let failed = try NetTrainer(settings: strict, data: data).train(Self.smallNet, seed: 1)
        #expect(failed.attempts == 2 && !failed.learned && failed.bestValidationAccuracy == 0.5)
    }
}

import Foundation
