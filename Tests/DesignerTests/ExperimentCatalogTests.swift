import Foundation
import ReplayStore
import SearchSpace
import StoreModel
import Testing
@testable import Designer

@Suite struct ExperimentCatalogTests {
    @Test func listAndShowDescribeAnImportedExperiment() throws {
        let dir = NSTemporaryDirectory() + "designer-catalog-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = try ReplayStore(path: dir + "/s.sqlite", mode: .createIfMissing)
        let catalog = ExperimentCatalog(store: store)
        #expect(try catalog.listing() == "No experiments in \(dir)/s.sqlite.\n")
        try ReplayImporter(settings: .cpuDigits).importText(ReplayImportTests.file, source: "r.csv", experiment: "ref", into: store)
        let listing = try catalog.listing().split(separator: "\n")
        #expect(listing.count == 2)
        #expect(listing[1].split(separator: " ", omittingEmptySubsequences: true).prefix(8)
            == ["ref", "import", "imported", "3", "2", "0", "0", "81.20%"])
        #expect(listing[1].hasSuffix("[C(16,3,1), P(2,2), D(1,2), FC(64), D(2,2), SM(10)]"))
        let details = try catalog.details(experiment: "ref", top: 1)
        #expect(details.contains("models: 3 replay rows; 2 nets trained, 0 failed, 0 in flight"))
        #expect(details.contains(": cpu-digits\n"))
        #expect(details.contains("top 1 nets by best validation accuracy:"))
        #expect(details.contains("81.20%"))
        #expect(!details.contains("[SM(10)]"))
        #expect(throws: StoreError.experimentNotFound(name: "nope", store: dir + "/s.sqlite")) {
            try catalog.details(experiment: "nope")
        }
    }

    @Test func aSearchKilledBeforeItsFirstModelIsListedAsInterrupted() throws {
        let dir = NSTemporaryDirectory() + "designer-catalog-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // A process that has exited: its pid is gone on this host, as after a kill -9.
        let gone = Process()
        gone.executableURL = URL(fileURLWithPath: "/bin/sh")
        gone.arguments = ["-c", "exit 0"]
        try gone.run()
        gone.waitUntilExit()
        let store = try ReplayStore(path: dir + "/s.sqlite", mode: .createIfMissing)
        let now = Date().timeIntervalSince1970
        for (name, pid) in [("killed", gone.processIdentifier), ("alive", getpid())] {
            try store.createExperiment(ExperimentRecord(
                name: name, kind: .search, status: .running, seed: 1, searchSpaceJSON: "{}", settingsJSON: "{}",
                rngState: 1, createdAt: now, updatedAt: now)) { transaction in
                _ = try transaction.insertLease(LeaseRecord(
                    net: "[SM(10)]", stage: 0, epsilon: 1, worker: "w", pid: pid, host: ProcessInfo.processInfo.hostName,
                    claimedAt: now, heartbeatAt: now))
            }
        }
        let rows = try ExperimentCatalog(store: store).listing().split(separator: "\n").dropFirst()
            .map { $0.split(separator: " ", omittingEmptySubsequences: true) }
        #expect(rows.first { $0[0] == "alive" }?.prefix(7) == ["alive", "search", "running", "0", "0", "0", "1"])
        #expect(rows.first { $0[0] == "killed" }?.prefix(8) == ["killed", "search", "stopped", "(interrupted)", "0", "0", "0", "0"])
        let details = try ExperimentCatalog(store: store).details(experiment: "killed")
        #expect(details.hasPrefix("experiment: killed (search, stopped (interrupted))\n"))
        #expect(details.contains("0 failed, 0 in flight\n"))
        #expect(details.contains(", abandoned: the next run trains it first\n"))
    }

    @Test func scheduleProgressCountsOnlyTrainedNetsPerStage() {
        let schedule = EpsilonSchedule(steps: [.init(epsilon: 1, models: 3), .init(epsilon: 0.5, models: 2)])
        func net(_ stage: Int?, _ status: TrainedNetRecord.Status) -> TrainedNetRecord {
            TrainedNetRecord(net: UUID().uuidString, status: status, stage: stage, epsilon: 1,
                             bestValidationAccuracy: 0.5, bestValidationIteration: 1, lastValidationAccuracy: 0.5,
                             lastValidationIteration: 1, worker: "w", failure: status == .failed ? "x" : nil, finishedAt: 0)
        }
        let lines = ExperimentCatalog.progress(
            schedule: schedule, nets: [net(0, .trained), net(0, .trained), net(0, .failed), net(1, .trained), net(nil, .trained)])
        #expect(lines == ["ε 1.0: 2/3", "ε 0.5: 1/2"])
    }
}
