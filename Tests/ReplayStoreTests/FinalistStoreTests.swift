import Foundation
import ReplayStore
import StoreModel
import Testing

@Suite struct FinalistStoreTests {
    static func finalist(_ net: String, seed: Int, rank: Int = 1, accuracy: Double = 0.9) -> FinalistRecord {
        FinalistRecord(selectionRank: rank, net: net, seed: seed, settingsJSON: #"{"epochs":2}"#,
                       epochsJSON: #"[{"epoch":1},{"epoch":2}]"#, bestValidationAccuracy: accuracy,
                       lastValidationAccuracy: accuracy - 0.01, testAccuracyAtBest: accuracy - 0.02,
                       testAccuracyAtLast: accuracy - 0.03, parameterCount: 650, forwardFLOPs: 1300, seconds: 2.5,
                       weightsFile: "exp-models/rank\(rank)-seed\(seed).safetensors",
                       weightsSHA256: String(repeating: "ab", count: 32), normalizationMean: [0.25, 0.5],
                       normalizationStd: [1, 0.125], worker: "w1", finishedAt: 3000)
    }

    @Test func finalistsAndEnsemblesRoundTripTyped() throws {
        let dir = TemporaryDirectory()
        defer { dir.cleanUp() }
        let store = try ReplayStore(path: dir.file("f.sqlite"), mode: .createIfMissing)
        try store.createExperiment(Fixtures.experiment())
        let a = try store.write(experiment: "exp") { tx in try tx.insertFinalist(Self.finalist("[SM(10)]", seed: 2, rank: 2)) }
        let b = try store.write(experiment: "exp") { tx in try tx.insertFinalist(Self.finalist("[C(8,3,1), SM(10)]", seed: 1)) }
        #expect(a.id != nil && b.id != nil && a.id != b.id)
        let reopened = try ReplayStore(path: dir.file("f.sqlite"), mode: .mustExist)
        let stored = try reopened.finalists(experiment: "exp")
        #expect(stored == [b, a], "ordered by selection rank, every field as written")
        #expect(stored[0].normalizationStd == [1, 0.125])

        let ensembles = [EnsembleRecord(size: 1, nets: ["[C(8,3,1), SM(10)]"], models: 1, testAccuracy: 0.875, computedAt: 4),
                         EnsembleRecord(size: 2, nets: ["[C(8,3,1), SM(10)]", "[SM(10)]"], models: 2, testAccuracy: 0.9, computedAt: 4)]
        try reopened.write(experiment: "exp") { tx in try tx.replaceEnsembles(ensembles) }
        try reopened.write(experiment: "exp") { tx in try tx.replaceEnsembles(ensembles) }
        let read = try reopened.ensembles(experiment: "exp")
        #expect(read.map(\.size) == [1, 2] && read[1].nets == ensembles[1].nets && read[1].testAccuracy == 0.9)
    }

    @Test func aFinishedNetAndSeedIsStoredOnce() throws {
        let dir = TemporaryDirectory()
        defer { dir.cleanUp() }
        let store = try ReplayStore(path: dir.file("f.sqlite"), mode: .createIfMissing)
        try store.createExperiment(Fixtures.experiment())
        _ = try store.write(experiment: "exp") { tx in try tx.insertFinalist(Self.finalist("[SM(10)]", seed: 1)) }
        #expect(throws: StoreError.duplicateFinalist(net: "[SM(10)]", seed: 1, experiment: "exp")) {
            _ = try store.write(experiment: "exp") { tx in try tx.insertFinalist(Self.finalist("[SM(10)]", seed: 1)) }
        }
        _ = try store.write(experiment: "exp") { tx in try tx.insertFinalist(Self.finalist("[SM(10)]", seed: 2)) }
        #expect(try store.finalists(experiment: "exp").map(\.seed) == [1, 2])
    }

    @Test func schemaRefusesValuesOutsideItsChecks() throws {
        let dir = TemporaryDirectory()
        defer { dir.cleanUp() }
        let store = try ReplayStore(path: dir.file("f.sqlite"), mode: .createIfMissing)
        try store.createExperiment(Fixtures.experiment())
        var bad = Self.finalist("[SM(10)]", seed: 1)
        bad.weightsSHA256 = "abc"
        #expect(throws: StoreError.self) { _ = try store.write(experiment: "exp") { tx in try tx.insertFinalist(bad) } }
        bad = Self.finalist("[SM(10)]", seed: 1, accuracy: 1.5)
        #expect(throws: StoreError.self) { _ = try store.write(experiment: "exp") { tx in try tx.insertFinalist(bad) } }
        #expect(try store.finalists(experiment: "exp").isEmpty)
    }
}
