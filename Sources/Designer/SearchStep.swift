import QLearning
import SearchSpace

/// The decisions of one search step (spec §4; the README's "What one step does"), over a ledger that one
/// store transaction provides; nothing here touches the store or the clock, so one worker with one
/// seed always makes the same decisions.
enum SearchStep {
    /// Episodes sampled in one claim before giving up on finding a net nobody is training.
    static let samplesPerClaim = 64

    /// What a claim decided.
    enum Claim: Hashable, Sendable {
        /// Train `net` (leased as `lease`) at `stage`, whose exploration rate is `epsilon`; `retry` when
        /// the lease was taken over from a worker that died.
        case train(net: String, stage: Int, epsilon: Double, lease: Int64, retry: Bool)
        /// `net` was trained before: a replay row was appended and Q updated, nothing to train.
        case cached(net: String, reward: Double, epsilon: Double)
        /// Every sample was in flight elsewhere, or the remaining slots of the schedule are: try again shortly.
        case wait
        /// Every stage has its unique nets.
        case finished
    }

    /// The claim half of a step: sample ε-greedily until a net is either cached (replayed at once)
    /// or free to train (leased).
    ///
    /// A net in flight on another worker is not trained twice: the episode is resampled (the
    /// random stream moves on, so with ε > 0 another net comes up). Nets known to be unbuildable
    /// are skipped the same way, without a replay row.
    static func claim<Ledger: SearchLedger, Agent: SearchAgent>(
        ledger: inout Ledger, agent: inout Agent, replayNumber: Int
    ) throws -> Claim {
        // Orphans first: a resumed search retrains what its dead worker had leased, with the random
        // stream exactly where that worker left it, so kill + resume reproduces an uninterrupted run.
        let schedule = ledger.progress.schedule
        if let orphan = try ledger.adoptOrphanedLease() {
            return .train(net: orphan.net, stage: orphan.stage, epsilon: schedule.steps[orphan.stage].epsilon,
                          lease: orphan.lease, retry: true)
        }
        let leases = ledger.liveLeases
        var inFlight: [Int: Int] = [:]
        for stage in leases.values { inFlight[stage, default: 0] += 1 }
        // In-flight nets hold their stage's slot; if a lease is released unrecorded, the slot opens again.
        guard let stage = ledger.progress.stepIndex(inFlight: inFlight) else {
            return leases.isEmpty ? .finished : .wait
        }
        let epsilon = schedule.steps[stage].epsilon
        for _ in 0..<samplesPerClaim {
            let net = try agent.sampleNet(epsilon: epsilon, using: &ledger.generator)
            switch try ledger.outcome(of: net) {
            case let .trained(reward)?:
                try ledger.appendReplay(net: net, epsilon: epsilon)
                try replay(ledger: &ledger, agent: &agent, count: replayNumber)
                return .cached(net: net, reward: reward, epsilon: epsilon)
            case .failed?:
                continue
            case nil:
                if leases[net] != nil { continue }
                return .train(net: net, stage: stage, epsilon: epsilon, lease: try ledger.lease(net: net, stage: stage),
                              retry: false)
            }
        }
        return .wait
    }

    /// The record half of a step, after the store has inserted the trained net and its replay row:
    /// count it at its stage and update Q by replay.
    static func recorded<Ledger: SearchLedger, Agent: SearchAgent>(
        stage: Int, ledger: inout Ledger, agent: inout Agent, replayNumber: Int
    ) throws {
        ledger.progress.record(atStep: stage)
        try replay(ledger: &ledger, agent: &agent, count: replayNumber)
    }

    /// Experience replay: `count` uniform draws with replacement from all replay rows (drawn as
    /// every replay is, by `QLearner.replayIndices`), each one's trajectory updated with that row's reward.
    static func replay<Ledger: SearchLedger, Agent: SearchAgent>(ledger: inout Ledger, agent: inout Agent, count: Int) throws {
        let rows = QLearner.replayIndices(count: count, rowCount: ledger.replayCount, rng: &ledger.generator).map(ledger.replayRow(at:))
        try agent.prepare(toLearn: rows.map(\.net))
        for row in rows { try agent.learn(net: row.net, reward: row.reward) }
    }
}
