/// One epoch of one training attempt: the point of a learning curve.
public struct EpochRecord: Codable, Hashable, Sendable {
    /// Epoch number, from 1.
    public var epoch: Int
    /// Optimizer steps taken so far in this attempt (at the end of the epoch).
    public var iteration: Int
    /// Mean training loss over the epoch's batches (dropout active).
    public var trainLoss: Double
    /// Training accuracy over the epoch's batches, as the weights moved (dropout active).
    public var trainAccuracy: Double
    /// Validation accuracy after the epoch.
    public var validationAccuracy: Double
    /// Test accuracy after the epoch.
    public var testAccuracy: Double
    /// Learning rate used during the epoch.
    public var learningRate: Double
    /// Wall-clock seconds of the epoch, evaluation included.
    public var seconds: Double

    /// Creates a record.
    public init(epoch: Int, iteration: Int, trainLoss: Double, trainAccuracy: Double, validationAccuracy: Double,
                testAccuracy: Double, learningRate: Double, seconds: Double) {
        self.epoch = epoch
        self.iteration = iteration
        self.trainLoss = trainLoss
        self.trainAccuracy = trainAccuracy
        self.validationAccuracy = validationAccuracy
        self.testAccuracy = testAccuracy
        self.learningRate = learningRate
        self.seconds = seconds
    }
}
