import Foundation
import QLearning
import SearchSpace
import StoreModel
import Training

/// `SearchBackend` on the replay store: every call is one write transaction that loads the search
/// state (random stream, replay rows, Q values; a claim also the stage counts and leases), runs the
/// step logic, and saves what changed (the README's "What one step does").
///
/// A call whose connection to a server store breaks runs once more (`ConnectionRetry`). Only the
/// commit's answer can be lost after the commit itself, so the retried claim first looks for a
/// lease this worker already holds and the retried record for the net this worker already
/// recorded. A second loss ends the worker with the store's sentence.
struct StoreSearchBackend: SearchBackend {
    let store: any ExperimentStore
    let experiment: String
    let configuration: SearchConfiguration
    /// Seconds without a heartbeat after which another host's lease counts as dead.
    var staleAfter = LeaseRecord.staleAfter
    /// This run's token in worker names.
    let run = String(UInt64.random(in: 0...UInt64.max), radix: 36)
    /// The replay rows the last committed step of this run knew, shared by its workers.
    private let replayRows = ReplayRewards.Shared()

    /// Runs `body` with a fresh ledger and agent in one transaction, then saves the random stream
    /// and the Q values the step changed. The step reads the Q values of the states it touches
    /// only (`LearnerAgent`), and of the replay rows only those appended since this run's last step.
    private func step<T>(worker: Int, half: StoreLedger.Half,
                         _ body: (inout StoreLedger, inout LearnerAgent) throws -> T) throws -> T {
        let known = replayRows.known
        let (result, rows) = try store.write(experiment: experiment) { transaction in
            var ledger = try StoreLedger(transaction: transaction, half: half, schedule: configuration.space.epsilonSchedule,
                                         worker: .current(run: run, thread: worker), staleAfter: staleAfter, known: known)
            let experiment = experiment
            var agent = LearnerAgent(space: StateSpace(settings: configuration.space)) { states in
                try transaction.qValues(states: states.map(StoredLayerState.init)).map {
                    try QTable.Row(storeRecord: $0, experiment: experiment)
                }
            }
            let result = try body(&ledger, &agent)
            try ledger.save(qValues: agent.changedRows.map(\.storeRecord))
            return (result, ledger.replayRows)
        }
        // Only what committed is kept: a step that threw appended nothing.
        replayRows.keep(rows)
        return result
    }

    func claim(worker: Int) throws -> SearchStep.Claim {
        try ConnectionRetry.once { isRetry in
            // A worker holds no lease when it claims; one under its name is the claim whose commit
            // went through before the connection broke.
            if isRetry, let held = try store.leases(experiment: experiment)
                .first(where: { $0.worker == WorkerIdentity.current(run: run, thread: worker).name }) {
                return .train(net: held.net, stage: held.stage, epsilon: held.epsilon, lease: held.id, retry: false)
            }
            return try step(worker: worker, half: .claim) { ledger, agent in
                try SearchStep.claim(ledger: &ledger, agent: &agent, replayNumber: configuration.space.replayNumber)
            }
        }
    }

    func record(lease: Int64, stage: Int, epsilon: Double, result: TrainingResult, predictedAccuracy: Double?,
                worker: Int) throws -> Bool {
        precondition((result.stoppedAfterEpoch == nil) == (predictedAccuracy == nil), "a net stopped early has a predicted accuracy")
        let identity = WorkerIdentity.current(run: run, thread: worker)
        return try ConnectionRetry.once { isRetry in try step(worker: worker, half: .record) { ledger, agent in
            // A lease released by Ctrl-C (or adopted by another worker after a long silence) is not
            // ours to record; on a retry, a gone lease whose net this worker stored is the record
            // whose commit went through, and it is not inserted twice.
            guard try ledger.transaction.deleteLease(id: lease) else {
                return try isRetry && ledger.transaction.net(result.net)?.worker == identity.name
            }
            let epochs = String(decoding: (try? JSONEncoder().encode(result.epochs)) ?? Data("[]".utf8), as: UTF8.self)
            try ledger.insertNet(TrainedNetRecord(
                net: result.net, status: .trained, stage: stage, epsilon: epsilon,
                bestValidationAccuracy: result.bestValidationAccuracy, bestValidationIteration: result.bestValidationIteration,
                lastValidationAccuracy: result.lastValidationAccuracy, lastValidationIteration: result.lastValidationIteration,
                testAccuracyAtBest: result.testAccuracyAtBest, testAccuracyAtLast: result.testAccuracyAtLast,
                parameterCount: result.parameterCount, forwardFLOPs: result.forwardFLOPs, epochsJSON: epochs,
                attempts: result.attempts, learned: result.learned, seconds: result.seconds, worker: identity.name,
                finishedAt: Date().timeIntervalSince1970, stoppedAfterEpoch: result.stoppedAfterEpoch,
                predictedAccuracy: predictedAccuracy))
            try ledger.appendReplay(net: result.net, epsilon: epsilon)
            try SearchStep.recorded(stage: stage, ledger: &ledger, agent: &agent,
                                    replayNumber: configuration.space.replayNumber)
            return true
        } }
    }

