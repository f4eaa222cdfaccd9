import Datasets
import Foundation
import LearningCurves
import SearchSpace
import StoreModel
import Synchronization
import Training

/// A MetaQNN search on one experiment of a replay store: resolves and checks its settings,
/// loads the data, then runs workers until the ε schedule is done or it is cancelled.
public struct Search: Sendable {
    /// The settings the search runs with (stored ones when resuming).
    public let configuration: SearchConfiguration
    /// Whether the experiment already existed.
    public let resumed: Bool
    /// The request it was opened from.
    public let request: SearchRequest
    let store: any ExperimentStore
    /// The splits every worker trains on; nil when the trainer reads no images.
    let splits: DataSplits?

    /// Opens (or creates) the experiment, refusing changed settings or dataset files, and prepares the data splits.
    ///
    /// Everything that can fail (the stored experiment, the settings, the data and its fingerprint)
    /// is read and checked before the store is opened for writing, so a refused search leaves an
    /// existing store exactly as it was and creates no file.
    public init(_ request: SearchRequest, command: String? = nil) throws {
        guard request.workers >= 1 else { throw SearchError.invalidWorkers(request.workers) }
        self.request = request
        let (reader, existing) = try Self.storedExperiment(request)
        var prepared = try Self.prepare(request, existing: existing, loaded: nil)
        var resumed = existing != nil
        if let reader, existing?.status == .finished,
           try StoreSearchBackend(store: reader, experiment: request.experiment, configuration: prepared.configuration).isComplete() {
            // Nothing left to do: the store is not even opened for writing (opening it writes).
            (self.configuration, self.store, self.resumed, self.splits) = (prepared.configuration, reader, resumed, prepared.splits)
            return
        }
        let store = try StoreOpening.open(request.store, mode: .createIfMissing, busyTimeout: request.busyTimeout)
        if existing == nil {
            let now = Date().timeIntervalSince1970
            let configuration = prepared.configuration
            let settings = StoredSearchSettings(dataset: configuration.trainer.describe(configuration.dataset), command: command,
                                                configuration: configuration, datasetFingerprint: prepared.fingerprint)
            do {
                try store.createExperiment(ExperimentRecord(
                    name: request.experiment, kind: .search, status: .running, seed: configuration.seed,
                    searchSpaceJSON: String(decoding: configuration.space.jsonData(), as: UTF8.self),
                    settingsJSON: settings.json(), rngState: configuration.seed, createdAt: now, updatedAt: now))
            } catch StoreError.experimentExists {
                // Another process started the same experiment a moment ago: join it as one more
                // worker if its settings and data are ours, else refuse as any resume with other ones.
                let winner = try store.experiment(named: request.experiment)
                prepared = try Self.prepare(request, existing: winner, loaded: prepared.input)
                resumed = true
            }
        }
        self.configuration = prepared.configuration
        self.store = store
        self.resumed = resumed
        self.splits = prepared.splits
    }

    /// The store read-only and the experiment as stored, read without writing; nil when the store
    /// or the experiment does not exist yet (an empty file, or a database without the metaqnn
    /// schema, is a store still to be made).
    private static func storedExperiment(_ request: SearchRequest) throws -> ((any ExperimentStore)?, ExperimentRecord?) {
        if let path = request.store.filePath, !FileManager.default.fileExists(atPath: path) { return (nil, nil) }
        do {
            let reader = try StoreOpening.open(request.store, mode: .readOnly, busyTimeout: request.busyTimeout)
            return (reader, try reader.experimentIfPresent(named: request.experiment))
        } catch StoreError.notAStore {
            return (nil, nil)
        } catch StoreError.missing {
            return (nil, nil)
        }
    }

    /// A configuration with what its trainer reads: the data, its splits and its fingerprint.
    private struct Prepared {
        var configuration: SearchConfiguration
        var input: TrainerInput
        var splits: DataSplits?
        var fingerprint: DatasetFingerprint?
    }

