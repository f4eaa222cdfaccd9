/// Where a search stands, counted by its store: what a progress line shows, read without
/// reading every net, so that it costs the same however many nets the experiment holds.
public struct SearchTally: Hashable, Sendable {
    /// Number of replay rows.
    public var replayRows: Int
    /// Trained (not failed) nets per schedule stage; nets without a stage are not counted.
    public var trainedByStage: [Int: Int]
    /// The trained net with the highest reward, the first stored of equals; nil before any.
    public var best: TrainedNetRecord?
    /// Trained nets that were stopped early.
    public var stoppedEarly: Int
    /// The sum of the epochs after which those nets were stopped.
    public var stoppedAfterEpochs: Int

    /// A tally.
    public init(replayRows: Int, trainedByStage: [Int: Int], best: TrainedNetRecord?, stoppedEarly: Int, stoppedAfterEpochs: Int) {
        self.replayRows = replayRows
        self.trainedByStage = trainedByStage
        self.best = best
        self.stoppedEarly = stoppedEarly
        self.stoppedAfterEpochs = stoppedAfterEpochs
    }
}
