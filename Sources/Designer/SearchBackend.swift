import StoreModel
import Training

/// The transactions a search worker runs against its store, one per call (the README's "What one step does").
///
/// `StoreSearchBackend` implements it on the replay store; the runner only sees this protocol.
protocol SearchBackend: Sendable {
    /// Claim: adopt an orphaned lease, or sample a net and either replay it (cached) or lease it.
    func claim(worker: Int) throws -> SearchStep.Claim
    /// Record: store the trained net and its replay row, count it, update Q by replay, drop the lease.
    /// Returns false (and changes nothing) when the lease no longer exists because it was released.
    /// `predictedAccuracy` is the reward (ŷ_T in [0, 1]) of a net stopped early (`result.stoppedAfterEpoch` set), else nil.
    func record(lease: Int64, stage: Int, epsilon: Double, result: TrainingResult, predictedAccuracy: Double?,
                worker: Int) throws -> Bool
    /// The net of `lease` could not be built or trained: remember it as failed (no replay row), drop the lease.
    func fail(lease: Int64, net: String, reason: String) throws
    /// Tells other workers the lease's worker is alive.
    func heartbeat(lease: Int64) throws
    /// Gives leases back unrecorded (Ctrl-C): their nets are trained first by whichever claim comes next.
    func release(leases: [Int64]) throws
    /// Gives back every lease this run still holds (after its workers were stopped).
    func releaseAll() throws
    /// Where the search stands (counts, best net).
    func status() throws -> SearchStatus
    /// Every stored net of the experiment in stored order: what an early-stopping decision is made from.
    func storedNets() throws -> [TrainedNetRecord]
}
