import Foundation
import ReplayStore
import SearchSpace
import Testing
import Training
@testable import Designer

/// `--trainer synthetic`: the documented accuracy rule, and real searches (threads and processes) run with it.
@Suite("Synthetic trainer")
struct SyntheticTrainerTests {
    static func trainer(epochs: Int = 4) -> SyntheticTrainer {
        SyntheticTrainer(settings: TrainingSettings(epochs: epochs), delay: 0, inputSize: 8, inputChannels: 1, classes: 10)
    }

    @Test("The net-string hash is 64-bit FNV-1a (published test vectors)")
    func hashIsFNV1a() {
        #expect(TrainingSeed.hash("") == 0xCBF2_9CE4_8422_2325)
        #expect(TrainingSeed.hash("a") == 0xAF63_DC4C_8601_EC8C)
        #expect(TrainingSeed.hash("foobar") == 0x8594_4171_F739_67E8)
    }

    @Test("Accuracy follows the documented rule: 0.5 + 0.03·min(L, 10) + 0.15·u, u from the hash of the canonical string")
    func accuracyRule() throws {
        let net = try Architecture(parsing: "[C(8,3,1), P(2,2), D(1,2), FC(64), D(2,2), SM(10)]")
        var generator = SplitMix64(seed: TrainingSeed.hash(net.description))
        let unit = Double(generator.next() >> 11) / 9_007_199_254_740_992
        #expect(SyntheticTrainer.accuracy(of: net) == 0.5 + 0.03 * 3 + 0.15 * unit, "three layers besides dropout and SM")
        #expect(SyntheticTrainer.accuracy(of: try Architecture(parsing: "[SM(10)]")) < 0.65)
        let deep = try Architecture(parsing: "[" + Array(repeating: "C(8,1,1)", count: 12).joined(separator: ", ") + ", SM(10)]")
        #expect(SyntheticTrainer.accuracy(of: deep) >= 0.8, "depth counts up to 10 layers")
    }

    @Test("The curve rises from near chance to the final accuracy at the last epoch; test equals validation")
    func curve() throws {
        let net = try Architecture(parsing: "[C(16,3,1), GAP(10), SM(10)]")
        let result = try Self.trainer().train(net, seed: 1, progress: { _ in }, stopAfter: nil)
        let values = result.epochs.map(\.validationAccuracy)
        #expect(values.count == 4 && zip(values, values.dropFirst()).allSatisfy { $0 < $1 })
        #expect(result.bestValidationAccuracy == SyntheticTrainer.accuracy(of: net))
        #expect(abs(values[3] - SyntheticTrainer.accuracy(of: net)) < 1e-12 && result.bestValidationIteration == 4)
        #expect(result.testAccuracyAtBest == result.bestValidationAccuracy && result.learned && result.attempts == 1)
        let cost = try NetworkCost(of: net, inputSize: 8, inputChannels: 1)
        #expect(result.parameterCount == cost.parameters && result.forwardFLOPs == cost.forwardFLOPs)
        let again = try Self.trainer().train(net, seed: 99, progress: { _ in }, stopAfter: nil)
        #expect(again.epochs.map(\.validationAccuracy) == values, "the seed does not change a net's score")
    }

    @Test("Early stopping is asked after every epoch but the last and ends the curve where it answers yes")
    func stopsEarly() throws {
        let net = try Architecture(parsing: "[C(16,3,1), SM(10)]")
        var asked: [Int] = []
        let result = try Self.trainer(epochs: 5).train(net, seed: 1, progress: { _ in }) { check in
            asked.append(check.epochs.count)
            return check.epochs.count == 3
        }
        #expect(asked == [1, 2, 3] && result.stoppedAfterEpoch == 3 && result.epochs.count == 3)
        var all: [Int] = []
        _ = try Self.trainer(epochs: 5).train(net, seed: 1, progress: { _ in }) { all.append($0.epochs.count); return false }
        #expect(all == [1, 2, 3, 4])
    }

