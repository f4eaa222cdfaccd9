import Datasets
import Foundation
import LearningCurves
import SearchSpace
import Synchronization
import Training

/// Runs N training workers (threads) against one store until the ε schedule is done or the
/// search is cancelled; every decision goes through `SearchBackend` transactions.
struct SearchRunner: Sendable {
    /// The store-backed transactions.
    var backend: any SearchBackend
    /// The search seed, from which every net's training seed is derived.
    var seed: UInt64
    /// Worker threads.
    var workers: Int
    /// What every worker trains its leased nets with (its settings' `threads` is per worker).
    var trainer: any NetTraining
    /// Seconds between lease heartbeats while a net trains.
    var heartbeatInterval: Double = 5
    /// Called on the waiting thread every `reportEvery` newly recorded models (the caller writes the final one).
    var writeReport: (@Sendable () -> Void)?
    /// Newly recorded models between report rewrites.
    var reportEvery: Int = 10
    /// Early stopping (Δ and B), or nil when every net trains to the end.
    var earlyStopping: StoppingRule?

    /// How a run ended.
    enum Ending: Equatable, Sendable {
        /// Every stage has its unique nets.
        case completed
        /// Cancelled; the in-flight leases were released.
        case cancelled
    }

    /// Runs the workers; `events` is called from several threads and must serialise itself.
    func run(cancellation: SearchCancellation, events: @escaping @Sendable (SearchEvent) -> Void) throws -> Ending {
        let pool = WorkerPool()
        let emit = events
        let rate = RateMeter(initial: try backend.status())
        for worker in 0..<workers {
            let thread = Thread { [self] in
                do {
                    try work(worker: worker, pool: pool, rate: rate, emit: emit)
                    pool.workerFinished(error: nil)
                } catch {
                    pool.workerFinished(error: error)
                }
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        var reportedAt = 0
        while true {
            let finished = pool.finished
            if cancellation.isCancelled || finished.error != nil {
                try backend.release(leases: pool.close())
                // A worker may have leased a net between its last claim and the close; no thread of
                // this run records anything after the close, so whatever the run still holds goes back.
                try backend.releaseAll()
                if let error = finished.error { throw error }
                return .cancelled
            }
            if finished.count == workers {
                return .completed
            }
            let done = rate.trainedCount
            if done - reportedAt >= reportEvery {
                reportedAt = done
                writeReport?()
            }
            usleep(50_000)
        }
    }

    private func work(worker: Int, pool: WorkerPool, rate: RateMeter,
                      emit: @Sendable (SearchEvent) -> Void) throws {
        let epochs = trainer.settings.epochs
        var stopping = earlyStopping.map { SearchEarlyStopping(rule: $0, horizon: epochs) }
        while true {
            guard pool.beginTransaction() else { return }
            let claim: SearchStep.Claim
            do {
                defer { pool.endTransaction() }
                claim = try backend.claim(worker: worker)
            }
            switch claim {
            case .finished:
                return
            case .wait:
                usleep(100_000)
            case let .cached(net, reward, epsilon):
                emit(.cached(net: net, accuracy: reward, epsilon: epsilon, status: rate.annotate(try backend.status())))
            case let .train(net, stage, epsilon, lease, retry):
                guard pool.startTraining(worker: worker, lease: lease) else {
                    try backend.release(leases: [lease])
                    return
                }
                emit(.training(worker: worker, net: net, epsilon: epsilon, retry: retry))
                // Read after the claim, before the first epoch: the decision depends on what was stored then.
                var stopper: EarlyStopper?
                if stopping != nil { stopper = stopping!.stopper(records: try backend.storedNets()) }
                let outcome = train(net, lease: lease, stopper: stopper)
                guard pool.finishTraining(worker: worker) else { return }
                defer { pool.endTransaction() }
                switch outcome {
                case let .success(result, prediction):
                    let predicted = prediction.map(SearchEarlyStopping.reward)
                    if try backend.record(lease: lease, stage: stage, epsilon: epsilon, result: result,
                                          predictedAccuracy: predicted, worker: worker) {
                        rate.count()
                        let status = rate.annotate(try backend.status())
                        if let epoch = result.stoppedAfterEpoch, let predicted {
                            emit(.stoppedEarly(net: net, afterEpoch: epoch, epochs: epochs, predicted: predicted,
                                               seconds: result.seconds, epsilon: epsilon, status: status))
                        } else {
                            emit(.trained(net: net, accuracy: result.bestValidationAccuracy, seconds: result.seconds,
                                          epsilon: epsilon, status: status))
                        }
                    }
                case let .failure(reason):
                    try backend.fail(lease: lease, net: net, reason: reason)
                    emit(.failed(net: net, reason: reason))
                }
            }
        }
    }

    private enum TrainingOutcome {
        /// Trained; `prediction` is ŷ_T when the net was stopped early.
        case success(TrainingResult, prediction: Prediction?)
        case failure(String)
    }

    /// Trains `net` from its derived seed, heartbeating the lease, asking `stopper` after every epoch
    /// when early stopping is on; a net that cannot be built is a failure.
    private func train(_ net: String, lease: Int64, stopper: EarlyStopper?) -> TrainingOutcome {
        let architecture: Architecture
        do {
            architecture = try Architecture(parsing: net)
        } catch {
            return .failure(error.description)
        }
        let clock = ContinuousClock()
        var lastBeat = clock.now
        var prediction: Prediction?
        let stopAfter = stopper.map { stopper in
            { (check: EpochCheck) -> Bool in
                prediction = SearchEarlyStopping.decide(stopper, net: architecture, check: check)
                return prediction != nil
            }
        }
        do {
            let result = try trainer.train(architecture, seed: TrainingSeed.derive(searchSeed: seed, net: net), progress: { _ in
                guard lastBeat.duration(to: clock.now) > .seconds(heartbeatInterval) else { return }
                lastBeat = clock.now
                try? backend.heartbeat(lease: lease)
            }, stopAfter: stopAfter)
            return .success(result, prediction: result.stoppedAfterEpoch == nil ? nil : prediction)
        } catch {
            return .failure(error.description)
        }
    }
}

/// Models per hour and time to go, measured over this run only (a resumed run starts afresh).
final class RateMeter: Sendable {
    private let started = ContinuousClock.now
    private let trained = Atomic<Int>(0)

    init(initial: SearchStatus) {}

    /// Models trained in this run.
    var trainedCount: Int { trained.load(ordering: .relaxed) }

    /// Counts one newly trained model.
    func count() { trained.add(1, ordering: .relaxed) }

    /// `status` with this run's rate and the time left at that rate.
    func annotate(_ status: SearchStatus) -> SearchStatus {
        var status = status
        let models = trained.load(ordering: .relaxed)
        let elapsed = started.duration(to: .now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        guard models > 0, seconds > 0 else { return status }
        let perHour = Double(models) / seconds * 3600
        status.modelsPerHour = perHour
        status.etaSeconds = Double(max(0, status.modelsTotal - status.modelsDone)) / perHour * 3600
        return status
    }
}