    func fail(lease: Int64, net: String, reason: String) throws {
        // Idempotent: a retry after a commit that went through finds the lease gone.
        try ConnectionRetry.once { _ in try store.write(experiment: experiment) { transaction in
            guard let record = try transaction.leases().first(where: { $0.id == lease }) else { return }
            try transaction.deleteLease(id: lease)
            _ = try transaction.insertNet(TrainedNetRecord(
                net: net, status: .failed, stage: record.stage, epsilon: record.epsilon, worker: record.worker,
                failure: reason, finishedAt: Date().timeIntervalSince1970))
        } }
    }

    func heartbeat(lease: Int64) throws {
        try store.heartbeat(lease: lease, at: Date().timeIntervalSince1970)
    }

    /// The worker name of a released lease: no process owns it, so the next claim adopts it.
    static let released = "released"

    func release(leases: [Int64]) throws {
        guard !leases.isEmpty else { return }
        try ConnectionRetry.once { _ in try store.write(experiment: experiment) { transaction in
            // Kept as an orphan rather than deleted: the next claim (of any run) trains exactly
            // this net first, so an interrupted search continues the same random stream.
            for lease in leases {
                _ = try transaction.reassignLease(id: lease, worker: Self.released, pid: 0, host: "", at: 0)
            }
        } }
    }

    func releaseAll() throws {
        let prefix = WorkerIdentity.current(run: run, thread: 0).runPrefix
        let held = try ConnectionRetry.once { _ in try store.leases(experiment: experiment) }.filter { $0.worker.hasPrefix(prefix) }.map(\.id)
        try release(leases: held)
    }

    /// Whether every stage has its unique nets and no lease is left, so a run would change nothing.
    func isComplete() throws -> Bool {
        try ConnectionRetry.once { _ in
            guard try store.leases(experiment: experiment).isEmpty else { return false }
            let trained = try store.nets(experiment: experiment).filter { $0.status == .trained }
            return EpsilonProgress(schedule: configuration.space.epsilonSchedule, stepsOfTrainedNets: trained.map(\.stage)).isFinished
        }
    }

    func storedNets() throws -> [TrainedNetRecord] {
        try ConnectionRetry.once { _ in try store.nets(experiment: experiment) }
    }

    func status() throws -> SearchStatus {
        // Counted by the store: a worker asks after every step, so reading every net would cost more as the search grows.
        let tally = try ConnectionRetry.once { _ in try store.searchTally(experiment: experiment) }
        return SearchStatus.of(schedule: configuration.space.epsilonSchedule, tally: tally, epochs: configuration.training.epochs)
    }
}

extension SearchStatus {
    /// Where a search with `schedule`, whose nets train for `epochs` epochs, stands given its store's tally.
    static func of(schedule: EpsilonSchedule, tally: SearchTally, epochs: Int) -> SearchStatus {
        let progress = EpsilonProgress(schedule: schedule, counts: schedule.steps.indices.map { tally.trainedByStage[$0, default: 0] })
        let stage = progress.displayedStepIndex
        var status = SearchStatus(
            epsilon: schedule.steps[stage].epsilon, stage: stage, stageDone: progress.counts[stage],
            stageTarget: schedule.steps[stage].models, modelsDone: progress.trained, modelsTotal: schedule.totalModels,
            replayRows: tally.replayRows, bestNet: tally.best?.net, bestAccuracy: tally.best?.reward)
        status.stoppedEarly = tally.stoppedEarly
        status.epochsSaved = tally.stoppedEarly * epochs - tally.stoppedAfterEpochs
        return status
    }
}