    @Test("The delay is slept in slices of at most a second, each a progress event, so the lease keeps its heartbeat")
    func delayReportsProgress() throws {
        var trainer = Self.trainer(epochs: 2)
        trainer.delay = 2.2
        var batches: [(Int, Int, Int)] = []
        _ = try trainer.train(try Architecture(parsing: "[SM(10)]"), seed: 1, progress: { event in
            if case let .batch(batch) = event { batches.append((batch.epoch, batch.batch, batch.batches)) }
        }, stopAfter: nil)
        #expect(batches.map(\.0) == [1, 1, 2, 2] && batches.map(\.1) == [1, 2, 1, 2] && batches.allSatisfy { $0.2 == 2 },
                "1.1 s per epoch: two slices each")
    }

    /// The tiny search of `SearchFixtures` with the synthetic trainer instead of the generated images.
    static func request(_ folder: URL, seed: UInt64 = 5) throws -> SearchRequest {
        var request = try SearchFixtures.request(folder, seed: seed)
        (request.dataset, request.inputSize, request.trainer, request.syntheticDelay) = (nil, nil, .synthetic, 0)
        return request
    }

    @Test("One worker and a seed give the same nets, replay rows and Q table; every net scores by the rule")
    func deterministic() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let snapshots = try SearchFixtures.twoRuns(in: directory, experiment: "tiny", models: 14) { try Self.request($0) }
        #expect(snapshots[0] == snapshots[1])
        #expect(snapshots[0].nets.count == 14 && snapshots[0].leases == 0 && !snapshots[0].qValues.isEmpty)
        let store = try ReplayStore(path: directory.appendingPathComponent("a/tiny.sqlite").path, mode: .readOnly)
        for record in try store.nets(experiment: "tiny") {
            #expect(record.bestValidationAccuracy == SyntheticTrainer.accuracy(of: try Architecture(parsing: record.net)))
        }
        let settings = try StoredSearchSettings(json: try store.experiment(named: "tiny").settingsJSON)
        #expect(settings.configuration.trainer == .synthetic(delay: 0) && settings.configuration.dataset == .noImages)
        #expect(settings.datasetFingerprint == nil, "no files were read")
    }

    @Test("With --early-stop the stopper sees the synthetic curves: the same stops and rewards on every run")
    func earlyStopping() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let snapshots = try SearchFixtures.twoRuns(in: directory, experiment: "tiny", models: 20) { folder in
            var request = try Self.request(folder)
            request.schedule = try EpsilonSchedule(parsing: "1.0:12,0.5:8")
            request.training = SearchFixtures.epochs(4)
            request.earlyStopping = SearchRequest.earlyStop(burnIn: 5)
            return request
        }
        #expect(snapshots[0] == snapshots[1])
        let stopped = snapshots[0].nets.filter { $0.contains("stopped=") }
        #expect(!stopped.isEmpty && stopped.allSatisfy { $0.contains("predicted=") }, "\(snapshots[0].nets)")
    }

    @Test("Resuming with the engine is refused before any data is read, and the store keeps its bytes")
    func resumeWithEngineRefused() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try Search(Self.request(directory)).run(cancellation: SearchCancellation())
        let store = directory.appendingPathComponent("tiny.sqlite")
        let before = try BadInputFolder.sha256(of: store)
        var engine = try Self.request(directory)
        engine.trainer = .engine
        #expect(throws: SearchError.settingsChanged(experiment: "tiny", fields: ["trainer: synthetic (0.0 s per net), not engine"])) {
            try Search(engine)
        }
        #expect(try BadInputFolder.sha256(of: store) == before)
    }

    @Test("Two worker processes with the synthetic trainer fill every ε stage exactly and never train a net twice",
          .enabled(if: MetaqnnProcess.executable != nil, "the metaqnn executable is not built; run `swift build` first"))
    func twoProcesses() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = directory.appendingPathComponent("load.sqlite")
        let arguments = ["search", "--experiment", "load", "--store", store.path, "--trainer", "synthetic", "--synthetic-delay", "0.02",
                         "--layer-limit", "3", "--schedule", "1.0:30,0.5:20,0.1:10", "--replay-number", "16", "--seed", "9",
                         "--workers", "2", "--report-dir", directory.appendingPathComponent("report").path]
        let (a, outA, errA) = try MetaqnnProcess.start(arguments, in: directory)
        while ((try? String(contentsOf: outA, encoding: .utf8)) ?? "").isEmpty && a.isRunning { usleep(5_000) }
        let (b, outB, errB) = try MetaqnnProcess.start(arguments, in: directory)
        a.waitUntilExit()
        b.waitUntilExit()
        let errors = [errA, errB].map { (try? String(contentsOf: $0, encoding: .utf8)) ?? "" }
        #expect(a.terminationStatus == 0 && b.terminationStatus == 0, "\(errors)")
        let lines = [outA, outB].flatMap { ((try? String(contentsOf: $0, encoding: .utf8)) ?? "").split(separator: "\n") }
        let trained = lines.filter { $0.contains("] training ") }
        #expect(trained.count == 60 && Set(trained.map { $0.split(separator: " ")[2...].prefix { $0 != "at" } }).count == 60)
        let reader = try ReplayStore(path: store.path, mode: .readOnly)
        let nets = try reader.nets(experiment: "load")
        #expect(nets.count == 60 && Set(nets.map(\.net)).count == 60, "no net trained twice")
        #expect([0, 1, 2].map { stage in nets.filter { $0.stage == stage }.count } == [30, 20, 10], "exact unique counts per ε")
        #expect(try reader.leases(experiment: "load").isEmpty && reader.integrityProblems().isEmpty)
        #expect(try reader.replayEntries(experiment: "load").count >= 60)
        let report = try String(contentsOf: directory.appendingPathComponent("report/README.md"), encoding: .utf8)
        #expect(report.contains("Every accuracy of this experiment is synthetic"))
    }
}
