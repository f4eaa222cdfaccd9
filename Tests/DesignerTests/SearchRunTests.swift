import Foundation
import ReplayStore
import Synchronization
import Testing
import Training
@testable import Designer

@Suite("Search runs in process")
struct SearchRunTests {
    @Test("One worker and a seed give the same nets, the same replay rows and the same Q table")
    func deterministic() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let snapshots = try SearchFixtures.twoRuns(in: directory, experiment: "tiny", models: 14) { try SearchFixtures.request($0) }
        #expect(snapshots[0] == snapshots[1])
        #expect(snapshots[0].nets.count == 14 && snapshots[0].leases == 0 && snapshots[0].problems.isEmpty)
        #expect(snapshots[0].replays.count >= 14, "every trained net has a replay row, repeats add more")
        // Another seed takes another path through the space.
        let other = directory.appendingPathComponent("c")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        _ = try Search(SearchFixtures.request(other, seed: 6)).run(cancellation: SearchCancellation())
        #expect(try SearchFixtures.snapshot(store: other.appendingPathComponent("tiny.sqlite")).replays != snapshots[0].replays)
    }

    @Test("Two worker threads on one store never train the same net twice and fill every stage exactly")
    func twoWorkers() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let trained = Mutex<[String]>([])
        let outcome = try Search(SearchFixtures.request(directory, workers: 2)).run(cancellation: SearchCancellation()) { event in
            if case let .training(_, net, _, _) = event { trained.withLock { $0.append(net) } }
        }
        let nets = trained.withLock { $0 }
        #expect(outcome.completed)
        #expect(nets.count == 14 && Set(nets).count == 14, "each training event is a different net")
        let store = try ReplayStore(path: directory.appendingPathComponent("tiny.sqlite").path, mode: .mustExist)
        let records = try store.nets(experiment: "tiny")
        #expect(records.filter { $0.stage == 0 }.count == 8 && records.filter { $0.stage == 1 }.count == 6)
        #expect(try store.leases(experiment: "tiny").isEmpty && store.integrityProblems().isEmpty)
    }

    @Test("Resuming with a different search space is refused, naming the changed setting")
    func changedSettings() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try Search(SearchFixtures.request(directory)).run(cancellation: SearchCancellation())
        var changed = try SearchFixtures.request(directory)
        changed.layerLimit = 3
        do {
            _ = try Search(changed)
            Issue.record("a changed layer limit was accepted")
        } catch let error as SearchError {
            guard case let .settingsChanged(experiment, fields) = error else { Issue.record("wrong error \(error)"); return }
            #expect(experiment == "tiny" && fields == ["space.layer_limit"], "\(fields)")
            #expect(error.description.contains("layer_limit") && error.description.contains("new --experiment"))
        }
        // Unchanged settings (or none given) resume; a finished search has nothing left to do.
        var plain = SearchRequest(experiment: "tiny", store: .sqlite(path: directory.appendingPathComponent("tiny.sqlite").path), reportDirectory: nil)
        plain.threadsPerWorker = 1
        let resumed = try Search(plain)
        #expect(resumed.resumed)
        let outcome = try resumed.run(cancellation: SearchCancellation())
        #expect(outcome.completed && outcome.status.modelsDone == 14)
    }

    @Test("A cancelled search releases its leases, and resuming continues the uninterrupted search exactly")
    func cancelled() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let reference = directory.appendingPathComponent("reference")
        try FileManager.default.createDirectory(at: reference, withIntermediateDirectories: true)
        _ = try Search(SearchFixtures.request(reference)).run(cancellation: SearchCancellation())
        let cancellation = SearchCancellation()
        let outcome = try Search(SearchFixtures.request(directory)).run(cancellation: cancellation) { event in
            if case let .trained(_, _, _, _, status) = event, status.modelsDone >= 3 { cancellation.cancel() }
        }
        #expect(!outcome.completed)
        let store = try ReplayStore(path: directory.appendingPathComponent("tiny.sqlite").path, mode: .mustExist)
        #expect(try store.leases(experiment: "tiny").allSatisfy { $0.worker == StoreSearchBackend.released && $0.pid == 0 },
                "no lease is left held by the stopped run")
        let stopped = try SearchFixtures.snapshot(store: directory.appendingPathComponent("tiny.sqlite"))
        #expect(stopped.problems.isEmpty && (3..<14).contains(stopped.nets.count))
        let finished = try Search(SearchFixtures.request(directory)).run(cancellation: SearchCancellation())
        #expect(finished.completed && finished.status.modelsDone == 14)
        #expect(try SearchFixtures.snapshot(store: directory.appendingPathComponent("tiny.sqlite"))
                == SearchFixtures.snapshot(store: reference.appendingPathComponent("tiny.sqlite")))
    }

    @Test("Two workers cancelled mid-run leave no lease held and finish on resume")
    func cancelledWorkers() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let cancellation = SearchCancellation()
        _ = try Search(SearchFixtures.request(directory, workers: 2)).run(cancellation: cancellation) { event in
            if case let .trained(_, _, _, _, status) = event, status.modelsDone >= 3 { cancellation.cancel() }
        }
        let store = try ReplayStore(path: directory.appendingPathComponent("tiny.sqlite").path, mode: .mustExist)
        #expect(try store.leases(experiment: "tiny").allSatisfy { $0.worker == StoreSearchBackend.released })
        let finished = try Search(SearchFixtures.request(directory, workers: 2)).run(cancellation: SearchCancellation())
        let snapshot = try SearchFixtures.snapshot(store: directory.appendingPathComponent("tiny.sqlite"))
        #expect(finished.completed && snapshot.nets.count == 14 && snapshot.leases == 0 && snapshot.problems.isEmpty)
    }
}

