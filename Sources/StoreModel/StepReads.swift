/// What a search step reads right after its transaction takes the experiment's lock
/// (`ExperimentTransaction.stepReads(replayAfter:countsAndLeases:)`).
public struct StepReads: Sendable {
    /// Trained (not failed) nets per schedule stage, as `trainedCountsByStage()`; empty when not asked for.
    public var trainedCountsByStage: [Int: Int]
    /// Every lease of the experiment, oldest first, as `leases()`; empty when not asked for.
    public var leases: [LeaseRecord]
    /// The replay rows asked for, as `replayRewards(after:)`: sequence number, net and reward, in sequence order.
    public var replayRewards: [(sequence: Int, net: String, reward: Double)]

    /// The reads made.
    public init(trainedCountsByStage: [Int: Int], leases: [LeaseRecord],
                replayRewards: [(sequence: Int, net: String, reward: Double)]) {
        self.trainedCountsByStage = trainedCountsByStage
        self.leases = leases
        self.replayRewards = replayRewards
    }
}
