import Foundation
import ReplayStore
import StoreModel
import Testing

@Suite struct ReplayStoreTests {
    @Test func storesAndReadsBackEveryKindOfRecord() throws {
        let dir = TemporaryDirectory()
        defer { dir.cleanUp() }
        let store = try ReplayStore(path: dir.file("nested/a.sqlite"), mode: .createIfMissing)
        let created = try store.createExperiment(Fixtures.experiment())
        #expect(created.id > 0)
        let lease = try store.write(experiment: "exp") { tx in
            let a = try tx.insertNet(Fixtures.trained("[C(8,3,1), SM(10)]", accuracy: 0.5))
            let b = try tx.insertNet(Fixtures.trained("[SM(10)]", accuracy: 0.25, stage: 1))
            _ = try tx.insertNet(TrainedNetRecord(net: "[P(2,2), SM(10)]", status: .failed, stage: 0, epsilon: 1,
                                                  worker: "w0", failure: "empty representation", finishedAt: 3))
            #expect(try tx.appendReplayRow(netID: a.id, epsilon: 1, finishedAt: 5, machine: "m").sequence == 1)
            #expect(try tx.appendReplayRow(netID: b.id, epsilon: 0.9, finishedAt: 6, machine: "m").sequence == 2)
            #expect(try tx.appendReplayRow(netID: a.id, epsilon: 0.9, finishedAt: 7, machine: "m").sequence == 3)
            try tx.saveQValues([QValueRecord(state: Fixtures.start, action: Fixtures.conv, utility: 0.5),
                                QValueRecord(state: Fixtures.start, action: Fixtures.gap, utility: 0.25)])
            try tx.saveQValues([QValueRecord(state: Fixtures.start, action: Fixtures.conv, utility: 0.75)])
            try tx.setRNGState(UInt64.max - 3, at: 9)
            return try tx.insertLease(LeaseRecord(net: "[C(16,3,1), SM(10)]", stage: 1, epsilon: 0.9, worker: "w1",
                                                  pid: 42, host: "h", claimedAt: 8, heartbeatAt: 8))
        }
        let reopened = try ReplayStore(path: dir.file("nested/a.sqlite"), mode: .mustExist)
        let experiment = try reopened.experiment(named: "exp")
        #expect(experiment.rngState == UInt64.max - 3)
        #expect(experiment.seed == 7)
        #expect(experiment.updatedAt == 9)
        let entries = try reopened.replayEntries(experiment: "exp")
        #expect(entries.map(\.net.net) == ["[C(8,3,1), SM(10)]", "[SM(10)]", "[C(8,3,1), SM(10)]"])
        #expect(entries.map(\.row.epsilon) == [1, 0.9, 0.9])
        #expect(entries[0].net == { var n = Fixtures.trained("[C(8,3,1), SM(10)]", accuracy: 0.5); n.id = entries[0].net.id; return n }())
        #expect(try reopened.qValues(experiment: "exp") == [QValueRecord(state: Fixtures.start, action: Fixtures.conv, utility: 0.75),
                                                            QValueRecord(state: Fixtures.start, action: Fixtures.gap, utility: 0.25)])
        #expect(try reopened.leases(experiment: "exp") == [lease])
        let nets = try reopened.nets(experiment: "exp")
        #expect(nets.map(\.status) == [.trained, .trained, .failed])
        let counts = try reopened.write(experiment: "exp") { try $0.trainedCountsByStage() }
        #expect(counts == [0: 1, 1: 1])
        let summary = try #require(try reopened.experiments().first)
        #expect((summary.models, summary.trainedNets, summary.failedNets, summary.leases) == (3, 2, 1, 1))
        #expect(summary.best?.net == "[C(8,3,1), SM(10)]")
        #expect(try reopened.integrityProblems().isEmpty)
    }

    @Test func aThrowingStepLeavesTheStoreUnchanged() throws {
        let dir = TemporaryDirectory()
        defer { dir.cleanUp() }
        let store = try ReplayStore(path: dir.file("s.sqlite"), mode: .createIfMissing)
        try store.createExperiment(Fixtures.experiment())
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try store.write(experiment: "exp") { tx in
                let net = try tx.insertNet(Fixtures.trained("[SM(10)]", accuracy: 0.3))
                try tx.appendReplayRow(netID: net.id, epsilon: 1, finishedAt: 1, machine: "m")
                try tx.setRNGState(99, at: 2)
                throw Boom()
            }
        }
        #expect(try store.nets(experiment: "exp").isEmpty)
        #expect(try store.replayEntries(experiment: "exp").isEmpty)
        #expect(try store.experiment(named: "exp").rngState == 7)
    }

    @Test func theSchemaRefusesDuplicatesAndDanglingRows() throws {
        let dir = TemporaryDirectory()
        defer { dir.cleanUp() }
        let store = try ReplayStore(path: dir.file("s.sqlite"), mode: .createIfMissing)
        try store.createExperiment(Fixtures.experiment())
        try store.write(experiment: "exp") { tx in _ = try tx.insertNet(Fixtures.trained("[SM(10)]", accuracy: 0.3)) }
        #expect(throws: StoreError.duplicateNet(net: "[SM(10)]", experiment: "exp")) {
            try store.write(experiment: "exp") { tx in _ = try tx.insertNet(Fixtures.trained("[SM(10)]", accuracy: 0.4)) }
        }
        // A failed net never gets a replay row, and a row must point at a net of its own experiment.
        #expect(throws: StoreError.self) {
            try store.write(experiment: "exp") { tx in
                let failed = try tx.insertNet(TrainedNetRecord(net: "[P(2,2), SM(10)]", status: .failed, stage: 0,
                                                               epsilon: 1, worker: "w", failure: "x", finishedAt: 1))
                try tx.appendReplayRow(netID: failed.id, epsilon: 1, finishedAt: 1, machine: "m")
            }
        }
        try store.createExperiment(Fixtures.experiment("other"))
        let foreignNet = try store.nets(experiment: "exp")[0].id
        #expect(throws: StoreError.self) {
            try store.write(experiment: "other") { tx in try tx.appendReplayRow(netID: foreignNet, epsilon: 1, finishedAt: 1, machine: "m") }
        }
        // One lease per net.
        let lease = LeaseRecord(net: "[SM(10)]", stage: 0, epsilon: 1, worker: "w", pid: 1, host: "h", claimedAt: 0, heartbeatAt: 0)
        try store.write(experiment: "exp") { tx in _ = try tx.insertLease(lease) }
        #expect(throws: StoreError.self) { try store.write(experiment: "exp") { tx in _ = try tx.insertLease(lease) } }
        #expect(throws: StoreError.experimentExists(name: "exp", store: dir.file("s.sqlite"))) {
            try store.createExperiment(Fixtures.experiment())
        }
        #expect(try store.nets(experiment: "exp").count == 1)
        #expect(try store.replayEntries(experiment: "other").isEmpty)
        #expect(try store.leases(experiment: "exp").count == 1)
    }

    @Test func leasesCanBeReassignedHeartbeatenAndDropped() throws {
        let dir = TemporaryDirectory()
        defer { dir.cleanUp() }
        let store = try ReplayStore(path: dir.file("s.sqlite"), mode: .createIfMissing)
        try store.createExperiment(Fixtures.experiment())
        let lease = try store.write(experiment: "exp") { tx in
            try tx.insertLease(LeaseRecord(net: "[SM(10)]", stage: 0, epsilon: 1, worker: "w", pid: 1, host: "h",
                                           claimedAt: 0, heartbeatAt: 0))
        }
        #expect(try store.heartbeat(lease: lease.id, at: 50))
        #expect(try store.leases(experiment: "exp")[0].heartbeatAt == 50)
        #expect(try store.write(experiment: "exp") { try $0.reassignLease(id: lease.id, worker: "w2", pid: 2, host: "h2", at: 60) })
        #expect(try store.leases(experiment: "exp")[0].worker == "w2")
        #expect(try store.write(experiment: "exp") { try $0.deleteLease(id: lease.id) })
        #expect(try !store.write(experiment: "exp") { try $0.deleteLease(id: lease.id) })
        #expect(try !store.heartbeat(lease: lease.id, at: 70))
    }

    @Test func unknownExperimentIsAClearError() throws {
        let dir = TemporaryDirectory()
        defer { dir.cleanUp() }
        let store = try ReplayStore(path: dir.file("s.sqlite"), mode: .createIfMissing)
        let error = #expect(throws: StoreError.self) { try store.experiment(named: "nope") }
        #expect(error?.description.contains("No experiment named 'nope'") == true)
    }
}
