import Datasets
import Foundation
import ModelExport
import NeuralEngine
import SearchSpace
import StoreModel
import Synchronization
import Training

/// `metaqnn finalize`: trains the search's top nets again with the `final` scheme from several seeds,
/// commits each finished (net, seed) with its weights file, then evaluates and stores the ensembles.
///
/// Every check that can fail on user input runs in `init`, before anything is written; a killed run
/// loses only the trainings in flight, and the same request resumes without retraining.
public struct Finalize: Sendable {
    /// The request it was opened with.
    public let request: FinalizeRequest
    /// Every (net, seed) of the selection, by rank then seed.
    public let runs: [FinalistRun]
    /// The training scheme (the `final` preset with the user's flags).
    public let settings: TrainingSettings
    /// The data every finalist trains on.
    public let dataset: DatasetChoice
    /// Normalised splits.
    public let splits: DataSplits
    /// The dataset's name as a progress line shows it.
    public let datasetName: String
    let stored: [FinalistRecord]
    let finalistSettings: FinalistSettings
    let storeDirectory: URL

    /// Opens the experiment, selects the finalists and loads the data; throws before any change
    /// when an input is unusable.
    public init(_ request: FinalizeRequest) throws {
        for (option, value) in [("top", request.top), ("seeds", request.seeds), ("workers", request.workers)] where value < 1 {
            throw FinalizeError.invalidCount(option: option, value: value)
        }
        self.request = request
        // Every check reads an in-memory copy, so a refused run leaves the store file byte for byte as it was.
        let store = try StoreOpening.open(request.store, mode: .readOnly, busyTimeout: request.busyTimeout)
        let experiment = try store.experiment(named: request.experiment)
        // Even with --dataset given: the ranking itself is synthetic.
        if StoredSearchSettings.trainer(settingsJSON: experiment.settingsJSON)?.readsImages == false {
            throw FinalizeError.syntheticAccuracies(experiment: request.experiment)
        }
        if experiment.kind == .search && experiment.status == .running {
            // As `list` tells them apart: a search whose every lease is abandoned was killed, not running.
            let leases = try store.leases(experiment: request.experiment)
            if leases.isEmpty || leases.contains(where: { !$0.isAbandoned() }) {
                throw FinalizeError.searchRunning(experiment: request.experiment)
            }
        }
        let selection = FinalistSelection.top(request.top, of: try store.nets(experiment: request.experiment))
        guard !selection.isEmpty else { throw FinalizeError.noTrainedNets(experiment: request.experiment) }
        runs = selection.flatMap { candidate in
            (1...request.seeds).map { FinalistRun(rank: candidate.rank, net: candidate.net, seed: $0) }
        }
        guard let dataset = request.dataset ?? (try? StoredSearchSettings(json: experiment.settingsJSON))?.configuration.dataset else {
            throw FinalizeError.unknownDataset(experiment: request.experiment)
        }
        self.dataset = dataset
        var settings = request.training(.final)
        try settings.validate()
        settings.threads = max(1, settings.threads)
        self.settings = settings
        finalistSettings = FinalistSettings(dataset: dataset, splitSeed: experiment.seed, training: settings)
        stored = try store.finalists(experiment: request.experiment)
        for record in stored {
            let previous = try? JSONDecoder().decode(FinalistSettings.self, from: Data(record.settingsJSON.utf8))
            let fields = previous.map(finalistSettings.differences(from:)) ?? ["settings"]
            if !fields.isEmpty { throw FinalizeError.settingsChanged(experiment: request.experiment, fields: fields) }
        }
        storeDirectory = try FinalistWeights.root(of: store, serverStoreRoot: request.serverStoreWeightsRoot)
        // A stored finalist whose weights are gone or changed stops the run before hours of training, not after.
        let wanted = Set(runs.map { "\($0.seed) \($0.net)" })
        for record in stored where wanted.contains("\(record.seed) \(record.net)") {
            _ = try FinalistWeights.read(record, root: storeDirectory)
        }
        let sets = try dataset.load()
        splits = try settings.splits(of: sets, seed: experiment.seed)
        datasetName = sets.name
        let input = TensorShape(channels: splits.train.channels, height: splits.train.height, width: splits.train.width)
        for candidate in selection {
            do {
                _ = try NetworkBuilder.network(for: try Architecture(parsing: candidate.net), input: input, classes: splits.classes,
                                               settings: settings, learningRate: settings.learningRate, seed: 0)
            } catch {
                throw FinalizeError.netDoesNotFit(net: candidate.net, reason: "\(error)")
            }
        }
        try FinalistWeights.prepare(folder: storeDirectory.appendingPathComponent(FinalistWeights.folder(experiment: request.experiment)))
    }

    /// Runs that are not stored yet.
    public var pending: [FinalistRun] {
        let done = Set(stored.map { "\($0.seed) \($0.net)" })
        return runs.filter { !done.contains("\($0.seed) \($0.net)") }
    }

