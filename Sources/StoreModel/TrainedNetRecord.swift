/// The one stored outcome of a net in an experiment: its training result, or why it failed.
public struct TrainedNetRecord: Hashable, Sendable {
    /// Whether the net was trained or could not be.
    public enum Status: String, Hashable, Sendable, CaseIterable {
        /// Trained; the accuracy fields are set and replay rows may reference it.
        case trained
        /// Could not be built or trained; `failure` says why and no replay row references it.
        case failed
    }

    /// Row identifier.
    public var id: Int64
    /// Canonical net string (with dropout), the net's identity.
    public var net: String
    /// Trained or failed.
    public var status: Status
    /// Index of the schedule stage the net was first trained at; nil for imported nets.
    public var stage: Int?
    /// ε when the net was first trained.
    public var epsilon: Double
    /// Best validation accuracy (the reward), a fraction.
    public var bestValidationAccuracy: Double?
    /// Optimizer iteration of the best validation accuracy.
    public var bestValidationIteration: Int?
    /// Validation accuracy after the last epoch.
    public var lastValidationAccuracy: Double?
    /// Optimizer iteration of the last validation.
    public var lastValidationIteration: Int?
    /// Test accuracy at the best validation epoch.
    public var testAccuracyAtBest: Double?
    /// Test accuracy after the last epoch.
    public var testAccuracyAtLast: Double?
    /// Trainable parameters; nil when unknown (imported).
    public var parameterCount: Int?
    /// Forward FLOPs per image; nil when unknown (imported).
    public var forwardFLOPs: Int?
    /// Per-epoch curves as JSON (an array; empty when unknown).
    public var epochsJSON: String
    /// Training attempts (restarts included).
    public var attempts: Int
    /// Whether training ever beat the restart threshold; nil when unknown.
    public var learned: Bool?
    /// Wall-clock training seconds.
    public var seconds: Double
    /// Who trained it (worker name or imported machine).
    public var worker: String
    /// Why the net failed; nil when trained.
    public var failure: String?
    /// When the result was recorded, seconds since 1970.
    public var finishedAt: Double
    /// The epoch after which training was stopped early (`epochsJSON` holds the partial curve); nil when trained to the end.
    public var stoppedAfterEpoch: Int?
    /// The predicted final accuracy ŷ_T of a net stopped early, its reward; nil when trained to the end.
    public var predictedAccuracy: Double?

    /// A record; `id` is assigned by the store on insertion.
    public init(id: Int64 = 0, net: String, status: Status, stage: Int?, epsilon: Double,
                bestValidationAccuracy: Double? = nil, bestValidationIteration: Int? = nil,
                lastValidationAccuracy: Double? = nil, lastValidationIteration: Int? = nil,
                testAccuracyAtBest: Double? = nil, testAccuracyAtLast: Double? = nil,
                parameterCount: Int? = nil, forwardFLOPs: Int? = nil, epochsJSON: String = "[]",
                attempts: Int = 0, learned: Bool? = nil, seconds: Double = 0, worker: String,
                failure: String? = nil, finishedAt: Double, stoppedAfterEpoch: Int? = nil,
                predictedAccuracy: Double? = nil) {
        self.id = id
        self.net = net
        self.status = status
        self.stage = stage
        self.epsilon = epsilon
        self.bestValidationAccuracy = bestValidationAccuracy
        self.bestValidationIteration = bestValidationIteration
        self.lastValidationAccuracy = lastValidationAccuracy
        self.lastValidationIteration = lastValidationIteration
        self.testAccuracyAtBest = testAccuracyAtBest
        self.testAccuracyAtLast = testAccuracyAtLast
        self.parameterCount = parameterCount
        self.forwardFLOPs = forwardFLOPs
        self.epochsJSON = epochsJSON
        self.attempts = attempts
        self.learned = learned
        self.seconds = seconds
        self.worker = worker
        self.failure = failure
        self.finishedAt = finishedAt
        self.stoppedAfterEpoch = stoppedAfterEpoch
        self.predictedAccuracy = predictedAccuracy
    }
}

extension TrainedNetRecord {
    /// Whether the net was stopped early, so that its reward is predicted rather than measured.
    public var isPredicted: Bool { predictedAccuracy != nil }

    /// The net's reward in Q-learning: the predicted final accuracy of a net stopped early, else
    /// its best validation accuracy; nil for a failed net.
    public var reward: Double? { predictedAccuracy ?? bestValidationAccuracy }

    /// The net's one result (its first, for an imported net), with the reward as its best validation
    /// accuracy, so replay, reports and export use the predicted value of a net stopped early.
    /// Fields the schema requires of a trained net read as 0 on a failed one, which no replay row references.
    public var result: RowResult {
        RowResult(
            bestValidationAccuracy: reward ?? 0, bestValidationIteration: bestValidationIteration ?? 0,
            lastValidationAccuracy: lastValidationAccuracy ?? 0, lastValidationIteration: lastValidationIteration ?? 0,
            testAccuracyAtBest: testAccuracyAtBest, testAccuracyAtLast: testAccuracyAtLast)
    }
}
