import Foundation
import ReplayStore
import StoreModel
import Synchronization
import Testing

@Suite struct ConcurrentStoreTests {
    /// Four writers with their own connections (as four processes would have) interleave
    /// read-then-extend steps; IMMEDIATE transactions serialise them, so the sequence has
    /// neither gaps nor duplicates and every step's writes land together.
    @Test func concurrentStepsNeitherLoseNorDuplicateRows() throws {
        let dir = TemporaryDirectory()
        defer { dir.cleanUp() }
        let path = dir.file("s.sqlite")
        try ReplayStore(path: path, mode: .createIfMissing).createExperiment(Fixtures.experiment())
        let writers = 4, steps = 25
        let failures = Mutex<[String]>([])
        let group = DispatchGroup()
        for writer in 0..<writers {
            group.enter()
            Thread {
                defer { group.leave() }
                do {
                    let store = try ReplayStore(path: path, mode: .mustExist)
                    for step in 0..<steps {
                        try store.write(experiment: "exp") { tx in
                            let before = try tx.replayCount()
                            let net = try tx.insertNet(Fixtures.trained("[net \(writer)-\(step)]", accuracy: 0.5))
                            let row = try tx.appendReplayRow(netID: net.id, epsilon: 1, finishedAt: 0, machine: "w\(writer)")
                            if row.sequence != before + 1 { throw StoreError.corrupt(store: path, detail: "gap") }
                            try tx.setRNGState(UInt64(row.sequence), at: 0)
                        }
                    }
                } catch {
                    failures.withLock { $0.append("\(error)") }
                }
            }.start()
        }
        group.wait()
        #expect(failures.withLock { $0 } == [])
        let store = try ReplayStore(path: path, mode: .mustExist)
        let entries = try store.replayEntries(experiment: "exp")
        #expect(entries.map(\.row.sequence) == Array(1...(writers * steps)))
        #expect(Set(entries.map(\.net.net)).count == writers * steps)
        #expect(try store.experiment(named: "exp").rngState == UInt64(writers * steps))
        #expect(try store.integrityProblems().isEmpty)
    }

    /// Workers racing to lease the same nets: each net is leased exactly once.
    @Test func racingWorkersNeverLeaseTheSameNetTwice() throws {
        let dir = TemporaryDirectory()
        defer { dir.cleanUp() }
        let path = dir.file("s.sqlite")
        try ReplayStore(path: path, mode: .createIfMissing).createExperiment(Fixtures.experiment())
        let nets = (0..<30).map { "[net \($0)]" }
        let won = Mutex<[String: [Int]]>([:])
        let group = DispatchGroup()
        for worker in 0..<3 {
            group.enter()
            Thread {
                defer { group.leave() }
                let store = try! ReplayStore(path: path, mode: .mustExist)
                for net in nets {
                    let leased = try! store.write(experiment: "exp") { tx -> Bool in
                        guard try !tx.leases().contains(where: { $0.net == net }) else { return false }
                        _ = try tx.insertLease(LeaseRecord(net: net, stage: 0, epsilon: 1, worker: "w\(worker)", pid: 1,
                                                           host: "h", claimedAt: 0, heartbeatAt: 0))
                        return true
                    }
                    if leased { won.withLock { $0[net, default: []].append(worker) } }
                }
            }.start()
        }
        group.wait()
        let winners = won.withLock { $0 }
        #expect(winners.count == nets.count)
        #expect(winners.values.allSatisfy { $0.count == 1 })
        #expect(try ReplayStore(path: path, mode: .mustExist).leases(experiment: "exp").count == nets.count)
    }
}
