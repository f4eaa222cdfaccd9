import QLearning
import SearchSpace

/// What one claim or record transaction lets the search read and change (spec §4; the README's "What one step does").
///
/// The store-backed ledger lives for exactly one write transaction; the step logic in
/// `SearchStep` only sees this protocol, which keeps it testable in memory and independent
/// of how the store lays out its tables.
protocol SearchLedger {
    /// The search's random stream, persisted at the end of every step.
    var generator: SplitMix64 { get set }
    /// Unique nets first trained at each schedule stage, with the schedule itself.
    var progress: EpsilonProgress { get set }
    /// The stored outcome of `net` (canonical string), if it was ever tried.
    mutating func outcome(of net: String) throws -> NetOutcome?
    /// Nets leased by live workers, with the stage each was claimed at.
    var liveLeases: [String: Int] { get }
    /// Takes over one lease whose worker died (dead process on this host, or a heartbeat too old),
    /// so its net is trained again before anything new is sampled.
    mutating func adoptOrphanedLease() throws -> (lease: Int64, net: String, stage: Int)?
    /// Number of replay rows so far.
    var replayCount: Int { get }
    /// The net and reward of the replay row at `index` (0-based, sequence order).
    func replayRow(at index: Int) -> (net: String, reward: Double)
    /// Appends a replay row for an already trained `net` sampled at `epsilon`.
    mutating func appendReplay(net: String, epsilon: Double) throws
    /// Leases `net` for training at `stage`; returns the lease's identifier.
    mutating func lease(net: String, stage: Int) throws -> Int64
}

/// What the store knows about a net that was sampled before.
enum NetOutcome: Hashable, Sendable {
    /// Trained; `reward` is its recorded best validation accuracy, or its predicted final accuracy when it was stopped early.
    case trained(reward: Double)
    /// Could not be built or trained; it is skipped whenever it is sampled again.
    case failed(reason: String)
}
