import Foundation
import ReplayStore
import StoreModel
import Testing

/// Migration `v4-early-stopping`: a net stopped early keeps its measured fields and adds its stop
/// epoch and predicted reward; older stores migrate with every row as it was.
@Suite struct EarlyStoppingStoreTests {
    static func stopped(_ net: String, measured: Double, predicted: Double, after epoch: Int) -> TrainedNetRecord {
        var record = Fixtures.trained(net, accuracy: measured)
        record.stoppedAfterEpoch = epoch
        record.predictedAccuracy = predicted
        return record
    }

    @Test func aStoppedNetsRewardIsItsPredictionWhereverRewardsAreRead() throws {
        let dir = TemporaryDirectory()
        defer { dir.cleanUp() }
        let store = try ReplayStore(path: dir.file("s.sqlite"), mode: .createIfMissing)
        try store.createExperiment(Fixtures.experiment()) { tx in
            let full = try tx.insertNet(Fixtures.trained("[SM(10)]", accuracy: 0.6))
            let early = try tx.insertNet(Self.stopped("[FC(8), SM(10)]", measured: 0.7, predicted: 0.75, after: 2))
            for net in [full, early, early] { try tx.appendReplayRow(netID: net.id, epsilon: 1, finishedAt: 0, machine: "m") }
            #expect(try tx.replayRewards().map(\.reward) == [0.6, 0.75, 0.75])
        }
        let nets = try store.nets(experiment: "exp")
        #expect(nets.map(\.stoppedAfterEpoch) == [nil, 2] && nets.map(\.predictedAccuracy) == [nil, 0.75])
        #expect(nets.map(\.isPredicted) == [false, true] && nets.map(\.reward) == [0.6, 0.75])
        #expect(nets[1].bestValidationAccuracy == 0.7, "the measured accuracy of the partial curve is kept")
        #expect(try store.replayEntries(experiment: "exp").map(\.result.bestValidationAccuracy) == [0.6, 0.75, 0.75])
        #expect(try store.experiments().first?.best?.net == "[FC(8), SM(10)]")
    }

    @Test func theSchemaRefusesHalfAStop() throws {
        let dir = TemporaryDirectory()
        defer { dir.cleanUp() }
        let store = try ReplayStore(path: dir.file("s.sqlite"), mode: .createIfMissing)
        try store.createExperiment(Fixtures.experiment())
        var onlyEpoch = Fixtures.trained("[SM(10)]", accuracy: 0.5)
        onlyEpoch.stoppedAfterEpoch = 2
        var onlyPrediction = Fixtures.trained("[SM(10)]", accuracy: 0.5)
        onlyPrediction.predictedAccuracy = 0.5
        let outOfRange = Self.stopped("[SM(10)]", measured: 0.5, predicted: 1.5, after: 2)
        var failed = TrainedNetRecord(net: "[SM(10)]", status: .failed, stage: 0, epsilon: 1, worker: "w", failure: "x", finishedAt: 0)
        failed.stoppedAfterEpoch = 1
        failed.predictedAccuracy = 0.1
        for record in [onlyEpoch, onlyPrediction, outOfRange, failed] {
            #expect(throws: StoreError.self) { try store.write(experiment: "exp") { _ = try $0.insertNet(record) } }
        }
        #expect(try store.nets(experiment: "exp").isEmpty)
    }

    /// The committed stores: `digits.sqlite` as migration v1 left it, `fashion.sqlite` at v3 with finalists.
    static let committedStores = ["digits.sqlite", "fashion.sqlite"].map {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Replay/\($0)")
    }

    @Test(.enabled(if: Fixtures.hasSQLite3), arguments: committedStores)
    func olderStoresMigrateWithEveryRowAsItWas(_ committed: URL) throws {
        let dir = TemporaryDirectory()
        defer { dir.cleanUp() }
        let path = dir.file("old.sqlite")
        // Committed stores are checkpointed (no WAL), so a byte copy is the whole store; the original is only read.
        try FileManager.default.copyItem(atPath: committed.path, toPath: path)
        let tables = try Fixtures.sqlite3(path, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            .split(separator: "\n").map(String.init)
            // v5-typed-q-values changes qValue's columns; TypedQValueMigrationTests checks its every value.
            .filter { $0 != "qValue" }
        #expect(tables.contains("trainedNet") && !tables.isEmpty)
        func dump() throws -> [String] {
            try tables.map { table in
                let columns = try Fixtures.sqlite3(path, "SELECT group_concat(name, ', ') FROM pragma_table_info('\(table)')")
                    .trimmingCharacters(in: .newlines)
                    .replacingOccurrences(of: ", stoppedAfterEpoch, predictedAccuracy", with: "")
                return try table + ":\n" + Fixtures.sqlite3(path, "SELECT \(columns) FROM \(table) ORDER BY 1, 2")
            }
        }
        let before = try dump()
        #expect(try !Fixtures.sqlite3(path, "SELECT identifier FROM grdb_migrations").contains("v4-early-stopping"))

        let store = try ReplayStore(path: path, mode: .mustExist)
        #expect(try dump() == before)
        #expect(try Fixtures.sqlite3(path, "SELECT identifier FROM grdb_migrations").contains("v4-early-stopping"))
        #expect(try Fixtures.sqlite3(path, """
            SELECT COUNT(*) FROM trainedNet WHERE stoppedAfterEpoch IS NOT NULL OR predictedAccuracy IS NOT NULL
            """) == "0\n")
        for summary in try store.experiments() {
            let nets = try store.nets(experiment: summary.experiment.name)
            #expect(!nets.isEmpty && nets.allSatisfy { !$0.isPredicted && $0.reward == $0.bestValidationAccuracy })
        }
        #expect(try store.integrityProblems().isEmpty)
    }
}
