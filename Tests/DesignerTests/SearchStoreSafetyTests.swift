import Foundation
import ReplayStore
import StoreModel
import Synchronization
import TestSupport
import Testing
@testable import Designer

@Suite("A search writes the store only when it has something to record")
struct SearchStoreSafetyTests {
    @Test("Running a finished search again changes nothing, its times included")
    func finishedSearchIsLeftAsItIs() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let request = try SearchFixtures.request(directory)
        let first = try Search(request).run(cancellation: SearchCancellation())
        #expect(first.completed)
        let path = directory.appendingPathComponent("tiny.sqlite").path
        let before = try ReplayStore(path: path, mode: .readOnly).experiment(named: "tiny")
        let snapshot = try SearchFixtures.snapshot(store: URL(fileURLWithPath: path))
        let bytes = storeFiles(path)
        #expect(bytes[1] == nil, "the finished search closed its store")
        usleep(20_000)  // a write now would store a later time
        let again = try Search(request).run(cancellation: SearchCancellation())
        #expect(again.completed && again.status.modelsDone == 14)
        let after = try ReplayStore(path: path, mode: .readOnly).experiment(named: "tiny")
        #expect(after == before, "createdAt, updatedAt, status and random state unchanged")
        #expect(after.status == .finished)
        #expect(try SearchFixtures.snapshot(store: URL(fileURLWithPath: path)) == snapshot)
        #expect(storeFiles(path) == bytes, "not a byte written, no -wal or -shm created")
    }

    @Test("A search refused for a bad dataset creates no store file")
    func failedStartLeavesNoStore() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var request = try SearchFixtures.request(directory)
        request.dataset = DatasetChoice(name: "fashion-mnist", directory: directory.appendingPathComponent("no-such-folder").path)
        #expect(throws: (any Error).self) { try Search(request) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    @Test("A search refused on a store changes no byte of it")
    func refusedSearchKeepsTheStore() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let request = try SearchFixtures.request(directory)
        // An experiment whose stored settings this build cannot read, left closed on disk.
        try ReplayStore(path: request.store.fileURL.path, mode: .createIfMissing).createExperiment(ExperimentRecord(
            name: "tiny", kind: .search, status: .running, seed: 5, searchSpaceJSON: "{}", settingsJSON: #"{"broken":true}"#,
            rngState: 5, createdAt: 1, updatedAt: 1))
        let before = storeFiles(request.store.fileURL.path)
        #expect(before[1] == nil)
        #expect(throws: SearchError.self) { try Search(request) }
        #expect(storeFiles(request.store.fileURL.path) == before)
    }

    @Test("Searches started at the same moment on a new experiment join it, or are refused for other settings")
    func simultaneousStartsJoin() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // Several starts race between "no such experiment" and creating it; each must end up on the one experiment.
        let seeds: [UInt64] = [5, 5, 5, 5, 5, 6]
        let results = Mutex<[(UInt64, Result<Bool, any Error>)]>([])
        let threads = seeds.map { seed in
            Thread {
                let result = Result { try Search(SearchFixtures.request(directory, seed: seed)).resumed }
                results.withLock { $0.append((seed, result)) }
            }
        }
        threads.forEach { $0.start() }
        while results.withLock({ $0.count }) < seeds.count { usleep(10_000) }
        let outcomes = results.withLock { $0 }
        let store = try ReplayStore(path: directory.appendingPathComponent("tiny.sqlite").path, mode: .readOnly)
        let winner = try store.experiment(named: "tiny").seed
        for (seed, result) in outcomes {
            switch result {
            case .success:
                #expect(seed == winner)
            case let .failure(error):
                #expect(seed != winner, "\(error)")
                guard case .settingsChanged? = error as? SearchError else {
                    Issue.record("seed \(seed): \(error)")
                    continue
                }
            }
        }
        #expect(outcomes.filter { (try? $0.1.get()) == false }.count == 1, "exactly one start created the experiment")
    }
}
