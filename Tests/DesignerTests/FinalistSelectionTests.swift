import Foundation
import ReplayStore
import StoreModel
import Testing
@testable import Designer

/// Which nets are finalized, in which order, and how finalized nets are ranked afterwards.
@Suite struct FinalistSelectionTests {
    static func net(_ net: String, _ accuracy: Double?, parameters: Int?, status: TrainedNetRecord.Status = .trained) -> TrainedNetRecord {
        TrainedNetRecord(net: net, status: status, stage: 0, epsilon: 1, bestValidationAccuracy: accuracy,
                         bestValidationIteration: accuracy == nil ? nil : 1, lastValidationAccuracy: accuracy,
                         lastValidationIteration: accuracy == nil ? nil : 1, parameterCount: parameters, worker: "w",
                         failure: status == .failed ? "boom" : nil, finishedAt: 1)
    }

    @Test func bestValidationFirstThenFewerParametersThenNetString() {
        let nets = [
            Self.net("[C(8,3,1), SM(10)]", 0.90, parameters: 500),
            Self.net("[C(16,3,1), SM(10)]", 0.95, parameters: 900),
            Self.net("[FC(64), SM(10)]", 0.95, parameters: 300),
            Self.net("[P(2,2), SM(10)]", nil, parameters: nil, status: .failed),
            Self.net("[GAP(10), SM(10)]", 0.90, parameters: 500),
            Self.net("[SM(10)]", 0.90, parameters: nil),
        ]
        let top = FinalistSelection.top(5, of: nets)
        #expect(top.map(\.net) == ["[FC(64), SM(10)]", "[C(16,3,1), SM(10)]", "[C(8,3,1), SM(10)]", "[GAP(10), SM(10)]", "[SM(10)]"])
        #expect(top.map(\.rank) == [1, 2, 3, 4, 5])
        #expect(FinalistSelection.top(2, of: nets.reversed()) == Array(top.prefix(2)), "storage order does not matter")
        #expect(FinalistSelection.top(10, of: nets).count == 5, "failed nets are never finalists")
        #expect(FinalistSelection.top(3, of: [Self.net("[P(2,2), SM(10)]", nil, parameters: nil, status: .failed)]).isEmpty)
    }

    static func run(_ net: String, seed: Int, validation: Double, parameters: Int = 100) -> FinalistRecord {
        FinalistRecord(selectionRank: 1, net: net, seed: seed, settingsJSON: "{}", epochsJSON: "[]", bestValidationAccuracy: validation,
                       lastValidationAccuracy: validation, testAccuracyAtBest: 0.5, testAccuracyAtLast: 0.5,
                       parameterCount: parameters, forwardFLOPs: 1, seconds: 1, weightsFile: "m/x.safetensors",
                       weightsSHA256: String(repeating: "0", count: 64), normalizationMean: [0], normalizationStd: [1],
                       worker: "w", finishedAt: 1)
    }

    @Test func finalizedNetsRankByMeanValidationOverSeeds() {
        let standings = FinalistStanding.rank([
            Self.run("a", seed: 1, validation: 0.99), Self.run("a", seed: 2, validation: 0.80),
            Self.run("b", seed: 2, validation: 0.91), Self.run("b", seed: 1, validation: 0.91),
            Self.run("c", seed: 1, validation: 0.91, parameters: 50), Self.run("c", seed: 2, validation: 0.91, parameters: 50),
        ])
        #expect(standings.map(\.net) == ["c", "b", "a"], "ties on the mean go to fewer parameters")
        #expect(standings[1].runs.map(\.seed) == [1, 2])
        #expect(standings[1].bestRun.seed == 1, "equal validation: the lower seed")
        #expect(standings[2].bestRun.seed == 1)
    }

    @Test func weightFileNamesTellNetAndSeed() {
        #expect(FinalistWeights.fileName(rank: 1, seed: 2, net: "[C(32,5,1), P(2,2), D(1,2), FC(64), SM(10)]")
                == "rank1-seed2-C32-5-1_P2-2_D1-2_FC64_SM10.safetensors")
        #expect(FinalistWeights.folder(experiment: "fashion") == "fashion-models")
    }
}
