/// Training details of one unique net; every field but the net may be unknown (imports).
public struct ModelRow: Hashable, Sendable {
    /// Canonical net string, the model's identity.
    public var net: String
    /// Best validation accuracy, a fraction in [0, 1]; the predicted final accuracy of a net stopped early.
    public var validationAccuracy: Double
    /// Test accuracy at the best validation epoch.
    public var testAccuracy: Double?
    /// Trainable parameters.
    public var parameters: Int?
    /// Forward FLOPs per image (2 × multiply-adds).
    public var forwardFLOPs: Int?
    /// Epochs trained in the final attempt.
    public var epochs: Int?
    /// Training wall time in seconds, all attempts included.
    public var trainingSeconds: Double?
    /// Whether the accuracies are on a percent scale, as an imported reference file wrote them.
    public var percentScale: Bool
    /// The epoch after which the net was stopped early (its validation accuracy is then predicted); nil when trained to the end.
    public var stoppedAfterEpoch: Int?

    /// Creates a model row.
    public init(
        net: String, validationAccuracy: Double, testAccuracy: Double? = nil, parameters: Int? = nil,
        forwardFLOPs: Int? = nil, epochs: Int? = nil, trainingSeconds: Double? = nil, percentScale: Bool = false,
        stoppedAfterEpoch: Int? = nil
    ) {
        self.net = net
        self.validationAccuracy = validationAccuracy
        self.testAccuracy = testAccuracy
        self.parameters = parameters
        self.forwardFLOPs = forwardFLOPs
        self.epochs = epochs
        self.trainingSeconds = trainingSeconds
        self.percentScale = percentScale
        self.stoppedAfterEpoch = stoppedAfterEpoch
    }
}
