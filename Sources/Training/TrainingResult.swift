/// The outcome of training one net string (accuracies are fractions in [0, 1]; iterations count optimizer steps).
public struct TrainingResult: Codable, Hashable, Sendable {
    /// The net's canonical string.
    public var net: String
    /// Best validation accuracy over the epochs (1/classes when the net never learned): the search's reward.
    public var bestValidationAccuracy: Double
    /// Iteration at the end of the best-validation epoch.
    public var bestValidationIteration: Int
    /// Validation accuracy after the last epoch.
    public var lastValidationAccuracy: Double
    /// Iteration at the end of the last epoch.
    public var lastValidationIteration: Int
    /// Test accuracy at the best-validation epoch.
    public var testAccuracyAtBest: Double
    /// Test accuracy after the last epoch.
    public var testAccuracyAtLast: Double
    /// The learning curve of the final attempt.
    public var epochs: [EpochRecord]
    /// Trainable parameters.
    public var parameterCount: Int
    /// Forward FLOPs per image (2 × multiply-adds).
    public var forwardFLOPs: Int
    /// Attempts used (1 when the first run learned).
    public var attempts: Int
    /// False when every attempt stayed at or below the restart threshold after its first epoch.
    public var learned: Bool
    /// Wall-clock seconds over all attempts.
    public var seconds: Double
    /// The epoch after which training was stopped early (`epochs` is then the partial curve); nil when trained to the end.
    public var stoppedAfterEpoch: Int?

    /// Creates a result.
    public init(net: String, bestValidationAccuracy: Double, bestValidationIteration: Int, lastValidationAccuracy: Double,
                lastValidationIteration: Int, testAccuracyAtBest: Double, testAccuracyAtLast: Double, epochs: [EpochRecord],
                parameterCount: Int, forwardFLOPs: Int, attempts: Int, learned: Bool, seconds: Double,
                stoppedAfterEpoch: Int? = nil) {
        self.net = net
        self.bestValidationAccuracy = bestValidationAccuracy
        self.bestValidationIteration = bestValidationIteration
        self.lastValidationAccuracy = lastValidationAccuracy
        self.lastValidationIteration = lastValidationIteration
        self.testAccuracyAtBest = testAccuracyAtBest
        self.testAccuracyAtLast = testAccuracyAtLast
        self.epochs = epochs
        self.parameterCount = parameterCount
        self.forwardFLOPs = forwardFLOPs
        self.attempts = attempts
        self.learned = learned
        self.seconds = seconds
        self.stoppedAfterEpoch = stoppedAfterEpoch
    }
}
