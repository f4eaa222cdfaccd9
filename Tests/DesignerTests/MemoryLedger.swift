import QLearning
import SearchSpace
@testable import Designer

/// An in-memory ledger with the semantics the store-backed one has, for testing the step logic alone.
struct MemoryLedger: SearchLedger {
    var generator = SplitMix64(seed: 1)
    var progress: EpsilonProgress
    var outcomes: [String: NetOutcome] = [:]
    var leases: [Int64: (net: String, stage: Int, live: Bool)] = [:]
    var replays: [(net: String, epsilon: Double)] = []
    var nextLease: Int64 = 1

    init(schedule: EpsilonSchedule) { progress = EpsilonProgress(schedule: schedule) }

    func outcome(of net: String) -> NetOutcome? { outcomes[net] }

    var liveLeases: [String: Int] {
        Dictionary(leases.values.filter(\.live).map { ($0.net, $0.stage) }, uniquingKeysWith: { a, _ in a })
    }

    mutating func adoptOrphanedLease() -> (lease: Int64, net: String, stage: Int)? {
        guard let (id, lease) = leases.sorted(by: { $0.key < $1.key }).first(where: { !$0.value.live }) else { return nil }
        leases[id]?.live = true
        return (id, lease.net, lease.stage)
    }

    var replayCount: Int { replays.count }

    func replayRow(at index: Int) -> (net: String, reward: Double) {
        guard case let .trained(reward)? = outcomes[replays[index].net] else { fatalError("replay row of an untrained net") }
        return (replays[index].net, reward)
    }

    mutating func appendReplay(net: String, epsilon: Double) { replays.append((net, epsilon)) }

    mutating func lease(net: String, stage: Int) -> Int64 {
        defer { nextLease += 1 }
        leases[nextLease] = (net, stage, true)
        return nextLease
    }

    /// What the store does when a worker records its trained net.
    mutating func record(lease: Int64, reward: Double, epsilon: Double) -> Int {
        let entry = leases.removeValue(forKey: lease)!
        outcomes[entry.net] = .trained(reward: reward)
        replays.append((entry.net, epsilon))
        return entry.stage
    }
}

/// An agent that walks a fixed list of nets (ε ignored) and logs what it learns.
struct ScriptedAgent: SearchAgent {
    var nets: [String]
    var position = 0
    var learned: [(net: String, reward: Double)] = []

    mutating func sampleNet(epsilon: Double, using generator: inout SplitMix64) -> String {
        _ = generator.next()
        defer { position += 1 }
        return nets[position % nets.count]
    }

    mutating func learn(net: String, reward: Double) { learned.append((net, reward)) }
}
