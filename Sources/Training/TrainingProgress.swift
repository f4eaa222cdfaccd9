/// Events reported while a net trains, for progress displays.
public enum TrainingProgress: Sendable {
    /// An attempt begins at the given initial learning rate.
    case attemptStarted(attempt: Int, learningRate: Double)
    /// A training batch finished.
    case batch(BatchProgress)
    /// An epoch finished and was evaluated.
    case epochFinished(EpochRecord, attempt: Int)
    /// The first epoch did not beat the threshold: the attempt is abandoned (a restart follows unless it was the last).
    case belowThreshold(attempt: Int, validationAccuracy: Double, threshold: Double)
}

/// Where training stands within an epoch.
public struct BatchProgress: Sendable, Hashable {
    /// Attempt number, from 1.
    public var attempt: Int
    /// Epoch number, from 1.
    public var epoch: Int
    /// Epochs per attempt.
    public var epochs: Int
    /// Batches done in this epoch.
    public var batch: Int
    /// Batches per epoch.
    public var batches: Int
    /// Training images seen in this epoch.
    public var images: Int
    /// Training images per epoch.
    public var epochImages: Int
    /// Mean training loss over this epoch's batches so far.
    public var meanLoss: Double
    /// Training accuracy over this epoch's batches so far.
    public var accuracy: Double
    /// Seconds since the epoch started.
    public var seconds: Double

    /// Creates a progress value.
    public init(attempt: Int, epoch: Int, epochs: Int, batch: Int, batches: Int, images: Int, epochImages: Int, meanLoss: Double, accuracy: Double, seconds: Double) {
        self.attempt = attempt
        self.epoch = epoch
        self.epochs = epochs
        self.batch = batch
        self.batches = batches
        self.images = images
        self.epochImages = epochImages
        self.meanLoss = meanLoss
        self.accuracy = accuracy
        self.seconds = seconds
    }
}
