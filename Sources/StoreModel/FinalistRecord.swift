/// One finished finalist training: a net of the search trained again from one seed with the final
/// scheme, with the weights file it left beside the store.
public struct FinalistRecord: Codable, Hashable, Sendable {
    /// Row identifier; nil until the store assigns one on insertion.
    public var id: Int64?
    /// The experiment's row identifier; set by the store on insertion.
    public var experimentID: Int64
    /// The net's rank among the search's trained nets when it was selected (1 = best).
    public var selectionRank: Int
    /// Canonical net string.
    public var net: String
    /// The training seed (initial weights and batch order).
    public var seed: Int
    /// The training settings as JSON (a `TrainingSettings`).
    public var settingsJSON: String
    /// The per-epoch curve as JSON (an array of `EpochRecord`).
    public var epochsJSON: String
    /// Best validation accuracy over the epochs, a fraction.
    public var bestValidationAccuracy: Double
    /// Validation accuracy after the last epoch.
    public var lastValidationAccuracy: Double
    /// Test accuracy at the best validation epoch.
    public var testAccuracyAtBest: Double
    /// Test accuracy after the last epoch: the accuracy of the stored weights.
    public var testAccuracyAtLast: Double
    /// Trainable parameters.
    public var parameterCount: Int
    /// Forward FLOPs per image.
    public var forwardFLOPs: Int
    /// Wall-clock training seconds.
    public var seconds: Double
    /// The weights file (safetensors), relative to the store's folder.
    public var weightsFile: String
    /// SHA-256 of the weights file, lowercase hex.
    public var weightsSHA256: String
    /// Per-channel mean the inputs were normalised with (of the training split).
    public var normalizationMean: [Float]
    /// Per-channel standard deviation the inputs were normalised with.
    public var normalizationStd: [Float]
    /// Who trained it.
    public var worker: String
    /// When it was recorded, seconds since 1970.
    public var finishedAt: Double

    /// A record; `id` and `experimentID` are assigned by the store on insertion.
    public init(id: Int64? = nil, experimentID: Int64 = 0, selectionRank: Int, net: String, seed: Int, settingsJSON: String,
                epochsJSON: String, bestValidationAccuracy: Double, lastValidationAccuracy: Double,
                testAccuracyAtBest: Double, testAccuracyAtLast: Double, parameterCount: Int, forwardFLOPs: Int,
                seconds: Double, weightsFile: String, weightsSHA256: String, normalizationMean: [Float],
                normalizationStd: [Float], worker: String, finishedAt: Double) {
        self.id = id
        self.experimentID = experimentID
        self.selectionRank = selectionRank
        self.net = net
        self.seed = seed
        self.settingsJSON = settingsJSON
        self.epochsJSON = epochsJSON
        self.bestValidationAccuracy = bestValidationAccuracy
        self.lastValidationAccuracy = lastValidationAccuracy
        self.testAccuracyAtBest = testAccuracyAtBest
        self.testAccuracyAtLast = testAccuracyAtLast
        self.parameterCount = parameterCount
        self.forwardFLOPs = forwardFLOPs
        self.seconds = seconds
        self.weightsFile = weightsFile
        self.weightsSHA256 = weightsSHA256
        self.normalizationMean = normalizationMean
        self.normalizationStd = normalizationStd
        self.worker = worker
        self.finishedAt = finishedAt
    }

    /// Column names: the JSON texts are stored under their plain names.
    enum CodingKeys: String, CodingKey {
        case id, experimentID, selectionRank, net, seed
        case settingsJSON = "settings", epochsJSON = "epochs"
        case bestValidationAccuracy, lastValidationAccuracy, testAccuracyAtBest, testAccuracyAtLast
        case parameterCount, forwardFLOPs, seconds, weightsFile, weightsSHA256
        case normalizationMean, normalizationStd, worker, finishedAt
    }
}
