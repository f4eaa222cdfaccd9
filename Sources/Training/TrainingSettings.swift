import Datasets
import Foundation
import SearchSpace

/// Every number of the training scheme (spec §4 and §7); the defaults are the paper's.
public struct TrainingSettings: Codable, Hashable, Sendable {
    /// Adam's initial learning rate of the first attempt.
    public var learningRate: Float
    /// Images per optimizer step.
    public var batchSize: Int
    /// Epochs per attempt.
    public var epochs: Int
    /// Factor applied to the learning rate every `decayEvery` epochs (step decay).
    public var learningRateDecay: Float
    /// Epochs between learning-rate decays.
    public var decayEvery: Int
    /// L2 weight decay handed to Adam.
    public var weightDecay: Float
    /// Adam's first-moment decay.
    public var beta1: Float
    /// Adam's second-moment decay.
    public var beta2: Float
    /// Adam's denominator guard.
    public var adamEpsilon: Float
    /// Validation accuracy a net must beat after its first epoch, or nil for 1.5 / classes.
    public var restartThreshold: Float?
    /// Attempts (the first run plus restarts) before a net is recorded as never learning.
    public var maxAttempts: Int
    /// Attempt k (from 0) starts at learningRate · restartFactor^k.
    public var restartFactor: Float
    /// Engine threads for one network.
    public var threads: Int
    /// Validation images drawn from the training pool, or nil for `DataSplits.defaultValidationSize`.
    public var validationSize: Int?
    /// Stratified cap on training images (after the validation split), or nil for all.
    public var trainLimit: Int?

    /// Creates settings; every omitted value is the paper's.
    public init(learningRate: Float = 0.001, batchSize: Int = 128, epochs: Int = 20, learningRateDecay: Float = 0.2,
                decayEvery: Int = 5, weightDecay: Float = 0.0005, beta1: Float = 0.9, beta2: Float = 0.999,
                adamEpsilon: Float = 1e-8, restartThreshold: Float? = nil, maxAttempts: Int = 5, restartFactor: Float = 0.4,
                threads: Int = 1, validationSize: Int? = nil, trainLimit: Int? = nil) {
        self.learningRate = learningRate
        self.batchSize = batchSize
        self.epochs = epochs
        self.learningRateDecay = learningRateDecay
        self.decayEvery = decayEvery
        self.weightDecay = weightDecay
        self.beta1 = beta1
        self.beta2 = beta2
        self.adamEpsilon = adamEpsilon
        self.restartThreshold = restartThreshold
        self.maxAttempts = maxAttempts
        self.restartFactor = restartFactor
        self.threads = threads
        self.validationSize = validationSize
        self.trainLimit = trainLimit
    }

    /// The paper's scheme: Adam 0.001, batch 128, 20 epochs, ×0.2 every 5, decay 5e-4, 5,000 validation images, 5 attempts.
    public static let paper = TrainingSettings()

    /// The restart threshold used for `classes` classes.
    public func threshold(classes: Int) -> Float {
        restartThreshold ?? 1.5 / Float(classes)
    }

    /// The learning rate of `epoch` (from 1) in `attempt` (from 1).
    public func learningRate(epoch: Int, attempt: Int) -> Float {
        // In double precision, so that 0.001 · 0.4 is the Float nearest 0.0004 and prints as such.
        let start = Double(learningRate.description)! * pow(Double(restartFactor.description)!, Double(attempt - 1))
        return Float(start * pow(Double(learningRateDecay.description)!, Double((epoch - 1) / decayEvery)))
    }

    /// The most engine threads one network may use: far beyond any core count that helps, yet
    /// small enough that a mistyped count cannot exhaust the process's threads.
    public static let maximumThreads = 256

    /// Checks every value, throwing for the first unusable one.
    public func validate() throws(TrainingError) {
        func require(_ ok: Bool, _ name: String, _ value: Any, _ requirement: String) throws(TrainingError) {
            if !ok { throw .invalidSetting(name: name, value: "\(value)", requirement: requirement) }
        }
        try require(learningRate > 0 && learningRate.isFinite, "learning rate", learningRate, "a positive number")
        try require(batchSize >= 1, "batch size", batchSize, "at least 1")
        try require(epochs >= 1, "epochs", epochs, "at least 1")
        try require(learningRateDecay > 0 && learningRateDecay <= 1, "learning-rate decay", learningRateDecay, "in (0, 1]")
        try require(decayEvery >= 1, "decay interval", decayEvery, "at least 1 epoch")
        try require(weightDecay >= 0 && weightDecay.isFinite, "weight decay", weightDecay, "zero or positive")
        try require((0..<1).contains(beta1) && (0..<1).contains(beta2), "Adam beta", "\(beta1)/\(beta2)", "in [0, 1)")
        try require(adamEpsilon > 0, "Adam epsilon", adamEpsilon, "positive")
        try require(restartThreshold.map { (0...1).contains($0) } ?? true, "restart threshold", restartThreshold ?? 0, "a fraction in [0, 1]")
        try require(maxAttempts >= 1, "attempts", maxAttempts, "at least 1")
        try require(restartFactor > 0 && restartFactor <= 1, "restart factor", restartFactor, "in (0, 1]")
        try require((1...Self.maximumThreads).contains(threads), "threads", threads, "between 1 and \(Self.maximumThreads)")
        try require(validationSize.map { $0 >= 1 } ?? true, "validation size", validationSize ?? 0, "at least 1")
        try require(trainLimit.map { $0 >= 1 } ?? true, "train limit", trainLimit ?? 0, "at least 1")
    }

    /// Splits `sets` as these settings say (validation size, train limit), seeded, normalised on the training split.
    public func splits(of sets: TrainTestSets, seed: UInt64) throws(DatasetError) -> DataSplits {
        var generator = SplitMix64(seed: seed)
        return try DataSplits(splitting: sets, validationSize: validationSize, trainLimit: trainLimit, using: &generator)
    }
}

