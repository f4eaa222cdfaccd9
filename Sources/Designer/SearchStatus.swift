/// A snapshot of where a search stands, for progress lines and the final summary.
public struct SearchStatus: Hashable, Sendable {
    /// Exploration rate of the current schedule stage (the last stage's once the schedule is done).
    public var epsilon: Double
    /// Index of the current stage in the schedule.
    public var stage: Int
    /// Unique nets first trained at the current stage so far.
    public var stageDone: Int
    /// Unique nets the current stage asks for.
    public var stageTarget: Int
    /// Unique nets trained over the whole schedule.
    public var modelsDone: Int
    /// Unique nets the whole schedule asks for.
    public var modelsTotal: Int
    /// Replay rows (sampled models, repeats included).
    public var replayRows: Int
    /// The best net so far (canonical string), if any.
    public var bestNet: String?
    /// The best net's best validation accuracy.
    public var bestAccuracy: Double?
    /// Models trained per hour in this run (nil until one finished).
    public var modelsPerHour: Double?
    /// Estimated seconds until the schedule is done (nil until the rate is known).
    public var etaSeconds: Double?
    /// Nets stopped early by learning-curve prediction.
    public var stoppedEarly = 0
    /// Epochs those nets were spared: T − τ summed over them.
    public var epochsSaved = 0

    /// Creates a status.
    public init(epsilon: Double, stage: Int, stageDone: Int, stageTarget: Int, modelsDone: Int, modelsTotal: Int,
                replayRows: Int, bestNet: String? = nil, bestAccuracy: Double? = nil, modelsPerHour: Double? = nil,
                etaSeconds: Double? = nil) {
        self.epsilon = epsilon
        self.stage = stage
        self.stageDone = stageDone
        self.stageTarget = stageTarget
        self.modelsDone = modelsDone
        self.modelsTotal = modelsTotal
        self.replayRows = replayRows
        self.modelsPerHour = modelsPerHour
        self.etaSeconds = etaSeconds
        self.bestNet = bestNet
        self.bestAccuracy = bestAccuracy
    }
}