@Suite("Store-backed search steps")
struct StoreSearchBackendTests {
    @Test("A net that cannot be trained is stored as failed with its reason: no replay row, no stage count, no lease")
    func failedNet() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let search = try Search(SearchFixtures.request(directory))
        let backend = StoreSearchBackend(store: search.store, experiment: "tiny", configuration: search.configuration)
        guard case let .train(net, stage, _, lease, retry) = try backend.claim(worker: 0) else {
            Issue.record("the first claim of a fresh search must lease a net")
            return
        }
        #expect(stage == 0 && !retry)
        try backend.fail(lease: lease, net: net, reason: "the representation vanishes")
        let store = search.store
        let records = try store.nets(experiment: "tiny")
        #expect(records.count == 1 && records[0].status == .failed && records[0].failure == "the representation vanishes")
        #expect(try store.replayEntries(experiment: "tiny").isEmpty && store.leases(experiment: "tiny").isEmpty)
        #expect(try backend.status().modelsDone == 0)
        // Recording under a lease that is gone changes nothing.
        let result = TrainingResult(net: "[SM(3)]", bestValidationAccuracy: 0.5, bestValidationIteration: 1,
                                    lastValidationAccuracy: 0.5, lastValidationIteration: 1, testAccuracyAtBest: 0.5,
                                    testAccuracyAtLast: 0.5, epochs: [], parameterCount: 1, forwardFLOPs: 1, attempts: 1,
                                    learned: true, seconds: 0)
        #expect(try backend.record(lease: lease, stage: 0, epsilon: 1, result: result, predictedAccuracy: nil, worker: 0) == false)
        #expect(try store.nets(experiment: "tiny").count == 1)
    }

    @Test("A claim and a record whose commit went through but whose answer was lost are retried without doing anything twice")
    func lostAnswersAreNotRepeated() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // The same claim and record, once plainly and once with both answers lost, must leave the same store.
        var snapshots: [SearchFixtures.Snapshot] = []
        var streams: [UInt64] = []
        for lose in [false, true] {
            let folder = directory.appendingPathComponent(lose ? "lost" : "plain")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let search = try Search(SearchFixtures.request(folder))
            let store = LostAnswerStore(search.store)
            let backend = StoreSearchBackend(store: store, experiment: "tiny", configuration: search.configuration)
            if lose { store.loseNextAnswer() }
            guard case let .train(net, stage, epsilon, lease, _) = try backend.claim(worker: 0) else {
                Issue.record("the first claim of a fresh search must lease a net")
                return
            }
            #expect(store.lostAnswer)
            // A retried claim finds the lease its lost commit made rather than leasing a second net.
            #expect(try store.leases(experiment: "tiny").map(\.id) == [lease])
            let result = TrainingResult(net: net, bestValidationAccuracy: 0.5, bestValidationIteration: 1,
                                        lastValidationAccuracy: 0.5, lastValidationIteration: 1, testAccuracyAtBest: 0.5,
                                        testAccuracyAtLast: 0.5, epochs: [], parameterCount: 1, forwardFLOPs: 1, attempts: 1,
                                        learned: true, seconds: 0)
            if lose { store.loseNextAnswer() }
            #expect(try backend.record(lease: lease, stage: stage, epsilon: epsilon, result: result, predictedAccuracy: nil, worker: 0))
            #expect(store.lostAnswer)
            #expect(try backend.status().modelsDone == 1)
            snapshots.append(try SearchFixtures.snapshot(of: store))
            streams.append(try store.experiment(named: "tiny").rngState)
        }
        SearchFixtures.expectSame(snapshots[1], as: snapshots[0])
        #expect(snapshots[1].nets.count == 1 && snapshots[1].replays.count == 1)
        #expect(streams[1] == streams[0], "the random stream moved as far as one claim and one record move it")
    }
}
