import Foundation
import QLearning
import SearchSpace
import StoreModel

/// The ledger of one store write transaction: the search state is read when the transaction
/// begins and every change goes straight into the transaction, so a step commits whole or not at all.
struct StoreLedger: SearchLedger {
    let transaction: any ExperimentTransaction
    let worker: WorkerIdentity
    /// Seconds without a heartbeat after which a lease of another host counts as dead.
    let staleAfter: Double
    var generator: SplitMix64
    var progress: EpsilonProgress
    private var leases: [LeaseRecord]
    /// Every replay row's net and reward, in sequence order, rows of this step included.
    private(set) var replayRows: ReplayRewards
    /// Stored records looked up or inserted by this step, by net (nil: not stored).
    private var nets: [String: TrainedNetRecord?] = [:]
    private let now = Date().timeIntervalSince1970

    /// Which half of a step a ledger serves, so that it reads only what that half uses.
    enum Half {
        /// Chooses the next net: reads the stage counts and every lease.
        case claim
        /// Records a trained net and replays: uses neither the stage counts nor the leases, so
        /// reads neither; its `progress` starts from zero counts and is never read back (the
        /// ledger ends with the transaction, and the stored net is what the next claim counts).
        case record
    }

    /// The ledger of `transaction` for one `half` of a step; `known` holds replay rows read by an
    /// earlier step of this experiment, so only the rows appended since are read.
    init(transaction: any ExperimentTransaction, half: Half, schedule: EpsilonSchedule, worker: WorkerIdentity,
         staleAfter: Double, known: ReplayRewards) throws {
        self.transaction = transaction
        self.worker = worker
        self.staleAfter = staleAfter
        generator = SplitMix64(seed: transaction.experiment.rngState)
        let start = ReplayRewards.start(in: transaction, known: known)
        let reads = try transaction.stepReads(replayAfter: start.rows.count, countsAndLeases: half == .claim)
        progress = EpsilonProgress(schedule: schedule, counts: schedule.steps.indices.map { reads.trainedCountsByStage[$0, default: 0] })
        leases = reads.leases
        replayRows = try start.extended(with: reads.replayRewards, in: transaction)
    }

    mutating func outcome(of net: String) throws -> NetOutcome? {
        guard let record = try storedNet(net) else { return nil }
        switch record.status {
        case .trained: return .trained(reward: record.reward ?? 0)
        case .failed: return .failed(reason: record.failure ?? "unknown")
        }
    }

    /// Whether the lease's worker is gone: its process died on this host, or it stopped heartbeating.
    func isOrphaned(_ lease: LeaseRecord) -> Bool {
        if lease.host == worker.host && lease.pid == worker.pid {
            // Ours only if this run took it; an earlier run in this same process has ended.
            return !lease.worker.hasPrefix(worker.runPrefix)
        }
        return lease.isAbandoned(host: worker.host, now: now, staleAfter: staleAfter)
    }

    var liveLeases: [String: Int] {
        Dictionary(leases.filter { !isOrphaned($0) }.map { ($0.net, $0.stage) }, uniquingKeysWith: { first, _ in first })
    }

    mutating func adoptOrphanedLease() throws -> (lease: Int64, net: String, stage: Int)? {
        guard let index = leases.firstIndex(where: isOrphaned) else { return nil }
        let lease = leases[index]
        guard try transaction.reassignLease(id: lease.id, worker: worker.name, pid: worker.pid, host: worker.host, at: now)
        else { return nil }
        leases[index].pid = worker.pid
        leases[index].host = worker.host
        leases[index].heartbeatAt = now
        return (lease.id, lease.net, lease.stage)
    }

    var replayCount: Int { replayRows.rows.count }

    func replayRow(at index: Int) -> (net: String, reward: Double) { replayRows.rows[index] }

    /// Stores `record` (a net this step trained) and remembers it for its replay row.
    mutating func insertNet(_ record: TrainedNetRecord) throws {
        let stored = try transaction.insertNet(record)
        nets[stored.net] = stored
    }

    /// The stored record of `net`, read once per step: a step that samples a trained net (or
    /// records one) looks it up again for its replay row.
    private mutating func storedNet(_ net: String) throws -> TrainedNetRecord? {
        if let known = nets[net] { return known }
        let record = try transaction.net(net)
        nets[net] = record
        return record
    }

    mutating func appendReplay(net: String, epsilon: Double) throws {
        guard let record = try storedNet(net), record.status == .trained else {
            preconditionFailure("a replay row needs a trained net")
        }
        let row = try transaction.appendReplayRow(netID: record.id, epsilon: epsilon, finishedAt: now, machine: worker.host)
        replayRows.append(sequence: row.sequence, net: net, reward: record.reward ?? 0)
    }

    mutating func lease(net: String, stage: Int) throws -> Int64 {
        let record = try transaction.insertLease(LeaseRecord(
            net: net, stage: stage, epsilon: progress.schedule.steps[stage].epsilon, worker: worker.name, pid: worker.pid, host: worker.host,
            claimedAt: now, heartbeatAt: now))
        leases.append(record)
        return record.id
    }

    /// Persists the Q values the step changed, and the random stream (also marks the experiment as
    /// touched) if the step moved it; a step that decided nothing (the search is finished, or waits
    /// for another worker) writes nothing.
    func save(qValues: [QValueRecord]) throws {
        let moved = generator.state != transaction.experiment.rngState
        guard moved || !qValues.isEmpty else { return }
        try transaction.saveStep(qValues: qValues, rngState: moved ? generator.state : nil, at: now)
    }
}

/// Who holds a lease: this process on this host, and which of its worker threads.
struct WorkerIdentity: Sendable {
    var host: String
    var pid: Int32
    /// Distinguishes successive runs inside one process (tests run several).
    var run: String
    var thread: Int

    /// Worker `thread` of run `run` in this process.
    static func current(run: String, thread: Int) -> WorkerIdentity {
        WorkerIdentity(host: ProcessInfo.processInfo.hostName, pid: getpid(), run: run, thread: thread)
    }

    /// The start of every worker name of this run.
    var runPrefix: String { "\(host):\(pid):\(run):" }

    /// The name stored with leases and trained nets.
    var name: String { runPrefix + "w\(thread + 1)" }

    /// Whether a process with this id exists on this host.
    static func isAlive(pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }
}