    /// Trains every pending run on `request.workers` threads, then evaluates and stores the ensembles
    /// and rewrites the report; `events` is called one at a time, from any thread.
    public func run(events unserialised: @escaping @Sendable (FinalizeEvent) -> Void = { _ in }) throws -> FinalizeOutcome {
        let lock = Mutex(())
        let events: @Sendable (FinalizeEvent) -> Void = { event in lock.withLock { _ in unserialised(event) } }
        let pending = self.pending
        let store = try StoreOpening.open(request.store, mode: .mustExist, busyTimeout: request.busyTimeout)
        let workers = max(1, min(request.workers, pending.count))
        events(.started(runs: runs, stored: runs.count - pending.count, workers: workers))
        let queue = Mutex((next: 0, error: (any Error)?.none))
        let host = ProcessInfo.processInfo.hostName, pid = getpid()
        let finished = DispatchGroup()
        for worker in 0..<(pending.isEmpty ? 0 : workers) {
            finished.enter()
            // Threads with the search workers' 8 MiB stacks rather than dispatch's smaller ones.
            let thread = Thread { [self] in
                defer { finished.leave() }
                while true {
                    let index: Int? = queue.withLock { state in
                        guard state.error == nil, state.next < pending.count else { return nil }
                        state.next += 1
                        return state.next - 1
                    }
                    guard let index else { return }
                    do {
                        try train(pending[index], into: store, worker: worker, name: "\(host):\(pid):w\(worker + 1)", events: events)
                    } catch {
                        queue.withLock { state in if state.error == nil { state.error = error } }
                    }
                }
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        finished.wait()
        if let error = queue.withLock({ $0.error }) { throw error }
        let records = try store.finalists(experiment: request.experiment)
        let wanted = Set(runs.map { "\($0.seed) \($0.net)" })
        let standings = FinalistStanding.rank(records.filter { wanted.contains("\($0.seed) \($0.net)") })
        let ensembles = try FinalistEnsembles.evaluate(standings, splits: splits, settings: settings,
                                                       storeDirectory: storeDirectory, at: Date().timeIntervalSince1970)
        try store.write(experiment: request.experiment) { transaction in try transaction.replaceEnsembles(ensembles) }
        events(.ensembles(ensembles))
        if let directory = request.reportDirectory {
            do {
                try ReportWriter().write(experiment: request.experiment, from: store, storePath: request.store.description,
                                         to: directory)
                events(.reportWritten(directory))
            } catch {
                events(.reportFailed(reason: "\(error)"))
            }
        }
        return FinalizeOutcome(standings: standings, ensembles: ensembles, trained: pending.count)
    }

    /// Trains one run, writes its weights file (whole or not at all), then commits its row.
    private func train(_ run: FinalistRun, into store: any ExperimentStore, worker: Int, name: String, events: @escaping @Sendable (FinalizeEvent) -> Void) throws {
        events(.runStarted(run, worker: worker))
        let trainer = NetTrainer(settings: settings, data: splits)
        let (result, network) = try trainer.trainNetwork(try Architecture(parsing: run.net), seed: UInt64(run.seed)) { progress in
            events(.progress(run, worker: worker, progress))
        }
        let input = network.inputShape
        let metadata = FinalistWeights.metadata(net: run.net, dataset: datasetName, input: input, mean: splits.mean,
                                                std: splits.std, seed: run.seed, experiment: request.experiment)
        let file = FinalistWeights.folder(experiment: request.experiment) + "/"
            + FinalistWeights.fileName(rank: run.rank, seed: run.seed, net: run.net)
        let checksum = try FinalistWeights.write(Safetensors.encode(network.namedParameters(), metadata: metadata),
                                                 to: storeDirectory.appendingPathComponent(file))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let record = FinalistRecord(
            selectionRank: run.rank, net: run.net, seed: run.seed, settingsJSON: finalistSettings.json(),
            epochsJSON: String(decoding: try encoder.encode(result.epochs), as: UTF8.self),
            bestValidationAccuracy: result.bestValidationAccuracy, lastValidationAccuracy: result.lastValidationAccuracy,
            testAccuracyAtBest: result.testAccuracyAtBest, testAccuracyAtLast: result.testAccuracyAtLast,
            parameterCount: result.parameterCount, forwardFLOPs: result.forwardFLOPs, seconds: result.seconds,
            weightsFile: file, weightsSHA256: checksum, normalizationMean: splits.mean, normalizationStd: splits.std,
            worker: name, finishedAt: Date().timeIntervalSince1970)
        do {
            let stored = try store.write(experiment: request.experiment) { transaction in try transaction.insertFinalist(record) }
            events(.runFinished(run, stored))
        } catch StoreError.duplicateFinalist {
            // Another process finished the same (net, seed) first; same settings and seed, so the same weights.
        }
    }
}