    /// The configuration to run with and its data, checked against `existing`'s stored settings and
    /// dataset fingerprint. `loaded` is data already read, reused when the dataset is the same.
    private static func prepare(_ request: SearchRequest, existing: ExperimentRecord?, loaded: TrainerInput?) throws -> Prepared {
        var stored: StoredSearchSettings?
        if let existing {
            guard existing.kind == .search else { throw SearchError.importedExperiment(name: request.experiment) }
            do { stored = try StoredSearchSettings(json: existing.settingsJSON) } catch {
                throw SearchError.unreadableSettings(experiment: request.experiment, reason: decodingReason(error))
            }
        }
        var configuration = try request.resolve(stored: stored?.configuration)
        try configuration.trainer.validate()
        // Before any data is read: another trainer reads other data (or none), which must not be loaded to refuse it.
        if let stored, stored.configuration.trainer != configuration.trainer {
            throw SearchError.settingsChanged(experiment: request.experiment,
                                              fields: ["trainer: \(stored.configuration.trainer), not \(configuration.trainer)"])
        }
        let input = try TrainerInput.load(configuration.dataset, for: configuration.trainer, reusing: loaded)
        if let sets = input.sets {
            // Classes and channels are the data's; only the input side is a choice that must match.
            configuration.space.classes = sets.train.classes
            configuration.space.inputChannels = sets.train.channels
            guard configuration.space.inputSize == sets.train.height, sets.train.height == sets.train.width else {
                throw SearchError.inputMismatch(space: configuration.space.name, inputSize: configuration.space.inputSize,
                                                dataset: sets.name, height: sets.train.height, width: sets.train.width)
            }
        }
        try configuration.space.validate()
        try configuration.space.epsilonSchedule.validate()
        try configuration.training.validate()
        if let rule = configuration.earlyStopping {
            guard rule.threshold > 0, rule.threshold < 1 else { throw SearchError.earlyStopThreshold(rule.threshold) }
            guard rule.burnIn >= CurvePredictor.minimumCurves else {
                throw SearchError.earlyStopBurnIn(rule.burnIn, minimum: CurvePredictor.minimumCurves)
            }
            guard configuration.training.epochs >= 2 else { throw SearchError.earlyStopEpochs(configuration.training.epochs) }
        }
        if existing == nil { try configuration.space.validateForNewSearch() }
        if let stored, stored.configuration != configuration {
            throw SearchError.settingsChanged(experiment: request.experiment,
                                              fields: configuration.differences(from: stored.configuration))
        }
        let splits = try input.splits(configuration)
        let fingerprint = input.fingerprint(splits: splits)
        // An experiment stored without a fingerprint (older, or one that reads no files) is not checked.
        if let expected = stored?.datasetFingerprint, let fingerprint, let mismatch = fingerprint.difference(from: expected) {
            throw SearchError.datasetChanged(experiment: request.experiment, file: mismatch.file, difference: mismatch.difference)
        }
        return Prepared(configuration: configuration, input: input, splits: splits, fingerprint: fingerprint)
    }

    /// How a run ended, and where the search stands.
    public struct Outcome: Sendable {
        /// True when every stage has its unique nets; false when cancelled.
        public var completed: Bool
        /// The final status.
        public var status: SearchStatus
        /// The report folder, if one was written.
        public var report: URL?
    }

    /// Runs the search; `events` is called one at a time, from any thread.
    public func run(cancellation: SearchCancellation,
                    events unserialised: @escaping @Sendable (SearchEvent) -> Void = { _ in }) throws -> Outcome {
        let lock = Mutex(())
        let events: @Sendable (SearchEvent) -> Void = { event in lock.withLock { _ in unserialised(event) } }
        let backend = StoreSearchBackend(store: store, experiment: request.experiment, configuration: configuration)
        let workers = request.workers
        var settings = configuration.training
        settings.threads = request.threadsPerWorker ?? max(1, ProcessInfo.processInfo.activeProcessorCount / workers)
        if try backend.isComplete() {
            // Nothing to train: a finished search is left exactly as it is (its times included).
            if try store.experiment(named: request.experiment).status != .finished { try setStatus(.finished) }
            reportWriter(events)?()
            return Outcome(completed: true, status: try backend.status(), report: request.reportDirectory)
        }
        try setStatus(.running)
        events(.started(experiment: request.experiment, resumed: resumed, workers: workers, status: try backend.status()))
        let writeReport = reportWriter(events)
        let trainer = TrainerInput.trainer(configuration, settings: settings, splits: splits)
        let runner = SearchRunner(backend: backend, seed: configuration.seed, workers: workers, trainer: trainer,
                                  writeReport: writeReport, reportEvery: request.reportEvery,
                                  earlyStopping: configuration.earlyStopping)
        let ending: SearchRunner.Ending
        do {
            ending = try runner.run(cancellation: cancellation, events: events)
        } catch {
            try? setStatus(.stopped)
            writeReport?()
            throw error
        }
        try setStatus(ending == .completed ? .finished : .stopped)
        // After the status, so the final report says finished (or stopped).
        writeReport?()
        return Outcome(completed: ending == .completed, status: try backend.status(), report: request.reportDirectory)
    }

    private func setStatus(_ status: ExperimentRecord.Status) throws {
        try ConnectionRetry.once { _ in
            try store.write(experiment: request.experiment) { transaction in
                try transaction.setStatus(status, at: transaction.experiment.updatedAt)
            }
        }
    }

    private func reportWriter(_ events: @escaping @Sendable (SearchEvent) -> Void) -> (@Sendable () -> Void)? {
        guard let directory = request.reportDirectory else { return nil }
        let store = store, experiment = request.experiment, path = request.store.description
        return {
            do {
                try ReportWriter().write(experiment: experiment, from: store, storePath: path, to: directory)
                events(.reportWritten(directory))
            } catch {
                events(.reportFailed(reason: "\(error)"))
            }
        }
    }
}
